/**
 * Conformance: the official testing kit's CloudDurableTestRunner (@aws/durable-execution-sdk-js-testing
 * 1.1.4), which drives a durable function on AWS through Invoke, GetDurableExecutionHistory and the
 * callback APIs, runs unchanged against the emulator — an external check that we speak AWS's dialect
 * (headers, history event shapes, the closing event last).
 */
import { CloudDurableTestRunner, WaitingOperationStatus } from "@aws/durable-execution-sdk-js-testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startEmulator, type TestEmulator } from "../support/emulator";
import { deployDurable, SETUP_TIMEOUT_MS } from "./durable-support";

const SDK = `const { withDurableExecution } = require("@aws/durable-execution-sdk-js");`;

const WORKFLOW = `${SDK}
exports.handler = withDurableExecution(async (event, ctx) => {
  const first = await ctx.step("first", async () => event.value * 2);
  await ctx.wait("pause", { seconds: 1 });
  const grouped = await ctx.runInChildContext("grp", async (child) => child.step("inner", async () => first + 1));
  return { first, grouped };
});`;

const APPROVAL = `${SDK}
exports.handler = withDurableExecution(async (event, ctx) => {
  const answer = await ctx.waitForCallback("approval", async () => {}, { timeout: { seconds: 30 } });
  return { answer };
});`;

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator();
  await Promise.all([deployDurable(t.client, "workflow", WORKFLOW), deployDurable(t.client, "approval", APPROVAL)]);
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await t.dispose();
});

it("runs a workflow to completion and reads its operations back from the history", async () => {
  const runner = new CloudDurableTestRunner<{ first: number; grouped: number }>({
    functionName: "workflow",
    client: t.client,
    config: { pollInterval: 100 },
  });
  const result = await runner.run({ payload: { value: 21 } });
  expect(result.getStatus()).toBe("SUCCEEDED");
  expect(result.getResult()).toEqual({ first: 42, grouped: 43 });
  expect(runner.getOperation("first").getStepDetails()?.result).toBe(42);
  expect(runner.getOperation("pause").getWaitDetails()?.waitSeconds).toBe(1);
  const group = runner.getOperation("grp");
  expect(group.getType()).toBe("CONTEXT");
  expect(group.getChildOperations()?.map((o) => o.getName())).toEqual(["inner"]);
  expect(result.getInvocations().length).toBeGreaterThanOrEqual(2);
  expect(result.getHistoryEvents().at(-1)?.EventType).toBe("ExecutionSucceeded");
});

it("completes a waitForCallback through the runner's callback API", async () => {
  const runner = new CloudDurableTestRunner<{ answer: string }>({
    functionName: "approval",
    client: t.client,
    config: { pollInterval: 100, invocationType: "Event" },
  });
  const approval = runner.getOperation("approval");
  const running = runner.run({ payload: {} });
  const submitted = await approval.waitForData(WaitingOperationStatus.SUBMITTED);
  await submitted.sendCallbackSuccess("granted");
  const result = await running;
  expect(result.getStatus()).toBe("SUCCEEDED");
  expect(result.getResult()).toEqual({ answer: "granted" });
});
