import { expect, test } from "@playwright/test";
import { GetFunctionCommand } from "@aws-sdk/client-lambda";
import { strToU8, zipSync } from "fflate";
import { createNodeFunction, invokeDirectly, lambda, uniqueName, waitForFunctionReady } from "./helpers";

// The function requires a module only the layer provides: Lambda puts /opt/nodejs/node_modules of each
// layer on NODE_PATH (the emulator points it at the layer's extracted tree).
const SOURCE = `import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
export const handler = async () => {
  try {
    return require("e2e-greeting")();
  } catch {
    return "no layer";
  }
};`;

const LAYER_ZIP = Buffer.from(
  zipSync({ "nodejs/node_modules/e2e-greeting/index.js": strToU8('module.exports = () => "hello from the layer";') }),
);

test("publish a layer from a zip, then attach it to a function", async ({ page }) => {
  const layerName = uniqueName("e2e-layer");
  const fn = uniqueName("e2e-layered");
  await createNodeFunction(fn, SOURCE);

  // Create the layer: name, zip, runtimes; the page moves to the new layer's versions.
  await page.goto("/layers");
  await page.getByRole("button", { name: "Create layer" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create layer" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(layerName);
  await dialog.getByRole("button", { name: "Create layer" }).click();
  await expect(dialog.getByText("Choose the layer's .zip file.")).toBeVisible();
  await dialog.getByLabel("Layer content (.zip)").setInputFiles({
    name: "layer.zip",
    mimeType: "application/zip",
    buffer: LAYER_ZIP,
  });
  await expect(dialog.getByText("layer.zip")).toBeVisible();
  await dialog.getByRole("textbox", { name: "Description (optional)" }).fill("greeting module");
  await dialog.getByRole("checkbox", { name: "nodejs22.x" }).click();
  await dialog.getByRole("checkbox", { name: "x86_64" }).click();
  await dialog.getByRole("button", { name: "Create layer" }).click();
  await expect(page.getByText(`Published ${layerName} version 1`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/layers/${layerName}$`));
  const versions = page.getByRole("table", { name: "Layer versions" });
  await expect(versions.getByRole("row", { name: /greeting module/ })).toContainText("nodejs22.x");

  // The list shows it with its latest version.
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Layers" }).click();
  await expect(page.getByRole("table", { name: "Layers" }).getByRole("link", { name: layerName })).toBeVisible();

  // Attach it on the function's Configuration tab; the function then finds the layer's module in /opt.
  expect((await invokeDirectly(fn, {})).Payload).toEqual(strToU8('"no layer"'));
  await page.goto(`/functions/${fn}/configuration#layers`);
  const section = page.getByRole("region", { name: "Layers" });
  await section.getByRole("button", { name: "Add a layer" }).click();
  const add = page.getByRole("dialog", { name: "Add a layer" });
  await add.getByRole("combobox", { name: "Layer" }).click();
  await page.getByRole("option", { name: layerName }).click();
  await expect(add.getByRole("combobox", { name: "Version" })).toContainText("1");
  await add.getByRole("button", { name: "Add", exact: true }).click();
  await expect(section.getByRole("list", { name: "Function layers" })).toContainText(layerName);
  await section.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Layers saved")).toBeVisible();
  await waitForFunctionReady(fn);
  const config = await lambda.send(new GetFunctionCommand({ FunctionName: fn }));
  expect(config.Configuration?.Layers?.map((l) => l.Arn)).toEqual([
    expect.stringMatching(new RegExp(`:layer:${layerName}:1$`)),
  ]);
  const answer = await invokeDirectly(fn, {});
  expect(new TextDecoder().decode(answer.Payload)).toBe('"hello from the layer"');
});
