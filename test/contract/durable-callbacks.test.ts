/**
 * Contract: what wakes a suspended durable execution from outside — callbacks (success, failure, heartbeat,
 * timeouts), StopDurableExecution, chained invokes of durable and plain functions — and what ends one the
 * hard way: its ExecutionTimeout, and a function that crashes (retried until it gets through).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  SendDurableExecutionCallbackFailureCommand,
  SendDurableExecutionCallbackHeartbeatCommand,
  SendDurableExecutionCallbackSuccessCommand,
  StopDurableExecutionCommand,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe as group, expect, it } from "vitest";
import { eventually } from "../support/control-plane";
import { errorOf, startEmulator, type TestEmulator } from "../support/emulator";
import {
  deployDurable,
  describe,
  eventWhere,
  history,
  start,
  timeline,
  until,
  SETUP_TIMEOUT_MS,
} from "./durable-support";
import { deploy } from "./runtime-support";

const SDK = `const { withDurableExecution } = require("@aws/durable-execution-sdk-js");`;

const APPROVAL = `${SDK}
exports.handler = withDurableExecution(async (event, ctx) => {
  const [promise, callbackId] = await ctx.createCallback("approval", {
    ...(event.timeout ? { timeout: { seconds: event.timeout } } : {}),
    ...(event.heartbeat ? { heartbeatTimeout: { seconds: event.heartbeat } } : {}),
  });
  await ctx.step("notify", async () => callbackId);
  try {
    return { answer: await promise };
  } catch (e) {
    return { failed: e.message, cause: e.cause ? { type: e.cause.errorType ?? e.cause.name, message: e.cause.message } : null };
  }
});`;

const WAIT_FOR_CALLBACK = `${SDK}
exports.handler = withDurableExecution(async (event, ctx) => {
  const decision = await ctx.waitForCallback("manager", async (callbackId, c) => {
    c.logger.info("sent for approval", callbackId);
  }, { timeout: { seconds: 30 } });
  return { decision };
});`;

const SLEEPER = `${SDK}
exports.handler = withDurableExecution(async (event, ctx) => {
  await ctx.step("before", async () => 1);
  await ctx.wait("long", { seconds: 60 });
  return "woke";
});`;

const CHILD = `${SDK}
exports.handler = withDurableExecution(async (event, ctx) => {
  const doubled = await ctx.step("double", async () => event.x * 2);
  await ctx.wait("breathe", { seconds: 1 });
  return { doubled };
});`;

const PARENT = `${SDK}
exports.handler = withDurableExecution(async (event, ctx) => {
  const durable = await ctx.invoke("call-child", "child", { x: 21 });
  const plain = await ctx.invoke("call-plain", "plain:$LATEST", { y: 2 });
  let broken;
  try {
    await ctx.invoke("call-broken", "broken", {});
  } catch (e) {
    broken = e.message;
  }
  return { durable, plain, broken };
});`;

const WAITS_ON_CHILD = `${SDK}
exports.handler = withDurableExecution(async (event, ctx) => ctx.invoke("call-sleeper", "sleeper", {}));`;

const CRASHY = `${SDK}
const fs = require("node:fs");
exports.handler = withDurableExecution(async (event, ctx) => {
  const first = await ctx.step("first", async () => "ok");
  const marker = event.dir + "/crashed";
  if (!fs.existsSync(marker)) {
    fs.writeFileSync(marker, "1");
    process.exit(3);
  }
  return { first, survived: true };
});`;

let t: TestEmulator;
let scratch: string;
beforeAll(async () => {
  t = await startEmulator();
  scratch = mkdtempSync(join(tmpdir(), "durable-callbacks-"));
  await Promise.all([
    deployDurable(t.client, "approval", APPROVAL),
    deployDurable(t.client, "manager", WAIT_FOR_CALLBACK),
    deployDurable(t.client, "sleeper", SLEEPER),
    deployDurable(t.client, "child", CHILD),
    deployDurable(t.client, "parent", PARENT),
    deployDurable(t.client, "crashy", CRASHY),
    deployDurable(t.client, "waits-on-child", WAITS_ON_CHILD),
    deployDurable(t.client, "short", SLEEPER, { executionTimeout: 2 }),
    deploy(t.client, "plain", { "index.js": "exports.handler = async (e) => ({ got: e.y });" }),
    deploy(t.client, "broken", {
      "index.js": "exports.handler = async () => { throw new RangeError('out of range'); };",
    }),
  ]);
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await t.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

const callbackIdOf = async (arn: string) =>
  (await eventWhere(t.client, arn, (e) => e.EventType === "CallbackStarted")).CallbackStartedDetails?.CallbackId ?? "";

group("callbacks", () => {
  it("a callback's success resumes the execution with the raw result", async () => {
    const r = await start(t.client, "approval", {}, { type: "Event" });
    const callbackId = await callbackIdOf(r.arn);
    expect(callbackId).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect((await describe(t.client, r.arn)).Status).toBe("RUNNING");
    await t.client.send(
      new SendDurableExecutionCallbackSuccessCommand({
        CallbackId: callbackId,
        Result: Buffer.from("approved-by-ann"),
      }),
    );
    const e = await until(t.client, r.arn, ["SUCCEEDED", "FAILED"]);
    expect(JSON.parse(e.Result ?? "null")).toEqual({ answer: "approved-by-ann" });
    const events = await history(t.client, r.arn);
    const started = events.find((ev) => ev.EventType === "CallbackStarted");
    expect(started?.Name).toBe("approval");
    expect(started?.SubType).toBe("Callback");
    const succeeded = events.find((ev) => ev.EventType === "CallbackSucceeded");
    expect(succeeded?.CallbackSucceededDetails).toEqual({ Result: { Payload: "approved-by-ann", Truncated: false } });
    expect(succeeded?.Id).toBe(started?.Id);
    // A completed callback is closed.
    const again = await errorOf(() =>
      t.client.send(
        new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId, Result: Buffer.from("x") }),
      ),
    );
    expect(again.name).toBe("CallbackTimeoutException");
    expect(again.$metadata?.httpStatusCode).toBe(400);
  });

  it("a callback's failure reaches the function as an error", async () => {
    const r = await start(t.client, "approval", {}, { type: "Event" });
    const callbackId = await callbackIdOf(r.arn);
    await t.client.send(
      new SendDurableExecutionCallbackFailureCommand({
        CallbackId: callbackId,
        Error: { ErrorType: "Rejected", ErrorMessage: "budget exceeded", ErrorData: '{"limit":10}' },
      }),
    );
    const e = await until(t.client, r.arn, ["SUCCEEDED", "FAILED"]);
    expect(JSON.stringify(JSON.parse(e.Result ?? "null"))).toContain("budget exceeded");
    const failed = (await history(t.client, r.arn)).find((ev) => ev.EventType === "CallbackFailed");
    expect(failed?.CallbackFailedDetails?.Error?.Payload).toEqual({
      ErrorType: "Rejected",
      ErrorMessage: "budget exceeded",
      ErrorData: '{"limit":10}',
    });
  });

  it("times out a callback after TimeoutSeconds", async () => {
    const r = await start(t.client, "approval", { timeout: 1 });
    expect(JSON.stringify(JSON.parse(r.text))).toContain("failed");
    const timedOut = (await history(t.client, r.arn)).find((ev) => ev.EventType === "CallbackTimedOut");
    expect(timedOut?.CallbackTimedOutDetails?.Error?.Payload?.ErrorMessage).toBe("Callback timed out");
    const started = (await history(t.client, r.arn)).find((ev) => ev.EventType === "CallbackStarted");
    expect(started?.CallbackStartedDetails?.Timeout).toBe(1);
  });

  it("heartbeats keep a callback alive past its heartbeat timeout; without them it times out", async () => {
    const r = await start(t.client, "approval", { heartbeat: 1 }, { type: "Event" });
    const callbackId = await callbackIdOf(r.arn);
    const until2s = Date.now() + 2_000;
    while (Date.now() < until2s) {
      await t.client.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: callbackId }));
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect((await history(t.client, r.arn)).some((ev) => ev.EventType === "CallbackTimedOut")).toBe(false);
    const timedOut = await eventWhere(t.client, r.arn, (ev) => ev.EventType === "CallbackTimedOut", 5_000);
    expect(timedOut.CallbackTimedOutDetails?.Error?.Payload?.ErrorMessage).toBe("Callback timed out on heartbeat");
    await until(t.client, r.arn, ["SUCCEEDED"]);
    const heartbeat = await errorOf(() =>
      t.client.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: callbackId })),
    );
    expect(heartbeat.name).toBe("CallbackTimeoutException");
  });

  it("waitForCallback hands the callback id to its submitter and returns the result", async () => {
    const r = await start(t.client, "manager", {}, { type: "Event" });
    const started = await eventWhere(t.client, r.arn, (e) => e.EventType === "CallbackStarted");
    const context = (await history(t.client, r.arn)).find((e) => e.EventType === "ContextStarted");
    expect(context?.SubType).toBe("WaitForCallback");
    expect(started.ParentId).toBe(context?.Id);
    await t.client.send(
      new SendDurableExecutionCallbackSuccessCommand({
        CallbackId: started.CallbackStartedDetails?.CallbackId,
        Result: Buffer.from('{"ok":true}'),
      }),
    );
    const e = await until(t.client, r.arn, ["SUCCEEDED", "FAILED"]);
    expect(JSON.parse(e.Result ?? "null")).toEqual({ decision: '{"ok":true}' });
  });

  it("an unknown callback id is not found", async () => {
    const e = await errorOf(() =>
      t.client.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: "bm8tc3VjaC1jYWxsYmFjaw+/==" })),
    );
    expect(e.name).toBe("ResourceNotFoundException");
  });
});

group("StopDurableExecution", () => {
  it("stops a waiting execution: STOPPED with the given error, its wait never completes", async () => {
    const r = await start(t.client, "sleeper", {}, { type: "Event" });
    await eventWhere(t.client, r.arn, (e) => e.EventType === "WaitStarted");
    await eventually(
      () => history(t.client, r.arn),
      (events) => events.some((e) => e.EventType === "InvocationCompleted"),
    );
    const stopped = await t.client.send(
      new StopDurableExecutionCommand({
        DurableExecutionArn: r.arn,
        Error: { ErrorType: "Cancelled", ErrorMessage: "customer cancelled" },
      }),
    );
    expect(stopped.StopTimestamp).toBeInstanceOf(Date);
    const e = await describe(t.client, r.arn);
    expect(e.Status).toBe("STOPPED");
    expect(e.Error).toEqual({ ErrorType: "Cancelled", ErrorMessage: "customer cancelled" });
    expect(e.EndTimestamp).toEqual(stopped.StopTimestamp);
    const events = await history(t.client, r.arn);
    expect(events.at(-1)?.EventType).toBe("ExecutionStopped");
    expect(events.at(-1)?.ExecutionStoppedDetails?.Error?.Payload?.ErrorMessage).toBe("customer cancelled");
    const twice = await errorOf(() => t.client.send(new StopDurableExecutionCommand({ DurableExecutionArn: r.arn })));
    expect(twice.name).toBe("InvalidParameterValueException");
  });

  it("a callback of a stopped execution is closed", async () => {
    const r = await start(t.client, "approval", {}, { type: "Event" });
    const callbackId = await callbackIdOf(r.arn);
    await t.client.send(new StopDurableExecutionCommand({ DurableExecutionArn: r.arn }));
    const e = await errorOf(() =>
      t.client.send(
        new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId, Result: Buffer.from("1") }),
      ),
    );
    expect(e.name).toBe("CallbackTimeoutException");
    expect((await describe(t.client, r.arn)).Status).toBe("STOPPED");
  });
});

group("chained invokes", () => {
  it("stopping a parent stops its running child execution", async () => {
    const r = await start(t.client, "waits-on-child", {}, { type: "Event" });
    const started = await eventWhere(t.client, r.arn, (e) => e.EventType === "ChainedInvokeStarted");
    const childArn = started.ChainedInvokeStartedDetails?.DurableExecutionArn ?? "";
    await eventWhere(t.client, childArn, (e) => e.EventType === "WaitStarted");
    await t.client.send(new StopDurableExecutionCommand({ DurableExecutionArn: r.arn }));
    const child = await until(t.client, childArn, ["STOPPED", "SUCCEEDED", "FAILED"]);
    expect(child.Status).toBe("STOPPED");
    expect(child.Error?.ErrorMessage).toContain(r.arn);
  });

  it("invokes a durable target as a child execution and a plain one as an ordinary invoke", async () => {
    const r = await start(t.client, "parent", {});
    expect(r.functionError).toBeUndefined();
    expect(JSON.parse(r.text)).toEqual({
      durable: { doubled: 42 },
      plain: { got: 2 },
      broken: expect.stringContaining("out of range") as unknown,
    });
    const events = await history(t.client, r.arn);
    const started = events.filter((e) => e.EventType === "ChainedInvokeStarted");
    expect(started.map((e) => e.Name)).toEqual(["call-child", "call-plain", "call-broken"]);
    expect(started[0]?.SubType).toBe("ChainedInvoke");
    const childArn = started[0]?.ChainedInvokeStartedDetails?.DurableExecutionArn ?? "";
    expect(childArn).toMatch(/:function:child:\$LATEST\/durable-execution\//);
    expect(started[0]?.ChainedInvokeStartedDetails).toMatchObject({
      FunctionName: "child",
      Input: { Payload: '{"x":21}', Truncated: false },
    });
    expect(started[1]?.ChainedInvokeStartedDetails?.DurableExecutionArn).toBeUndefined();
    const succeeded = events.filter((e) => e.EventType === "ChainedInvokeSucceeded");
    expect(succeeded.map((e) => e.ChainedInvokeSucceededDetails?.Result?.Payload)).toEqual([
      '{"doubled":42}',
      '{"got":2}',
    ]);
    const failed = events.find((e) => e.EventType === "ChainedInvokeFailed");
    expect(failed?.ChainedInvokeFailedDetails?.Error?.Payload).toMatchObject({
      ErrorType: "RangeError",
      ErrorMessage: "out of range",
    });
    const child = await describe(t.client, childArn);
    expect(child.Status).toBe("SUCCEEDED");
    expect(child.InputPayload).toBe('{"x":21}');
  });
});

group("failures of the execution itself", () => {
  it("times out at its ExecutionTimeout: TIMED_OUT, answered as a function error", async () => {
    const r = await start(t.client, "short", {});
    expect(r.functionError).toBe("Unhandled");
    expect(JSON.parse(r.text)).toMatchObject({ errorMessage: expect.stringContaining("ExecutionTimeout") as unknown });
    const e = await describe(t.client, r.arn);
    expect(e.Status).toBe("TIMED_OUT");
    const took = (e.EndTimestamp?.getTime() ?? 0) - (e.StartTimestamp?.getTime() ?? 0);
    expect(took).toBeGreaterThanOrEqual(2_000);
    expect(took).toBeLessThan(5_000);
    const events = await history(t.client, r.arn);
    expect(events.at(-1)?.EventType).toBe("ExecutionTimedOut");
  });

  it("retries an invocation whose process crashed, and the execution goes on from its checkpoints", async () => {
    const dir = mkdtempSync(join(scratch, "crash-"));
    const r = await start(t.client, "crashy", { dir });
    expect(r.functionError).toBeUndefined();
    expect(JSON.parse(r.text)).toEqual({ first: "ok", survived: true });
    const events = await history(t.client, r.arn);
    const invocations = events.filter((e) => e.EventType === "InvocationCompleted");
    expect(invocations).toHaveLength(2);
    expect(invocations[0]?.InvocationCompletedDetails?.Error?.Payload?.ErrorType).toBe("Runtime.ExitError");
    expect(invocations[1]?.InvocationCompletedDetails?.Error).toBeUndefined();
    // The step ran once: the retried invocation replayed its checkpoint.
    expect(timeline(events).filter((n) => n === "StepSucceeded first")).toHaveLength(1);
  });
});
