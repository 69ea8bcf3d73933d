import { expect, test } from "@playwright/test";
import { ListEventSourceMappingsCommand } from "@aws-sdk/client-lambda";
import { createNodeFunction, lambda, uniqueName } from "./helpers";

test("create an SQS event source mapping, see it listed, then disable and delete it", async ({ page }) => {
  const fn = uniqueName("e2e-esm");
  const queue = uniqueName("e2e-orders");
  await createNodeFunction(fn, `export const handler = async (event) => ({ batchItemFailures: [] });`);

  await page.goto("/event-source-mappings");
  await expect(page.getByRole("note")).toContainText("nothing polls real SQS queues");
  await page.getByRole("button", { name: "Create mapping" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create event source mapping" });
  await expect(dialog.getByRole("radio", { name: "Amazon SQS" })).toBeChecked();
  await dialog.getByRole("textbox", { name: "Amazon SQS ARN" }).fill(`arn:aws:sqs:us-east-1:000000000000:${queue}`);
  await dialog.getByRole("combobox", { name: "Function" }).fill(fn);

  // The model's range check runs before anything is sent…
  await dialog.getByRole("spinbutton", { name: "Batch size" }).fill("20000");
  await dialog.getByRole("button", { name: "Create mapping" }).click();
  await expect(dialog.getByText("Member must have value less than or equal to 10000")).toBeVisible();
  // …and the API's own rule (more than 10 SQS messages need a batching window) lands on that field.
  await dialog.getByRole("spinbutton", { name: "Batch size" }).fill("50");
  await dialog.getByRole("button", { name: "Create mapping" }).click();
  await expect(dialog.getByText(/Maximum batch window in seconds must be greater than 0/)).toBeVisible();
  await dialog.getByRole("spinbutton", { name: "Batching window (seconds)" }).fill("2");
  await dialog.getByRole("switch", { name: "Report batch item failures" }).click();
  await dialog.getByRole("button", { name: "Create mapping" }).click();
  await expect(page.getByText("Event source mapping created")).toBeVisible();

  // Listed with its source, function and batch size; Creating settles to Enabled.
  const row = page.getByRole("table", { name: "Event source mappings" }).getByRole("row", { name: new RegExp(queue) });
  await expect(row).toContainText("Amazon SQS");
  await expect(row.getByRole("link", { name: fn })).toBeVisible();
  await expect(row).toContainText("50");
  await expect(row.getByText("Enabled")).toBeVisible();
  // `/` focuses the search (as on Functions); a query that matches nothing hides the row, Esc clears it.
  await page.locator("#main").focus();
  await page.keyboard.press("/");
  const search = page.getByRole("searchbox", { name: "Search mappings" });
  await expect(search).toBeFocused();
  await page.keyboard.type("no-such-queue-anywhere");
  await expect(row).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(search).toHaveValue("");
  await expect(row).toBeVisible();
  const stored = await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: fn }));
  expect(stored.EventSourceMappings?.[0]).toMatchObject({
    BatchSize: 50,
    MaximumBatchingWindowInSeconds: 2,
    FunctionResponseTypes: ["ReportBatchItemFailures"],
  });

  // Disable, then delete.
  await row.getByRole("button", { name: /Actions for mapping/ }).click();
  await page.getByRole("menuitem", { name: "Disable" }).click();
  await expect(row.getByText("Disabled")).toBeVisible();
  await row.getByRole("button", { name: /Actions for mapping/ }).click();
  await page.getByRole("menuitem", { name: "Delete…" }).click();
  await page
    .getByRole("dialog", { name: "Delete this event source mapping?" })
    .getByRole("button", { name: "Delete mapping" })
    .click();
  await expect(row).toHaveCount(0);
});
