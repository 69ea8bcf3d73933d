import { expect, test, type Page } from "@playwright/test";
import { createNodeFunction, uniqueName } from "./helpers";

/** The header's connection button; its name says what is in use. */
const connectionButton = (page: Page) => page.getByRole("button", { name: /^Connection: / });

/** The switch is console-wide and remembered: every test leaves the start-up connection in use. */
test.afterEach(async ({ page }) => {
  await page.goto("/settings");
  const use = page.getByRole("button", { name: "Use Local emulator" });
  if (await use.isVisible()) {
    await use.click();
    await expect(connectionButton(page)).toHaveAccessibleName(/^Connection: Local emulator/);
  }
});

test("add an endpoint, check it, switch to it and back from the header, then remove it", async ({ page }) => {
  const name = uniqueName("Lab");
  await page.goto("/settings");
  const connections = page.getByRole("list", { name: "Connections" });
  const local = connections.getByRole("listitem", { name: "Local emulator" });
  await expect(local.getByText("In use")).toBeVisible();
  await local.getByRole("button", { name: "Check Local emulator" }).click();
  await expect(local.getByRole("status")).toContainText(/Reachable · [\d.]+ ms · \d+ functions?/);

  // Nothing listens on port 9: a realistic dead endpoint.
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const dialog = page.getByRole("dialog", { name: "Add endpoint" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  await dialog.getByRole("textbox", { name: "Endpoint URL" }).fill("not a url");
  await dialog.getByRole("button", { name: "Add endpoint" }).click();
  await expect(dialog.getByText("An endpoint is a URL such as http://localhost:4566.")).toBeVisible();
  await dialog.getByRole("textbox", { name: "Endpoint URL" }).fill("http://127.0.0.1:9");
  await dialog.getByRole("textbox", { name: "Access key ID" }).fill("test");
  await dialog.getByLabel("Secret access key").fill("test");
  await dialog.getByRole("button", { name: "Add endpoint" }).click();
  await expect(dialog).toBeHidden();

  const lab = connections.getByRole("listitem", { name });
  await expect(lab).toContainText("http://127.0.0.1:9");
  await lab.getByRole("button", { name: `Check ${name}` }).click();
  await expect(lab.getByRole("status")).toContainText("EndpointUnreachable");

  // Switch from the header menu: the page reloads against the new connection and says so.
  await connectionButton(page).click();
  await page.getByRole("menuitemradio", { name: new RegExp(name) }).click();
  await expect(connectionButton(page)).toHaveAccessibleName(new RegExp(`^Connection: ${name}`));
  await expect(page.getByText("Could not read the account settings")).toBeVisible();
  await page.getByRole("link", { name: "Functions" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Could not load functions" })).toContainText(
    "Could not reach the Lambda emulator at http://127.0.0.1:9 (ECONNREFUSED).",
  );

  // Back to the emulator from the header, then remove the dead endpoint.
  await connectionButton(page).click();
  await page.getByRole("menuitemradio", { name: /Local emulator/ }).click();
  await expect(connectionButton(page)).toHaveAccessibleName(/^Connection: Local emulator/);
  await page.goto("/settings");
  await lab.getByRole("button", { name: `Actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Remove" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
  await expect(lab).toHaveCount(0);
});

test("an AWS profile from ~/.aws is a connection too: its endpoint_url and keys are used", async ({ page }) => {
  const fn = uniqueName("via-profile");
  await createNodeFunction(fn, "export const handler = async () => 'ok';");
  await page.goto("/settings");
  const connections = page.getByRole("list", { name: "Connections" });
  // A real AWS profile offers a region; the fixture's staging profile is listed with its own.
  await expect(connections.getByRole("listitem", { name: "staging" })).toContainText("eu-west-1");
  await connections.getByRole("button", { name: "Use emulator-profile" }).click();
  await expect(connectionButton(page)).toHaveAccessibleName(/^Connection: emulator-profile/);
  await expect(connections.getByRole("listitem", { name: "emulator-profile" }).getByText("In use")).toBeVisible();
  await page.goto("/functions");
  await expect(page.getByRole("link", { name: fn })).toBeVisible();
});
