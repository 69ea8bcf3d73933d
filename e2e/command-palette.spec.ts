import { expect, test } from "@playwright/test";
import { createNodeFunction, uniqueName } from "./helpers";

test("Ctrl+K jumps to a function, to a section of it, and opens Create function", async ({ page }) => {
  const name = uniqueName("palette");
  await createNodeFunction(name, "export const handler = async () => 'hi';");
  await page.goto("/layers");

  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await palette.getByRole("combobox").fill(name);
  await expect(palette.getByRole("option", { name })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/functions/${name}$`));
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

  // On a function page the palette offers that function's sections first.
  await page.keyboard.press("Control+k");
  await palette.getByRole("combobox").fill("invocations");
  await expect(palette.getByRole("group", { name })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/functions/${name}/invocations$`));

  await page.getByRole("button", { name: /Go to/ }).click();
  await palette.getByRole("combobox").fill("create function");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: /Create function/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+k");
  await palette.getByRole("combobox").fill("no such thing anywhere");
  await expect(palette.getByText("Nothing matches “no such thing anywhere”.")).toBeVisible();
});
