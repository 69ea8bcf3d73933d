import { expect, test } from "@playwright/test";
import { GetAliasCommand, UpdateFunctionConfigurationCommand } from "@aws-sdk/client-lambda";
import { createNodeFunction, lambda, uniqueName, waitForFunctionReady } from "./helpers";

const SOURCE = `export const handler = async () => ({ version: process.env.AWS_LAMBDA_FUNCTION_VERSION });`;

test("publish versions, then route an alias between two of them", async ({ page }) => {
  const name = uniqueName("e2e-versions");
  await createNodeFunction(name, SOURCE);
  await waitForFunctionReady(name);

  // Versions: only $LATEST, and a designed empty state.
  await page.goto(`/functions/${name}/versions`);
  const table = page.getByRole("table", { name: "Versions" });
  await expect(table.getByRole("link", { name: "$LATEST" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No published versions yet" })).toBeVisible();

  // Publish version 1 with a description.
  await page.getByRole("button", { name: "Publish version", exact: true }).click();
  const publish = page.getByRole("dialog", { name: "Publish version 1" });
  await publish.getByRole("textbox", { name: "Version description (optional)" }).fill("first cut");
  await publish.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published version 1")).toBeVisible();
  await expect(table.getByRole("link", { name: "Version 1" })).toBeVisible();
  await expect(table.getByRole("row", { name: /first cut/ })).toBeVisible();

  // Publishing again without a change: AWS returns version 1, and the dialog says so.
  await page.getByRole("button", { name: "Publish version", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Publish", exact: true }).click();
  const unchanged = page.getByRole("dialog", { name: "Nothing new to publish" });
  await expect(unchanged).toContainText("returned that version instead of publishing a new one");
  await unchanged.getByRole("button", { name: "Done" }).click();

  // A configuration change makes version 2.
  await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, Timeout: 20 }));
  await waitForFunctionReady(name);
  await page.reload();
  await page.getByRole("button", { name: "Publish version", exact: true }).click();
  await page.getByRole("dialog", { name: "Publish version 2" }).getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published version 2")).toBeVisible();
  await expect(table.getByRole("link", { name: "Version 2" })).toBeVisible();

  // A version's configuration opens read-only.
  await table.getByRole("link", { name: "Version 1" }).click();
  await expect(page.getByRole("heading", { name: "Version 1" })).toBeVisible();
  await expect(page.getByText("Read-only")).toBeVisible();
  await expect(page.getByRole("region", { name: "Function" }).getByText("30 s")).toBeVisible();

  // Aliases: the shared schema rejects an all-digit name before anything is sent.
  await page.getByRole("navigation", { name: "Function sections" }).getByRole("link", { name: "Aliases" }).click();
  await expect(page.getByRole("heading", { name: "No aliases yet" })).toBeVisible();
  await page.getByRole("button", { name: "Create alias" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create alias" });
  const aliasName = dialog.getByRole("textbox", { name: "Name" });
  await aliasName.fill("123");
  await dialog.getByRole("button", { name: "Create alias" }).click();
  await expect(dialog.getByText(/not only digits/)).toBeVisible();
  await expect(aliasName).toHaveAttribute("aria-invalid", "true");

  // live → version 2, with 25% of its traffic on version 1.
  await aliasName.fill("live");
  await expect(dialog.getByRole("combobox", { name: "Version" })).toContainText("2");
  await dialog.getByRole("switch", { name: "Weighted routing" }).click();
  await expect(dialog.getByRole("combobox", { name: "Additional version" })).toContainText("1");
  await dialog.getByRole("spinbutton", { name: "Weight (%)" }).fill("25");
  await expect(dialog.getByRole("slider", { name: "Weight of the additional version" })).toHaveAttribute(
    "aria-valuenow",
    "25",
  );
  await dialog.getByRole("button", { name: "Create alias" }).click();
  await expect(page.getByText("Created alias live")).toBeVisible();
  const aliases = page.getByRole("table", { name: "Aliases" });
  await expect(aliases.getByRole("img", { name: "Traffic: 2 → 75% · 1 → 25%" })).toBeVisible();
  const stored = await lambda.send(new GetAliasCommand({ FunctionName: name, Name: "live" }));
  expect(stored.FunctionVersion).toBe("2");
  expect(stored.RoutingConfig?.AdditionalVersionWeights).toEqual({ "1": 0.25 });

  // Creating it twice lands the API's conflict on the name field.
  await page.getByRole("button", { name: "Create alias" }).first().click();
  await page.getByRole("dialog").getByRole("textbox", { name: "Name" }).fill("live");
  await page.getByRole("dialog").getByRole("button", { name: "Create alias" }).click();
  await expect(page.getByRole("dialog").getByText("An alias with this name already exists.")).toBeVisible();
  await page.keyboard.press("Escape");

  // Deleting version 1 is refused while live routes to it, and the dialog says which alias to move.
  await page.getByRole("navigation", { name: "Function sections" }).getByRole("link", { name: "Versions" }).click();
  await expect(table.getByRole("row", { name: /Version 1/ }).getByRole("link", { name: /live/ })).toBeVisible();
  await table.getByRole("button", { name: "Actions for version 1" }).click();
  await page.getByRole("menuitem", { name: "Delete version…" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete version 1?" });
  await confirm.getByRole("button", { name: "Delete version" }).click();
  await expect(confirm.getByRole("alert")).toContainText("Version is still in use");
  await expect(confirm).toContainText("Alias live still routes traffic to version 1");
  await confirm.getByRole("button", { name: "Cancel" }).click();

  // Edit the alias to drop routing, then version 1 can go.
  await page.getByRole("navigation", { name: "Function sections" }).getByRole("link", { name: "Aliases" }).click();
  await aliases.getByRole("button", { name: "Actions for alias live" }).click();
  await page.getByRole("menuitem", { name: "Edit…" }).click();
  const edit = page.getByRole("dialog", { name: "Edit alias live" });
  await edit.getByRole("switch", { name: "Weighted routing" }).click();
  await edit.getByRole("button", { name: "Save alias" }).click();
  await expect(aliases.getByRole("img", { name: "Traffic: 2 → 100%" })).toBeVisible();
  await page.getByRole("navigation", { name: "Function sections" }).getByRole("link", { name: "Versions" }).click();
  await table.getByRole("button", { name: "Actions for version 1" }).click();
  await page.getByRole("menuitem", { name: "Delete version…" }).click();
  await page.getByRole("dialog", { name: "Delete version 1?" }).getByRole("button", { name: "Delete version" }).click();
  await expect(page.getByText("Deleted version 1")).toBeVisible();
  await expect(table.getByRole("link", { name: "Version 1" })).toHaveCount(0);
});
