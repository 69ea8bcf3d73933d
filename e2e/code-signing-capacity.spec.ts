import { expect, test } from "@playwright/test";
import { uniqueName } from "./helpers";

test("create, edit and delete a code signing config", async ({ page }) => {
  const profile = `arn:aws:signer:us-east-1:000000000000:/signing-profiles/${uniqueName("E2E")}/v1`;
  await page.goto("/code-signing");
  await page.getByRole("button", { name: "Create config" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create code signing config" });
  const arns = dialog.getByRole("textbox", { name: "Signing profile version ARNs" });
  await arns.fill("not-an-arn");
  await dialog.getByRole("button", { name: "Create config" }).click();
  await expect(dialog.getByText(/Signing profile version ARNs look like/)).toBeVisible();
  await arns.fill(profile);
  await dialog.getByRole("radio", { name: "Enforce" }).click();
  await dialog.getByRole("textbox", { name: "Description (optional)" }).fill("e2e signing");
  await dialog.getByRole("button", { name: "Create config" }).click();
  await expect(page.getByText(/^Created csc-/)).toBeVisible();

  const row = page.getByRole("table", { name: "Code signing configs" }).getByRole("row", { name: /e2e signing/ });
  await expect(row.getByText("Enforce")).toBeVisible();
  await row.getByRole("button", { name: /Actions for csc-/ }).click();
  await page.getByRole("menuitem", { name: "Edit…" }).click();
  await page.getByRole("dialog").getByRole("radio", { name: "Warn" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  await expect(row.getByText("Warn")).toBeVisible();

  await row.getByRole("button", { name: /Actions for csc-/ }).click();
  await page.getByRole("menuitem", { name: "Delete…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete config" }).click();
  await expect(row).toHaveCount(0);
});

test("create a capacity provider and change its scaling", async ({ page }) => {
  const name = uniqueName("e2e-cp");
  await page.goto("/capacity-providers");
  await page.getByRole("button", { name: "Create capacity provider" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create capacity provider" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  await dialog.getByRole("textbox", { name: "Subnet IDs" }).fill("subnet-0abc, subnet-0def");
  await dialog.getByRole("radio", { name: "arm64" }).click();
  await dialog.getByRole("radio", { name: "Manual" }).click();
  await dialog.getByRole("button", { name: "Create capacity provider" }).click();
  await expect(dialog.getByText("Manual scaling needs a target CPU utilization.")).toBeVisible();
  await dialog.getByRole("spinbutton", { name: "Target CPU utilization (%)" }).fill("60");
  await dialog.getByRole("button", { name: "Create capacity provider" }).click();
  await expect(page.getByText(`Creating ${name}`)).toBeVisible();

  const row = page.getByRole("table", { name: "Capacity providers" }).getByRole("row", { name: new RegExp(name) });
  await expect(row.getByText("Active")).toBeVisible();
  await expect(row).toContainText("Manual · 60% CPU");
  await row.getByRole("button", { name: `Actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Edit scaling…" }).click();
  const edit = page.getByRole("dialog", { name: `Edit ${name}` });
  await edit.getByRole("radio", { name: "Auto" }).click();
  await edit.getByRole("spinbutton", { name: "Maximum vCPUs (optional)" }).fill("32");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(row).toContainText("Auto · ≤ 32 vCPUs");
});
