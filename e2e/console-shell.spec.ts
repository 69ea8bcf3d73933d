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
