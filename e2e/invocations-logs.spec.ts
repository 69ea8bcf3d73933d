import { expect, test, type Page } from "@playwright/test";
import { createNodeFunction, invokeDirectly, uniqueName } from "./helpers";

/**
 * The Invocations tab on a connection without invocation records: the e2e emulator added from Settings as
 * "Other Lambda endpoint", so the console reads each function's CloudWatch Logs log group (which the
 * emulator serves) exactly as it would on AWS.
 */
const EMULATOR_URL = `http://127.0.0.1:${Number(process.env.E2E_EMULATOR_PORT ?? 9101)}`;
const connectionButton = (page: Page) => page.getByRole("button", { name: /^Connection: / });

const SOURCE = `export const handler = async (event) => {
  console.log("order", event.n);
  if (event.fail) throw new TypeError("asked to fail");
  return { ok: true };
};
`;

let label: string;

test.beforeEach(async ({ page }) => {
  label = uniqueName("Via logs");
  await page.goto("/settings");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const dialog = page.getByRole("dialog", { name: "Add endpoint" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(label);
  await dialog.getByRole("textbox", { name: "Endpoint URL" }).fill(EMULATOR_URL);
  await dialog.getByRole("combobox", { name: "Kind" }).click();
  await page.getByRole("option", { name: "Other Lambda endpoint" }).click();
  await dialog.getByRole("textbox", { name: "Access key ID" }).fill("test");
  await dialog.getByLabel("Secret access key").fill("test");
  await dialog.getByRole("button", { name: "Add endpoint" }).click();
  await expect(dialog).toBeHidden();
  const connections = page.getByRole("list", { name: "Connections" });
  await expect(connections.getByRole("listitem", { name: label })).toContainText("Custom endpoint");
  await connections.getByRole("button", { name: `Use ${label}` }).click();
  await expect(connectionButton(page)).toHaveAccessibleName(new RegExp(`^Connection: ${label}`));
});

/** The switch is console-wide and remembered: back to the emulator, and the endpoint removed. */
test.afterEach(async ({ page }) => {
  await page.goto("/settings");
  const use = page.getByRole("button", { name: "Use Local emulator" });
  if (await use.isVisible()) {
    await use.click();
    await expect(connectionButton(page)).toHaveAccessibleName(/^Connection: Local emulator/);
  }
  const item = page.getByRole("list", { name: "Connections" }).getByRole("listitem", { name: label });
  await item.getByRole("button", { name: `Actions for ${label}` }).click();
  await page.getByRole("menuitem", { name: "Remove" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
  await expect(item).toHaveCount(0);
});

test("invocations read from CloudWatch Logs: list, status filter, one invocation's log lines", async ({ page }) => {
  const name = uniqueName("e2e-logs");
  await createNodeFunction(name, SOURCE);
  await invokeDirectly(name, { n: 1 });
  await invokeDirectly(name, { n: 2, fail: true });

  await page.goto(`/functions/${name}/invocations`);
  await expect(page.getByRole("note", { name: "Where these invocations come from" })).toContainText(
    `Read from CloudWatch Logs, log group /aws/lambda/${name}.`,
  );
  const table = page.getByRole("table", { name: "Invocations" });
  await expect(table.getByRole("row")).toHaveCount(3); // header + 2
  // What a log cannot tell is not a column of blanks.
  await expect(table.getByRole("columnheader")).toHaveText([
    "Time",
    "Request ID",
    "Status",
    "Duration",
    "Billed",
    "Memory",
    "Version",
  ]);
  await expect(table.getByRole("row").nth(2)).toContainText("$LATEST");

  // The time window bounds the log search on the server.
  await page.getByRole("combobox", { name: "Time" }).click();
  await page.getByRole("option", { name: "Last 15 minutes" }).click();
  await expect(page).toHaveURL(/since=15m/);
  await expect(table.getByRole("row")).toHaveCount(3);

  await page.getByRole("combobox", { name: "Status" }).click();
  await page.getByRole("option", { name: "Error" }).click();
  await expect(page).toHaveURL(/status=Error/);
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText("TypeError");

  await table.getByRole("link", { name: /^Invocation / }).click();
  await expect(page).toHaveURL(/\/invocations\/[0-9a-f-]+\?at=\d+$/);
  await expect(page.getByRole("alert").filter({ hasText: "Function error" })).toContainText("asked to fail");
  await expect(page.getByRole("region", { name: "Payloads" })).toContainText(
    "Not available: CloudWatch Logs keeps an invocation's log lines and metrics, not its request or response payload.",
  );
  const log = page.getByLabel("Log output");
  await expect(log).toContainText("START RequestId:");
  await expect(log).toContainText("order 2");
  await expect(log).toContainText("Invoke Error");
  await expect(log).toContainText("REPORT RequestId:");
  await expect(log).not.toContainText("order 1");
  await expect(page.getByRole("button", { name: "Re-run with this payload" })).toHaveCount(0);
});

test("a function that never ran has no log group yet", async ({ page }) => {
  const name = uniqueName("e2e-unlogged");
  await createNodeFunction(name, SOURCE);
  await page.goto(`/functions/${name}/invocations`);
  await expect(page.getByText("No invocations logged yet")).toBeVisible();
  await expect(page.getByText(`The log group /aws/lambda/${name} does not exist yet.`)).toBeVisible();

  // Its first invocation creates the group; a refresh lists it.
  await invokeDirectly(name, { n: 1 });
  await page.getByRole("button", { name: "Refresh invocations" }).click();
  await expect(page.getByRole("table", { name: "Invocations" }).getByRole("row")).toHaveCount(2);
});
