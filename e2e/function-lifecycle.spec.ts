import { expect, test, type Page } from "@playwright/test";
import { pasteIntoEditor } from "./helpers";

/** A name no earlier run left behind (the emulator's data dir is fresh per run, but be safe). */
const uniqueName = (prefix: string) => `${prefix}-${Date.now().toString(36)}`;

async function createFunction(page: Page, name: string) {
  await page.goto("/functions");
  await page.getByRole("button", { name: "Create function", exact: true }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create function" });
  await dialog.getByRole("textbox", { name: "Function name" }).fill(name);
  await dialog.getByRole("button", { name: "Create function" }).click();
  return dialog;
}

test("create, list, configure, invoke and delete a function", async ({ page }) => {
  const name = uniqueName("e2e-lifecycle");

  // Create: the dialog closes and the function page opens.
  await createFunction(page, name);
  await expect(page).toHaveURL(new RegExp(`/functions/${name}$`));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Active").first()).toBeVisible();

  // List: the new function is a link in the table.
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Functions" }).click();
  const table = page.getByRole("table", { name: "Functions" });
  await expect(table.getByRole("link", { name })).toBeVisible();
  // The search box filters (and `/` focuses it).
  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox", { name: "Search functions" })).toBeFocused();
  await page.keyboard.type(name);
  await expect(page).toHaveURL(new RegExp(`\\?q=${name}`));
  await expect(table.getByRole("row")).toHaveCount(2); // header + the match
  await table.getByRole("link", { name }).click();

  // Configure: memory and one environment variable, saved with the API's RevisionId.
  const sections = page.getByRole("navigation", { name: "Function sections" });
  // An ordinary function has no durable executions, so no tab for them.
  await expect(sections.getByRole("link", { name: "Overview" })).toBeVisible();
  await expect(sections.getByRole("link", { name: "Durable executions" })).toHaveCount(0);
  await sections.getByRole("link", { name: "Configuration" }).click();
  await page.getByRole("spinbutton", { name: "Memory (MB)" }).fill("256");
  // The general form (memory, environment) has its own save bar among the tab's other sections.
  const general = page.getByRole("form", { name: "Function configuration" });
  await general.getByRole("button", { name: "Add variable" }).click();
  await general.getByRole("textbox", { name: "Key of variable 1" }).fill("E2E_FLAG");
  await general.getByRole("textbox", { name: "Value of variable 1" }).fill("on");
  await expect(general.getByText("Unsaved changes")).toBeVisible();
  await general.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Configuration saved")).toBeVisible();
  await expect(general.getByText("No changes")).toBeVisible();

  // The overview reflects the saved configuration (re-read from the API).
  await sections.getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("region", { name: "Function" }).getByText("256 MB")).toBeVisible();
  await expect(page.getByRole("link", { name: "1 variable" })).toBeVisible();

  // Invoke from the Test tab with Ctrl+Enter; see the response and the log tail.
  await sections.getByRole("link", { name: "Test" }).click();
  await pasteIntoEditor(page, "Event JSON", '{"hello": "e2e"}');
  await page.keyboard.press("ControlOrMeta+Enter");
  const result = page.getByRole("region", { name: "Invocation result" });
  await expect(result.getByText("Succeeded")).toBeVisible({ timeout: 30_000 });
  await expect(result.getByLabel("Response payload")).toContainText("Hello from Lambda!");
  const log = result.getByLabel("Log output");
  await expect(log).toContainText("START RequestId:");
  await expect(log).toContainText('Received event: {"hello":"e2e"}');
  await expect(log).toContainText("REPORT RequestId:");

  // Delete: the confirmation requires the exact name.
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const confirm = page.getByRole("dialog", { name: `Delete ${name}?` });
  const deleteButton = confirm.getByRole("button", { name: "Delete function" });
  await expect(deleteButton).toBeDisabled();
  await confirm.getByRole("textbox", { name: "Type the function name to confirm" }).fill(name);
  await deleteButton.click();
  await expect(page).toHaveURL(/\/functions$/);
  await expect(page.getByText(`Deleted ${name}`)).toBeVisible();
  await expect(page.getByRole("link", { name })).toHaveCount(0);
});

test("create shows validation and API errors next to the field", async ({ page }) => {
  const name = uniqueName("e2e-dup");
  await createFunction(page, name);
  await expect(page).toHaveURL(new RegExp(`/functions/${name}$`));

  // Client-side: the shared schema rejects memory below 128 MB before anything is sent.
  await page.goto("/functions");
  const dialog = page.getByRole("dialog", { name: "Create function" });
  // The `c` shortcut works once the page has hydrated; retry the key press until the dialog opens.
  await expect(async () => {
    await page.keyboard.press("c");
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass();
  const memory = dialog.getByRole("spinbutton", { name: "Memory (MB)" });
  await memory.fill("5");
  await dialog.getByRole("textbox", { name: "Function name" }).fill(name);
  await dialog.getByRole("button", { name: "Create function" }).click();
  await expect(dialog.getByText("Memory is at least 128 MB.")).toBeVisible();
  await expect(memory).toHaveAttribute("aria-invalid", "true");

  // Server-side: the API's ResourceConflictException lands on the name field.
  await memory.fill("128");
  await dialog.getByRole("button", { name: "Create function" }).click();
  await expect(dialog.getByText("A function with this name already exists.")).toBeVisible();
  await expect(dialog.getByRole("textbox", { name: "Function name" })).toHaveAttribute("aria-invalid", "true");
});

test("a missing function has a designed not-found page", async ({ page }) => {
  await page.goto("/functions/no-such-function-here");
  await expect(page.getByRole("heading", { name: "Function not found" })).toBeVisible();
  await page.getByRole("link", { name: "All functions" }).click();
  await expect(page).toHaveURL(/\/functions$/);
});
