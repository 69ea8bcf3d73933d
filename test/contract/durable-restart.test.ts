/**
 * Contract: durable executions survive an emulator restart on the same data dir — a wait's timer is
 * re-armed, a pending callback still completes, an invocation cut short by the stop runs again — and
 * deleting the function takes its executions (and their timers) with it.
 */
import { DeleteFunctionCommand, SendDurableExecutionCallbackSuccessCommand } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventually } from "../support/control-plane";
import { errorOf, startEmulator, type TestEmulator } from "../support/emulator";
import { deployDurable, describe, eventWhere, history, start, until, SETUP_TIMEOUT_MS } from "./durable-support";

const SDK = `const { withDurableExecution } = require("@aws/durable-execution-sdk-js");`;

const NAPPER = `${SDK}
exports.handler = withDurableExecution(async (event, ctx) => {
  const before = await ctx.step("before", async () => Date.now());
  await ctx.wait("nap", { seconds: event.seconds });
  return { slept: (await ctx.step("after", async () => Date.now())) - before >= event.seconds * 1000 };
});`;

const APPROVAL = `${SDK}
exports.handler = withDurableExecution(async (event, ctx) => {
  const [promise] = await ctx.createCallback("approval");
  return { answer: await promise };
});`;

const SLOW = `${SDK}
exports.handler = withDurableExecution(async (event, ctx) => {
  return ctx.step("slow", async () => {
    await new Promise((r) => setTimeout(r, 1500));
    return "finished";
  });
});`;

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator();
  await Promise.all([
    deployDurable(t.client, "napper", NAPPER),
    deployDurable(t.client, "approval", APPROVAL),
    deployDurable(t.client, "slow", SLOW),
  ]);
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await t.dispose();
});

const invoked = (arn: string) =>
  eventually(
    () => history(t.client, arn),
    (events) => events.some((e) => e.EventType === "InvocationCompleted"),
  );

it("resumes waits, callbacks and cut-short invocations after a restart", async () => {
  const napping = await start(t.client, "napper", { seconds: 2 }, { type: "Event" });
  const approving = await start(t.client, "approval", {}, { type: "Event" });
  await invoked(napping.arn);
  const callback = await eventWhere(t.client, approving.arn, (e) => e.EventType === "CallbackStarted");
  await invoked(approving.arn);
  const slow = await start(t.client, "slow", {}, { type: "Event" });
  await eventWhere(t.client, slow.arn, (e) => e.EventType === "StepStarted");

  t = await t.restart();

  // The callback id still routes to its execution.
  await t.client.send(
    new SendDurableExecutionCallbackSuccessCommand({
      CallbackId: callback.CallbackStartedDetails?.CallbackId,
      Result: Buffer.from("yes"),
    }),
  );
  const approved = await until(t.client, approving.arn, ["SUCCEEDED", "FAILED"]);
  expect(JSON.parse(approved.Result ?? "null")).toEqual({ answer: "yes" });

  const napped = await until(t.client, napping.arn, ["SUCCEEDED", "FAILED"]);
  expect(JSON.parse(napped.Result ?? "null")).toEqual({ slept: true });

  const finished = await until(t.client, slow.arn, ["SUCCEEDED", "FAILED"]);
  expect(JSON.parse(finished.Result ?? "null")).toBe("finished");
  const invocations = (await history(t.client, slow.arn)).filter((e) => e.EventType === "InvocationCompleted");
  expect(invocations[0]?.InvocationCompletedDetails?.Error?.Payload?.ErrorType).toBe("Runtime.Unavailable");
  expect(invocations.at(-1)?.InvocationCompletedDetails?.Error).toBeUndefined();
});

it("purges closed executions once their retention period has passed", async () => {
  const r = await start(t.client, "slow", {});
  expect((await describe(t.client, r.arn)).Status).toBe("SUCCEEDED");
  const durable = t.emulator.ctx.durable;
  durable.purge(Date.now() + 29 * 86_400_000);
  expect((await describe(t.client, r.arn)).Status).toBe("SUCCEEDED");
  // RetentionPeriodInDays defaults to 30.
  durable.purge(Date.now() + 30 * 86_400_000 + 1_000);
  const gone = await errorOf(() => describe(t.client, r.arn));
  expect(gone.name).toBe("ResourceNotFoundException");
  expect(gone.message).toContain(r.arn);
});

it("deleting the function deletes its executions; their timers fire into nothing", async () => {
  const napping = await start(t.client, "napper", { seconds: 1 }, { type: "Event" });
  await invoked(napping.arn);
  await t.client.send(new DeleteFunctionCommand({ FunctionName: "napper" }));
  const gone = await errorOf(() => describe(t.client, napping.arn));
  expect(gone.name).toBe("ResourceNotFoundException");
  expect(gone.message).toBe("Function not found: arn:aws:lambda:us-east-1:000000000000:function:napper");
  // The wait's end passes without a trace: nothing to resume, and the emulator still serves.
  await new Promise((resolve) => setTimeout(resolve, 1200));
  expect(t.emulator.ctx.durable.store.getExecution(napping.arn)).toBeUndefined();
  expect(t.emulator.ctx.durable.store.nextDue()).toBeUndefined();
});
