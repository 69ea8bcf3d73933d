import { expect, test, type Page } from "@playwright/test";
import { InvokeCommand, PublishVersionCommand } from "@aws-sdk/client-lambda";
import { createNodeFunction, lambda, uniqueName, waitForFunctionReady } from "./helpers";

// A durable function that stops at a callback: it runs until someone answers, then finishes with the answer.
const APPROVAL = `import { withDurableExecution } from "@aws/durable-execution-sdk-js";

export const handler = withDurableExecution(async (event, context) => {
  const order = await context.step("prepare-order", async () => ({ orderId: event.orderId, total: 42 }));
  const decision = await context.waitForCallback("manager-approval", async () => {}, { timeout: { minutes: 5 } });
  const receipt = await context.step("ship", async () => ({ shipped: true }));
  return { order, decision: JSON.parse(decision), receipt };
});
`;

// Two steps and done: for tests about where an execution runs rather than what it does.
const QUICK = `import { withDurableExecution } from "@aws/durable-execution-sdk-js";

export const handler = withDurableExecution(async (event, context) => {
  const a = await context.step("first", async () => 1);
  return context.step("second", async () => a + 1);
});
`;

const summary = (page: Page) => page.getByRole("region", { name: "Execution summary" });
const timeline = (page: Page) => page.getByRole("tree", { name: "Operations" });

