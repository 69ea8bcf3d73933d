import { expect, test } from "@playwright/test";
import { createNodeFunction, uniqueName } from "./helpers";

test("a function page is server-rendered with its data and hydrates without errors", async ({ page, request }) => {
  const name = uniqueName("hydrate");
  await createNodeFunction(name, "export const handler = async () => 'hi';");

  // The first paint carries the function, not a skeleton the browser then swaps out.
  const html = await (await request.get(`/functions/${name}`)).text();
  expect(html).toContain("Function ARN");

  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`/functions/${name}`);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByText("Function ARN")).toBeVisible();
  await page.goto(`/functions/${name}/configuration`);
  await expect(page.getByRole("heading", { name: "General configuration" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("closing a dialog gives focus back to what opened it", async ({ page }) => {
  const name = uniqueName("focus");
  await createNodeFunction(name, "export const handler = async () => 'hi';");
  await page.goto(`/functions?q=${name}`);

  const create = page.getByRole("button", { name: /Create function/ });
  await create.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: /Create function/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(create).toBeFocused();

  // From a row menu: back on the menu's button, not on <body>.
  const actions = page.getByRole("button", { name: `Actions for ${name}` });
  await actions.focus();
  await page.keyboard.press("Enter");
  await page.getByRole("menuitem", { name: /Delete/ }).click();
  await expect(page.getByRole("dialog", { name: /Delete/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(actions).toBeFocused();
});

test("at 800 px the sidebar folds away and the functions table keeps its row menu in view", async ({ page }) => {
  const name = uniqueName("narrow");
  await createNodeFunction(name, "export const handler = async () => 'hi';");
  await page.setViewportSize({ width: 800, height: 900 });
  await page.goto(`/functions?q=${name}`);

  await expect(page.getByRole("button", { name: "Open navigation" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Go to/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Layers" })).toBeHidden();
  await expect(page.getByRole("button", { name: `Actions for ${name}` })).toBeInViewport();

  await page.getByRole("button", { name: "Open navigation" }).click();
  await page.getByRole("dialog", { name: "Navigation" }).getByRole("link", { name: "Layers" }).click();
  await expect(page).toHaveURL(/\/layers$/);
});
