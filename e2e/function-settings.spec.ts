import { expect, test } from "@playwright/test";
import { GetFunctionCommand, GetFunctionEventInvokeConfigCommand, GetPolicyCommand } from "@aws-sdk/client-lambda";
import { createNodeFunction, lambda, uniqueName, waitForFunctionReady } from "./helpers";

const SOURCE = `export const handler = async () => "ok";`;

test("permissions, concurrency, async invocation, tags, runtime and architecture each save on their own", async ({
  page,
}) => {
  const name = uniqueName("e2e-settings");
  await createNodeFunction(name, SOURCE);
  await waitForFunctionReady(name);
  await page.goto(`/functions/${name}/configuration`);

  // Permissions: the empty state, then S3 may invoke the function from one bucket.
  const permissions = page.getByRole("region", { name: "Permissions" });
  await expect(permissions.getByText(/No statements/)).toBeVisible();
  await permissions.getByRole("button", { name: "Add permission" }).click();
  const add = page.getByRole("dialog", { name: "Add permission" });
  await add.getByRole("combobox", { name: "Principal" }).fill("s3.amazonaws.com");
  await add.getByRole("textbox", { name: "Statement ID" }).fill("uploads");
  await add.getByRole("textbox", { name: "Source account (optional)" }).fill("12345");
  await add.getByRole("button", { name: "Add permission" }).click();
  await expect(add.getByText("Account IDs are 12 digits.")).toBeVisible();
  await add.getByRole("textbox", { name: "Source account (optional)" }).fill("");
  await add.getByRole("textbox", { name: "Source ARN (optional)" }).fill("arn:aws:s3:::uploads");
  await add.getByRole("button", { name: "Add permission" }).click();
  const table = permissions.getByRole("table", { name: "Policy statements" });
  await expect(table.getByRole("row", { name: /uploads.*s3\.amazonaws\.com/ })).toBeVisible();
  await expect(table).toContainText("Source ARN: arn:aws:s3:::uploads");
  expect((await lambda.send(new GetPolicyCommand({ FunctionName: name }))).Policy).toContain('"Sid":"uploads"');

  // Reserved concurrency, checked against what the account keeps unreserved.
  const concurrency = page.getByRole("region", { name: "Concurrency" });
  await expect(concurrency.getByText(/Unreserved account concurrency/)).toBeVisible();
  await concurrency.getByRole("radio", { name: "Reserve concurrency" }).click();
  await concurrency.getByRole("spinbutton", { name: "Reserved concurrent executions" }).fill("5");
  await concurrency.getByRole("form", { name: "Reserved concurrency" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Reserved 5 concurrent executions")).toBeVisible();
  const fn = await lambda.send(new GetFunctionCommand({ FunctionName: name }));
  expect(fn.Concurrency?.ReservedConcurrentExecutions).toBe(5);

  // Asynchronous invocation: no retries, 2 hours, a failure destination (stored; offline it is not delivered).
  const asyncSection = page.getByRole("region", { name: "Asynchronous invocation" });
  await asyncSection.getByRole("radio", { name: "0" }).click();
  await asyncSection.getByRole("spinbutton", { name: "Maximum event age, hours" }).fill("2");
  await asyncSection
    .getByRole("textbox", { name: "On failure destination" })
    .fill("arn:aws:sqs:us-east-1:000000000000:failed-events");
  await expect(asyncSection.getByText(/only Lambda function destinations receive records offline/)).toBeVisible();
  await asyncSection.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Asynchronous invocation settings saved")).toBeVisible();
  const invokeConfig = await lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: name }));
  expect(invokeConfig.MaximumRetryAttempts).toBe(0);
  expect(invokeConfig.MaximumEventAgeInSeconds).toBe(7200);
  expect(invokeConfig.DestinationConfig?.OnFailure?.Destination).toBe(
    "arn:aws:sqs:us-east-1:000000000000:failed-events",
  );

  // Tags: the API's aws: prefix rule is checked before sending; then one tag is saved.
  const tags = page.getByRole("region", { name: "Tags" });
  await tags.getByRole("button", { name: "Add tag" }).click();
  await tags.getByRole("textbox", { name: "Key of tag 1" }).fill("aws:team");
  await tags.getByRole("button", { name: "Save" }).click();
  await expect(tags.getByText("The aws: prefix is reserved for AWS.")).toBeVisible();
  await tags.getByRole("textbox", { name: "Key of tag 1" }).fill("team");
  await tags.getByRole("textbox", { name: "Value of tag 1" }).fill("payments");
  await tags.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Tags saved")).toBeVisible();
  expect((await lambda.send(new GetFunctionCommand({ FunctionName: name }))).Tags).toEqual({ team: "payments" });

  // Runtime settings and architecture (the latter re-uploads the deployed package with UpdateFunctionCode).
  const runtime = page.getByRole("region", { name: "Runtime settings" });
  await runtime.getByRole("textbox", { name: "Handler" }).fill("index.main");
  await runtime.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Runtime settings saved")).toBeVisible();
  const architecture = page.getByRole("region", { name: "Architecture" });
  await architecture.getByRole("radio", { name: "arm64" }).click();
  await architecture.getByRole("button", { name: "Change architecture" }).click();
  await expect(page.getByText("Architecture changed to arm64")).toBeVisible();
  await waitForFunctionReady(name);
  const updated = await lambda.send(new GetFunctionCommand({ FunctionName: name }));
  expect(updated.Configuration?.Handler).toBe("index.main");
  expect(updated.Configuration?.Architectures).toEqual(["arm64"]);
  expect(updated.Configuration?.CodeSha256).toBe(fn.Configuration?.CodeSha256);

  // Removing the permission asks first.
  await table.getByRole("button", { name: "Remove statement uploads" }).click();
  await page
    .getByRole("dialog", { name: "Remove statement uploads?" })
    .getByRole("button", { name: "Remove statement" })
    .click();
  await expect(permissions.getByText(/No statements/)).toBeVisible();
});