test("a durable execution waits for a callback, which the timeline answers; then it succeeds", async ({ page }) => {
  const name = uniqueName("e2e-durable");
  await createNodeFunction(name, APPROVAL, { durable: { executionTimeout: 600, retentionPeriodInDays: 1 } });

  // Start it from the Durable executions tab: asynchronous, named, with an input.
  await page.goto(`/functions/${name}/durable-executions`);
  await expect(page.getByRole("heading", { name: "No executions yet" })).toBeVisible();
  await page.getByRole("button", { name: "Start execution" }).first().click();
  const start = page.getByRole("dialog", { name: "Start execution" });
  await start.getByRole("textbox", { name: "Execution name (optional)" }).fill("order-7");
  await start.getByRole("textbox", { name: "Input (JSON)" }).fill('{"orderId":"o-7"}');
  await expect(start.getByRole("radio", { name: "Asynchronous" })).toBeChecked();
  await start.getByRole("button", { name: "Start execution" }).click();

  // Its page: running, suspended at the callback, which the timeline shows waiting.
  await expect(page).toHaveURL(new RegExp(`/functions/${name}/durable-executions/order-7\\.`));
  await expect(summary(page).getByRole("heading", { name: "order-7" })).toBeVisible();
  await expect(summary(page).getByText("Running", { exact: true })).toBeVisible();
  await expect(summary(page).getByRole("region", { name: "Input" })).toContainText('"orderId": "o-7"');
  await expect(timeline(page).getByRole("treeitem", { name: /^prepare-order, step, succeeded/ })).toBeVisible();
  const callback = timeline(page).getByRole("treeitem", { name: /^Callback, waiting/ });
  await expect(callback).toBeVisible();
  await expect(
    timeline(page).getByRole("treeitem", { name: /^manager-approval, wait for callback, running/ }),
  ).toBeVisible();
  await expect(page.getByRole("group", { name: /^Invocations: [1-9]/ })).toBeVisible();

  // The keyboard walks the tree: Down selects the next row, Enter opens it, Escape closes it.
  await timeline(page).focus();
  await expect(timeline(page).getByRole("treeitem", { name: /^prepare-order/ })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await page.keyboard.press("ArrowDown");
  await expect(timeline(page).getByRole("treeitem", { name: /^manager-approval/ })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await page.keyboard.press("Enter");
  const details = page.getByRole("complementary", { name: "Operation details" });
  await expect(details.getByRole("heading", { name: "manager-approval" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(details).toBeHidden();

  // The page says what the execution waits for; its button opens the callback, ready to answer.
  const waiting = page.getByRole("status").filter({ hasText: "Waiting for a callback" });
  await expect(waiting).toBeVisible();
  await waiting.getByRole("button", { name: "Answer manager-approval" }).click();
  await expect(details.getByRole("heading", { name: "Callback" })).toBeVisible();
  await expect(details.getByRole("button", { name: "Copy callback ID" })).toBeVisible();
  await details.getByRole("button", { name: "Send success" }).click();
  const send = page.getByRole("dialog", { name: "Send callback success" });
  await send.getByRole("textbox", { name: "Result" }).fill('{"approved":true,"by":"e2e"}');
  await send.getByRole("button", { name: "Send success" }).click();
  await expect(send).toBeHidden();

  // The execution resumes and finishes: succeeded with its result, and nothing on the timeline still open.
  await expect(summary(page).getByText("Succeeded", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(waiting).toBeHidden();
  const result = summary(page).getByRole("region", { name: "Result" });
  await expect(result).toContainText('"approved": true');
  await expect(result).toContainText('"shipped": true');
  await expect(timeline(page).getByRole("treeitem", { name: /^Callback, succeeded/ })).toBeVisible();
  await expect(timeline(page).getByRole("treeitem", { name: /^ship, step, succeeded/ })).toBeVisible();
  await expect(timeline(page).getByRole("treeitem", { name: /, (running|waiting)/ })).toHaveCount(0);
  await expect(details.getByRole("region", { name: "Result" })).toContainText('"by": "e2e"');
  // A click on a row opens that operation instead.
  await timeline(page)
    .getByRole("treeitem", { name: /^ship, step/ })
    .click();
  await expect(details.getByRole("heading", { name: "ship" })).toBeVisible();
  await expect(details.getByRole("region", { name: "Result" })).toContainText('"shipped": true');

  // The raw history has every event; the list shows the execution as succeeded.
  await page.getByRole("radio", { name: "Events" }).click();
  const events = page.getByRole("table", { name: "History events" });
  await expect(events.getByRole("row").filter({ hasText: "CallbackSucceeded" })).toHaveCount(1);
  await expect(events.getByRole("row").filter({ hasText: "ExecutionSucceeded" })).toHaveCount(1);
  await page.getByRole("link", { name: "All executions" }).click();
  const list = page.getByRole("table", { name: "Durable executions" });
  await expect(list.getByRole("row").filter({ hasText: "order-7" })).toContainText("Succeeded");
});

test("a durable function made in the Create dialog runs from the Test tab and can be stopped", async ({ page }) => {
  const name = uniqueName("e2e-durable-ui");
  await page.goto("/functions?create=durable");
  const create = page.getByRole("dialog", { name: "Create function" });
  await expect(create.getByRole("switch", { name: "Durable execution" })).toBeChecked();
  await create.getByRole("textbox", { name: "Function name" }).fill(name);
  await expect(create.getByRole("spinbutton", { name: "Execution timeout (seconds)" })).toHaveValue("86400");
  await create.getByRole("button", { name: "Create function" }).click();
  await expect(page).toHaveURL(new RegExp(`/functions/${name}/durable-executions$`));
  await expect(page.getByRole("heading", { name: "No executions yet" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Function sections" }).getByRole("link", { name: "Durable executions" }),
  ).toHaveAttribute("aria-current", "page");

  // The overview says it is durable.
  await page.getByRole("navigation", { name: "Function sections" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByText("1 day to finish · history kept 30 days")).toBeVisible();

  // The Test tab names the execution and links to its timeline (Event: the invoke answers at once).
  await page.getByRole("navigation", { name: "Function sections" }).getByRole("link", { name: "Test" }).click();
  await page.getByRole("textbox", { name: "Execution name" }).fill("from-test-tab");
  await page.getByRole("radio", { name: "Event" }).click();
  await expect(page.getByRole("textbox", { name: "Event JSON" })).toBeAttached({ timeout: 30_000 });
  await page.getByRole("button", { name: "Invoke", exact: true }).click();
  const run = page.getByRole("group", { name: "Durable execution" });
  await expect(run).toContainText("from-test-tab");
  await run.getByRole("link", { name: "Open timeline" }).click();

  // The starter validates, then waits 5 s: stop it while it waits.
  await expect(page).toHaveURL(new RegExp(`/durable-executions/from-test-tab\\.`));
  await expect(timeline(page).getByRole("treeitem", { name: /^validate-order, step, succeeded/ })).toBeVisible();
  await expect(timeline(page).getByRole("treeitem", { name: /^cool-down, wait, waiting/ })).toBeVisible();
  await page.getByRole("button", { name: "Stop execution" }).click();
  const confirm = page.getByRole("dialog", { name: "Stop from-test-tab?" });
  await confirm.getByRole("button", { name: "Stop execution" }).click();
  await expect(summary(page).getByText("Stopped", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Stop execution" })).toBeHidden();
  await expect(timeline(page).getByRole("treeitem", { name: /^cool-down, wait, (stopped|cancelled)/ })).toBeVisible();
  await expect(timeline(page).getByRole("treeitem", { name: /^confirm-order/ })).toHaveCount(0);
});

test("executions belong to a version: start one on a published version and list that version's", async ({ page }) => {
  const name = uniqueName("e2e-durable-v");
  await createNodeFunction(name, QUICK, { durable: { executionTimeout: 300, retentionPeriodInDays: 1 } });
  await waitForFunctionReady(name);
  await lambda.send(new PublishVersionCommand({ FunctionName: name }));

  await page.goto(`/functions/${name}/durable-executions`);
  await page.getByRole("button", { name: "Start execution" }).first().click();
  const start = page.getByRole("dialog", { name: "Start execution" });
  await start.getByRole("combobox", { name: "Version" }).click();
  await page.getByRole("option", { name: "1", exact: true }).click();
  await start.getByRole("textbox", { name: "Execution name (optional)" }).fill("on-v1");
  await start.getByRole("button", { name: "Start execution" }).click();

  // The key names the version, the page shows it, and the execution finishes there.
  await expect(page).toHaveURL(/\/durable-executions\/on-v1\.[^/]+\.1$/);
  await expect(summary(page).getByText("Succeeded", { exact: true })).toBeVisible();
  await expect(summary(page)).toContainText(`${name}:1/durable-execution/on-v1/`);

  // Back on the list: version 1 has it, $LATEST does not.
  await page.getByRole("link", { name: "All executions" }).click();
  await expect(page).toHaveURL(/\?qualifier=1$/);
  const list = page.getByRole("table", { name: "Durable executions" });
  await expect(list.getByRole("link", { name: "Execution on-v1" })).toBeVisible();
  await page.getByRole("combobox", { name: "Version" }).click();
  await page.getByRole("option", { name: "$LATEST" }).click();
  await expect(page.getByRole("heading", { name: "No executions yet" })).toBeVisible();
});

test("a waiting callback takes a heartbeat, then a failure that fails the execution", async ({ page }) => {
  const name = uniqueName("e2e-durable-fail");
  await createNodeFunction(name, APPROVAL, { durable: { executionTimeout: 600, retentionPeriodInDays: 1 } });
  const started = await lambda.send(
    new InvokeCommand({
      FunctionName: name,
      InvocationType: "Event",
      DurableExecutionName: "to-reject",
      Payload: new TextEncoder().encode('{"orderId":"o-9"}'),
    }),
  );
  const key = started.DurableExecutionArn?.split("/durable-execution/")[1]?.replace("/", ".");
  await page.goto(`/functions/${name}/durable-executions/${key}`);

  await page.getByRole("status").filter({ hasText: "Waiting for a callback" }).getByRole("button").click();
  const details = page.getByRole("complementary", { name: "Operation details" });
  await details.getByRole("button", { name: "Heartbeat" }).click();
  await expect(details.getByText(/^Last heartbeat at/)).toBeVisible();

  await details.getByRole("button", { name: "Send failure" }).click();
  const fail = page.getByRole("dialog", { name: "Send callback failure" });
  await fail.getByRole("textbox", { name: "Error type" }).fill("Rejected");
  await fail.getByRole("textbox", { name: "Error message" }).fill("manager said no");
  await fail.getByRole("button", { name: "Send failure" }).click();
  await expect(fail).toBeHidden();

  // The function's callback rejects; nothing catches it, so the execution fails with the callback's error.
  await expect(summary(page).getByText("Failed", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("alert").filter({ hasText: "The execution failed" })).toContainText("manager said no");
  await expect(timeline(page).getByRole("treeitem", { name: /^Callback, failed/ })).toBeVisible();
  await expect(details.getByRole("region", { name: "Error" })).toContainText('"ErrorType": "Rejected"');
});
