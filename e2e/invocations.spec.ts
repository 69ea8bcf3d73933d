import { expect, test } from "@playwright/test";
import { createNodeFunction, invokeDirectly, uniqueName } from "./helpers";

const SOURCE = `export const handler = async (event) => {
  if (event.fail) throw new TypeError("asked to fail");
  return { ok: true, n: event.n };
};
`;

test("invocation records: filter by status, open one, re-run it", async ({ page }) => {
  const name = uniqueName("e2e-records");
  await createNodeFunction(name, SOURCE);
  await invokeDirectly(name, { fail: false, n: 1 });
  await invokeDirectly(name, { fail: true, n: 2 });

  await page.goto(`/functions/${name}/invocations`);
  const table = page.getByRole("table", { name: "Invocations" });
  await expect(table.getByRole("row")).toHaveCount(3); // header + 2

  await page.getByRole("combobox", { name: "Status" }).click();
  await page.getByRole("option", { name: "Error" }).click();
  await expect(page).toHaveURL(/status=Error/);
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText("TypeError");

  await table.getByRole("link", { name: /^Invocation / }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Function error" })).toContainText("asked to fail");
  await expect(page.getByRole("region", { name: "Request payload" })).toContainText('"fail": true');
  await expect(page.getByLabel("Log output")).toContainText("REPORT RequestId:");
  const first = page.url();

  // Re-run sends the same payload and opens the new record.
  await page.getByRole("button", { name: "Re-run with this payload" }).click();
  await expect(page).not.toHaveURL(first);
  await expect(page.getByRole("region", { name: "Request payload" })).toContainText('"n": 2');

  await page.getByRole("link", { name: "All invocations" }).click();
  await expect(table.getByRole("row")).toHaveCount(4);
});

test("saved test events: templates, duplicate, rename and delete", async ({ page }) => {
  const name = uniqueName("e2e-events");
  await createNodeFunction(name, "export const handler = async (event) => event;\n");
  await page.goto(`/functions/${name}/test`);
  await expect(page.getByRole("textbox", { name: "Event JSON" })).toBeAttached({ timeout: 30_000 });

  // A template fills the editor; saving suggests its name.
  await page.getByRole("button", { name: "Templates" }).click();
  await page.getByRole("menuitem", { name: /SQS message batch/ }).click();
  await page.getByRole("button", { name: "Save event" }).click();
  const save = page.getByRole("dialog", { name: "Save test event" });
  await expect(save.getByRole("textbox", { name: "Event name" })).toHaveValue("sqs-batch");
  await save.getByRole("button", { name: "Save event" }).click();
  const picker = page.getByRole("combobox", { name: "Saved event" });
  await expect(picker).toHaveText("sqs-batch");

  // Invoking echoes the event: the template is a real SQS batch.
  await page.getByRole("button", { name: "Invoke", exact: true }).click();
  const result = page.getByRole("region", { name: "Invocation result" });
  await expect(result.getByLabel("Response payload")).toContainText('"eventSource": "aws:sqs"', { timeout: 30_000 });

  await page.getByRole("button", { name: "More event actions" }).click();
  await page.getByRole("menuitem", { name: "Duplicate" }).click();
  await expect(picker).toHaveText("sqs-batch-copy");

  await page.getByRole("button", { name: "More event actions" }).click();
  await page.getByRole("menuitem", { name: "Rename…" }).click();
  const rename = page.getByRole("dialog", { name: "Rename sqs-batch-copy" });
  await rename.getByRole("textbox", { name: "Event name" }).fill("sqs batch");
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(rename.getByText("Use letters, numbers, dots, hyphens and underscores only.")).toBeVisible();
  await rename.getByRole("textbox", { name: "Event name" }).fill("sqs-batch");
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(rename.getByText("An event named sqs-batch already exists.")).toBeVisible();
  await rename.getByRole("textbox", { name: "Event name" }).fill("sqs-second");
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(picker).toHaveText("sqs-second");

  await page.getByRole("button", { name: "More event actions" }).click();
  await page.getByRole("menuitem", { name: "Delete…" }).click();
  await page.getByRole("dialog", { name: "Delete sqs-second?" }).getByRole("button", { name: "Delete event" }).click();
  await expect(picker).toHaveText("sqs-batch");

  await picker.click();
  await expect(page.getByRole("option")).toHaveText(["Unsaved event", "sqs-batch"]);
});
