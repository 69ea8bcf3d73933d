import { expect, test } from "@playwright/test";
import { GetPolicyCommand } from "@aws-sdk/client-lambda";
import { createNodeFunction, lambda, uniqueName, waitForFunctionReady } from "./helpers";

// Answers URL events with the path and a greeting, so the page can show the function's own answer.
const SOURCE = `export const handler = async (event) => ({
  statusCode: 200,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ greeting: "hello from the url", path: event.rawPath }),
});`;

test("a public function URL (auth NONE) answers from the page and from its own address", async ({ page }) => {
  const name = uniqueName("e2e-url");
  await createNodeFunction(name, SOURCE);
  await waitForFunctionReady(name);

  await page.goto(`/functions/${name}/configuration#function-url`);
  const section = page.getByRole("region", { name: "Function URL" });
  await section.getByRole("button", { name: "Create function URL" }).click();
  const editor = page.getByRole("region", { name: "Create function URL" });
  await expect(editor.getByRole("radio", { name: "NONE — public" })).toBeChecked();
  await editor.getByRole("button", { name: "Create URL" }).click();
  await expect(page.getByText("Function URL created")).toBeVisible();

  // The URL is shown with copy and open, and the console added the public statements (as the AWS console does).
  const link = section.getByRole("link", { name: /^Function URL http/ });
  await expect(link).toHaveAttribute("href", /^http:\/\/[a-z0-9]+\.lambda-url\.us-east-1\.localhost:\d+\/$/);
  await expect(section.getByRole("button", { name: "Copy function URL" })).toBeVisible();
  const permissions = page.getByRole("region", { name: "Permissions" });
  await expect(permissions.getByText("FunctionURLAllowPublicAccess")).toBeVisible();
  await expect(permissions.getByText("FunctionURLAllowInvokeAction")).toBeVisible();
  const policy = await lambda.send(new GetPolicyCommand({ FunctionName: name }));
  expect(policy.Policy).toContain('"lambda:FunctionUrlAuthType":"NONE"');

  // In-page test: the console's server calls the URL and shows the function's answer.
  await section.getByRole("textbox", { name: "Path and query" }).fill("/from-the-page");
  await section.getByRole("button", { name: "Send request" }).click();
  const response = section.getByRole("region", { name: "URL response" });
  await expect(response.getByText("200 OK")).toBeVisible();
  await expect(response.getByLabel("Response body")).toContainText("hello from the url");
  await expect(response.getByLabel("Response body")).toContainText("/from-the-page");

  // Open: the browser itself reaches the URL (Chromium resolves *.localhost) and gets the same answer.
  const [tab] = await Promise.all([
    page.context().waitForEvent("page"),
    section.getByRole("link", { name: "Open" }).click(),
  ]);
  await expect(tab.locator("body")).toContainText("hello from the url");
  await tab.close();

  // Switching to AWS_IAM removes the public statements; signed in-page requests still work.
  await section.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("region", { name: "Edit function URL" });
  await edit.getByRole("radio", { name: "AWS_IAM" }).click();
  await edit.getByRole("button", { name: "Save URL" }).click();
  await expect(page.getByText("Function URL saved")).toBeVisible();
  await expect(permissions.getByText("FunctionURLAllowPublicAccess")).toHaveCount(0);
  await section.getByRole("button", { name: "Send request" }).click();
  await expect(section.getByRole("region", { name: "URL response" }).getByText("200 OK")).toBeVisible();
});
