import { expect, test } from "@playwright/test";
import { createFunctionInUi, createNodeFunction, pasteIntoEditor, uniqueName } from "./helpers";

const EDITED = `export const handler = async (event) => {
  console.log("greeting", event.who);
  return { message: \`Hello \${event.who} from the editor\` };
};
`;

test("edit code in Monaco, deploy with Ctrl+S, invoke a saved event and open its record", async ({ page }) => {
  const name = uniqueName("e2e-code");
  await createFunctionInUi(page, name);
  const sections = page.getByRole("navigation", { name: "Function sections" });

  // The Code tab opens the deployed package on the handler's file.
  await sections.getByRole("link", { name: "Code" }).click();
  const tree = page.getByRole("tree", { name: "Files" });
  await expect(tree.getByRole("treeitem", { name: "index.mjs, handler" })).toBeVisible();
  await expect(page.getByRole("status", { name: "Handler" })).toContainText("index.mjs:1");

  // Edit: the file and the package are marked as changed.
  await pasteIntoEditor(page, "Code of index.mjs", EDITED);
  await expect(tree.getByRole("treeitem", { name: "index.mjs, modified, handler" })).toBeVisible();
  await expect(page.getByText("1 change not deployed")).toBeVisible();

  // The diff view compares with the deployed code.
  await page.getByRole("button", { name: "Compare with deployed" }).click();
  await expect(page.getByRole("button", { name: "Compare with deployed" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator(".monaco-diff-editor")).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(".monaco-diff-editor .line-insert").first()).toBeVisible();
  await page.getByRole("button", { name: "Compare with deployed" }).click();

  // Ctrl+S deploys: upload, then LastUpdateStatus until Successful.
  await page.getByRole("textbox", { name: "Code of index.mjs" }).focus();
  await page.keyboard.press("ControlOrMeta+S");
  await expect(page.getByRole("status", { name: "Deploy progress" })).toContainText("Deployed. CodeSha256", {
    timeout: 30_000,
  });
  await expect(page.getByText("No changes", { exact: true })).toBeVisible();
  await expect(tree.getByRole("treeitem", { name: "index.mjs, handler" })).toBeVisible();

  // Test tab: save an event (kept by the console's server-side store) and invoke it.
  await sections.getByRole("link", { name: "Test" }).click();
  await pasteIntoEditor(page, "Event JSON", '{"who": "e2e"}');
  await page.getByRole("button", { name: "Save event" }).click();
  const dialog = page.getByRole("dialog", { name: "Save test event" });
  await dialog.getByRole("textbox", { name: "Event name" }).fill("greet-e2e");
  await dialog.getByRole("button", { name: "Save event" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("combobox", { name: "Saved event" })).toHaveText("greet-e2e");

  await page.reload();
  await expect(page.getByRole("combobox", { name: "Saved event" })).toHaveText("greet-e2e");
  await expect(page.getByRole("textbox", { name: "Event JSON" })).toBeAttached({ timeout: 30_000 });
  await page.getByRole("textbox", { name: "Event JSON" }).focus();
  await page.keyboard.press("ControlOrMeta+Enter");
  const result = page.getByRole("region", { name: "Invocation result" });
  await expect(result.getByText("Succeeded")).toBeVisible({ timeout: 30_000 });
  await expect(result.getByLabel("Response payload")).toContainText("Hello e2e from the editor");
  await expect(result.getByLabel("Log output")).toContainText("greeting");

  // The invocation's record: payload and log.
  await result.getByRole("link", { name: "Open record" }).click();
  await expect(page).toHaveURL(new RegExp(`/functions/${name}/invocations/[0-9a-f-]+$`));
  await expect(page.getByRole("region", { name: "Request payload" })).toContainText('"who"');
  await expect(page.getByRole("region", { name: "Response" })).toContainText("Hello e2e from the editor");
  await expect(page.getByLabel("Log output")).toContainText("START RequestId:");
});

test("file tree: add, rename, delete with undo; the handler indicator follows the files", async ({ page }) => {
  const name = uniqueName("e2e-tree");
  await createNodeFunction(name, "export const handler = async () => ({ ok: true });\n");
  await page.goto(`/functions/${name}/code`);
  const tree = page.getByRole("tree", { name: "Files" });
  await expect(tree.getByRole("treeitem", { name: "index.mjs, handler" })).toBeVisible({ timeout: 30_000 });

  // New file in a new folder.
  await page.getByRole("button", { name: "New file" }).click();
  await page.getByRole("textbox", { name: "New file name" }).fill("lib/util.mjs");
  await page.keyboard.press("Enter");
  await expect(tree.getByRole("treeitem", { name: "util.mjs, added" })).toBeVisible();
  await expect(tree.getByRole("treeitem", { name: "lib, contains changes" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Code of lib/util.mjs" })).toBeAttached({ timeout: 30_000 });

  // Renaming the handler's file: the indicator warns that Lambda will not find it.
  await tree.getByRole("treeitem", { name: "index.mjs, handler" }).hover();
  await page.getByRole("button", { name: "Actions for index.mjs" }).click();
  await page.getByRole("menuitem", { name: "Rename / move…" }).click();
  await page.getByRole("textbox", { name: "Rename index.mjs" }).fill("main.mjs");
  await page.keyboard.press("Enter");
  await expect(tree.getByRole("treeitem", { name: "main.mjs, added" })).toBeVisible();
  await expect(page.getByRole("alert", { name: "Handler" })).toContainText("Runtime.ImportModuleError");

  // Delete, then undo from the toast.
  await tree.getByRole("treeitem", { name: "util.mjs, added" }).hover();
  await page.getByRole("button", { name: "Actions for util.mjs" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await expect(tree.getByRole("treeitem", { name: "util.mjs, added" })).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(tree.getByRole("treeitem", { name: "util.mjs, added" })).toBeVisible();

  // Discard all: back to the deployed package.
  await page.getByRole("button", { name: "Discard all" }).click();
  await page
    .getByRole("dialog", { name: "Discard all changes?" })
    .getByRole("button", { name: "Discard changes" })
    .click();
  await expect(page.getByText("No changes", { exact: true })).toBeVisible();
  await expect(tree.getByRole("treeitem", { name: "index.mjs, handler" })).toBeVisible();
  await expect(page.getByRole("status", { name: "Handler" })).toContainText("index.mjs:1");
});

test("Monaco is fetched only by the routes that edit code", async ({ page }) => {
  const name = uniqueName("e2e-chunks");
  await createNodeFunction(name, "export const handler = async () => 1;\n");
  const monacoScripts: string[] = [];
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    pending.push(
      response
        .text()
        .then((body) => {
          if (/MonacoEnvironment|editorWebWorker/.test(body)) monacoScripts.push(response.url());
        })
        .catch(() => undefined),
    );
  });

  for (const path of [
    "/functions",
    `/functions/${name}`,
    `/functions/${name}/configuration`,
    `/functions/${name}/invocations`,
  ]) {
    await page.goto(path, { waitUntil: "networkidle" });
    await Promise.all(pending);
    expect(monacoScripts, `Monaco chunks fetched on ${path}`).toEqual([]);
  }

  await page.goto(`/functions/${name}/code`);
  await expect(page.getByRole("textbox", { name: "Code of index.mjs" })).toBeAttached({ timeout: 30_000 });
  await Promise.all(pending);
  expect(monacoScripts.length).toBeGreaterThan(0);
});

test("TypeScript handlers get the bundled aws-lambda types", async ({ page }) => {
  const name = uniqueName("e2e-types");
  await createNodeFunction(name, "export const handler = async () => 1;\n");
  await page.goto(`/functions/${name}/code`);
  await expect(page.getByRole("textbox", { name: "Code of index.mjs" })).toBeAttached({ timeout: 30_000 });
  await page.getByRole("button", { name: "New file" }).click();
  await page.getByRole("textbox", { name: "New file name" }).fill("typed.ts");
  await page.keyboard.press("Enter");
  await pasteIntoEditor(
    page,
    "Code of typed.ts",
    `import type { Handler, SQSEvent } from "aws-lambda";

export const handler: Handler<SQSEvent> = async (event, context) => {
  const id: number = context.awsRequestId;
  return event.Records.map((r) => r.body + id);
};
`,
  );
  // One error, from the types (awsRequestId is a string); the import and event.Records resolve.
  const squiggles = page.locator(".monaco-editor .squiggly-error");
  await expect(squiggles).toHaveCount(1, { timeout: 30_000 });
  await squiggles.first().hover({ force: true });
  await expect(page.locator(".monaco-hover").first()).toContainText("Type 'string' is not assignable to type 'number'");
});
