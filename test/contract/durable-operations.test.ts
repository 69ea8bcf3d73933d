/**
 * Contract: functions written with the real durable SDK (@aws/durable-execution-sdk-js 2.4.0, the runtime's
 * copy) run to completion against the emulator — steps, waits, retries and their exhaustion,
 * waitForCondition, child contexts, parallel and map, large results, non-determinism — with the history,
 * GetDurableExecution and ListDurableExecutionsByFunction answers the console reads.
 */
import {
  GetDurableExecutionHistoryCommand,
  InvokeWithResponseStreamCommand,
  ListDurableExecutionsByFunctionCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
  type Event,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe as group, expect, it } from "vitest";
import { settled } from "../support/control-plane";
import { errorOf, startEmulator, zipOf, type TestEmulator } from "../support/emulator";
import { deployDurable, describe, history, start, timeline, until, SETUP_TIMEOUT_MS } from "./durable-support";

const SDK = `const { withDurableExecution } = require("@aws/durable-execution-sdk-js");`;

const ORDER = `${SDK}
exports.handler = withDurableExecution(async (event, ctx) => {
  const reserved = await ctx.step("reserve", async () => ({ id: event.orderId, items: 2 }));
  await ctx.wait("cool-off", { seconds: 1 });
  const billing = await ctx.runInChildContext("billing", async (child) => {
    const tax = await child.step("tax", async () => 0.2);
    return { tax };
  });
  const checks = await ctx.parallel("checks", [
    async (c) => c.step("fraud", async () => "clean"),
    async (c) => c.step("stock", async () => "in-stock"),
  ]);
  const lines = await ctx.map("lines", [1, 2, 3], async (c, item) => c.step("price", async () => item * 10));
  return { reserved, billing, checks: checks.getResults(), lines: lines.getResults() };
});`;

const RETRY = `${SDK}
exports.handler = withDurableExecution(async (event, ctx) => {
  return ctx.step("flaky", async (step) => {
    if (step.attempt <= event.failures) throw new Error("attempt " + step.attempt + " failed");
    return { attempt: step.attempt };
  }, { retryStrategy: (error, attempts) => ({ shouldRetry: attempts < 3, delay: { seconds: 1 } }) });
});`;

const CONDITION = `${SDK}
exports.handler = withDurableExecution(async (event, ctx) => {
  return ctx.waitForCondition("poll", async (state) => ({ count: state.count + 1 }), {
    initialState: { count: 0 },
    waitStrategy: (state) => (state.count >= 3 ? { shouldContinue: false } : { shouldContinue: true, delay: { seconds: 1 } }),
  });
});`;

// Exactly 6 MiB of result: over the SDK's 6 MiB - 50 B answer limit, so it goes through an EXECUTION
// checkpoint and the function answers Result "".
const LARGE = `${SDK}
exports.handler = withDurableExecution(async () => "x".repeat(6 * 1024 * 1024 - 2));`;

const FAILS = `${SDK}
exports.handler = withDurableExecution(async (event, ctx) => {
  await ctx.step("validate", async () => true);
  const err = new TypeError("order " + event.orderId + " is invalid");
  throw err;
});`;

// The first invocation runs step "a" and waits; after the code changed, replay meets a different step.
const DETERMINISTIC = `${SDK}
exports.handler = withDurableExecution(async (event, ctx) => {
  await ctx.step("a", async () => 1);
  await ctx.wait("w", { seconds: 1 });
  return "done";
});`;
const CHANGED = `${SDK}
exports.handler = withDurableExecution(async (event, ctx) => {
  await ctx.wait("not-a-step", { seconds: 1 });
  return "changed";
});`;

// ESM: import() ignores NODE_PATH, so the runtime's copy must sit in an ancestor node_modules.
const ESM = `import { withDurableExecution } from "@aws/durable-execution-sdk-js";
export const handler = withDurableExecution(async (event, ctx) => ctx.step("esm", async () => "imported"));`;

// A function's own copy of the SDK (here a stand-in) wins over the runtime's.
const BUNDLED_SDK = {
  "node_modules/@aws/durable-execution-sdk-js/package.json":
    '{ "name": "@aws/durable-execution-sdk-js", "main": "index.js" }',
  "node_modules/@aws/durable-execution-sdk-js/index.js":
    'exports.withDurableExecution = () => async () => ({ Status: "SUCCEEDED", Result: JSON.stringify("bundled copy") });',
};

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator();
  await Promise.all([
    deployDurable(t.client, "order", ORDER),
    deployDurable(t.client, "retry", RETRY),
    deployDurable(t.client, "condition", CONDITION),
    deployDurable(t.client, "large", LARGE, { timeout: 30 }),
    deployDurable(t.client, "fails", FAILS),
    deployDurable(t.client, "changes", DETERMINISTIC),
    deployDurable(t.client, "esm", "", { files: { "index.mjs": ESM } }),
    deployDurable(t.client, "bundled", `${SDK}\nexports.handler = withDurableExecution(async () => "runtime copy");`, {
      files: BUNDLED_SDK,
    }),
  ]);
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await t.dispose();
});

const byType = (events: Event[], type: string) => events.filter((e) => e.EventType === type);

group("a workflow of steps, a wait, a child context, parallel and map", () => {
  let events: Event[];
  let arn: string;

  it("answers a synchronous Invoke with the execution's result and its ARN", async () => {
    const r = await start(t.client, "order", { orderId: "o-1" });
    arn = r.arn;
    expect(r.status).toBe(200);
    expect(r.functionError).toBeUndefined();
    expect(r.executedVersion).toBe("$LATEST");
    expect(r.arn).toMatch(
      /^arn:aws:lambda:us-east-1:000000000000:function:order:\$LATEST\/durable-execution\/[a-zA-Z0-9_-]+\/[a-zA-Z0-9_-]+$/,
    );
    expect(JSON.parse(r.text)).toEqual({
      reserved: { id: "o-1", items: 2 },
      billing: { tax: 0.2 },
      checks: ["clean", "in-stock"],
      lines: [10, 20, 30],
    });
    events = await history(t.client, arn);
  });

  it("records the timeline, numbered 1..n, each event with its details object", async () => {
    expect(events.map((e) => e.EventId)).toEqual(events.map((_, i) => i + 1));
    for (const e of events) {
      expect(e.EventTimestamp).toBeInstanceOf(Date);
      expect(e[`${e.EventType}Details` as keyof Event]).toBeTypeOf("object");
      if (e.EventType !== "InvocationCompleted") expect(e.Id).toMatch(/^[a-zA-Z0-9_-]+$/);
    }
    const names = timeline(events);
    expect(names[0]).toMatch(/^ExecutionStarted /);
    expect(names.at(-1)).toMatch(/^ExecutionSucceeded /);
    expect(names.at(-2)).toBe("InvocationCompleted");
    for (const expected of [
      "StepStarted reserve",
      "StepSucceeded reserve",
      "WaitStarted cool-off",
      "WaitSucceeded cool-off",
      "ContextStarted billing",
      "StepSucceeded tax",
      "ContextSucceeded billing",
      "ContextStarted checks",
      "StepSucceeded fraud",
      "StepSucceeded stock",
      "ContextSucceeded checks",
      "ContextStarted lines",
      "ContextSucceeded lines",
    ]) {
      expect(names).toContain(expected);
    }
    // The wait suspended the function: at least two invocations.
    expect(byType(events, "InvocationCompleted").length).toBeGreaterThanOrEqual(2);
  });

  it("gives each event the reference's details", () => {
    const started = byType(events, "ExecutionStarted")[0];
    expect(started?.ExecutionStartedDetails).toEqual({
      Input: { Payload: '{"orderId":"o-1"}', Truncated: false },
      ExecutionTimeout: 120,
    });
    const wait = byType(events, "WaitStarted")[0];
    expect(wait?.SubType).toBe("Wait");
    expect(wait?.WaitStartedDetails?.Duration).toBe(1);
    expect(wait?.WaitStartedDetails?.ScheduledEndTimestamp).toBeInstanceOf(Date);
    expect(byType(events, "WaitSucceeded")[0]?.WaitSucceededDetails).toEqual({ Duration: 1 });
    const reserve = events.find((e) => e.EventType === "StepSucceeded" && e.Name === "reserve");
    expect(reserve?.SubType).toBe("Step");
    expect(reserve?.StepSucceededDetails).toEqual({
      Result: { Payload: '{"id":"o-1","items":2}', Truncated: false },
      RetryDetails: { CurrentAttempt: 1 },
    });
    const billing = events.find((e) => e.EventType === "ContextStarted" && e.Name === "billing");
    expect(billing?.SubType).toBe("RunInChildContext");
    expect(billing?.ContextStartedDetails).toEqual({});
    const tax = events.find((e) => e.EventType === "StepSucceeded" && e.Name === "tax");
    expect(tax?.ParentId).toBe(billing?.Id);
    const checks = events.find((e) => e.EventType === "ContextStarted" && e.Name === "checks");
    expect(checks?.SubType).toBe("Parallel");
    const branches = events.filter((e) => e.EventType === "ContextStarted" && e.ParentId === checks?.Id);
    expect(branches.map((b) => b.SubType)).toEqual(["ParallelBranch", "ParallelBranch"]);
    const lines = events.find((e) => e.EventType === "ContextStarted" && e.Name === "lines");
    expect(lines?.SubType).toBe("Map");
    const invocation = byType(events, "InvocationCompleted")[0]?.InvocationCompletedDetails;
    expect(invocation?.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(invocation?.StartTimestamp).toBeInstanceOf(Date);
    expect(invocation?.EndTimestamp).toBeInstanceOf(Date);
    expect(invocation?.Error).toBeUndefined();
    expect(byType(events, "ExecutionSucceeded")[0]?.ExecutionSucceededDetails?.Result?.Payload).toContain('"lines"');
  });

  it("pages the history forwards and backwards, and leaves payloads out without IncludeExecutionData", async () => {
    const pages: Event[][] = [];
    let marker: string | undefined;
    do {
      const page = await t.client.send(
        new GetDurableExecutionHistoryCommand({
          DurableExecutionArn: arn,
          MaxItems: 4,
          ...(marker ? { Marker: marker } : {}),
        }),
      );
      pages.push(page.Events ?? []);
      marker = page.NextMarker;
    } while (marker);
    expect(pages.every((p) => p.length <= 4)).toBe(true);
    expect(pages.flat().map((e) => e.EventId)).toEqual(events.map((e) => e.EventId));
    const reversed = await t.client.send(
      new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, ReverseOrder: true, MaxItems: 3 }),
    );
    expect(reversed.Events?.map((e) => e.EventId)).toEqual([events.length, events.length - 1, events.length - 2]);
    const next = await t.client.send(
      new GetDurableExecutionHistoryCommand({
        DurableExecutionArn: arn,
        ReverseOrder: true,
        MaxItems: 2,
        Marker: reversed.NextMarker,
      }),
    );
    expect(next.Events?.map((e) => e.EventId)).toEqual([events.length - 3, events.length - 4]);
    const bare = await t.client.send(
      new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, IncludeExecutionData: false, MaxItems: 1000 }),
    );
    const startedBare = bare.Events?.[0]?.ExecutionStartedDetails;
    expect(startedBare?.Input?.Payload).toBeUndefined();
    expect(startedBare?.ExecutionTimeout).toBe(120);
    const bad = await errorOf(() =>
      t.client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, Marker: "not-ours" })),
    );
    expect(bad.name).toBe("InvalidParameterValueException");
  });

  it("describes the execution with GetDurableExecution", async () => {
    const e = await describe(t.client, arn);
    expect(e.Status).toBe("SUCCEEDED");
    expect(e.DurableExecutionArn).toBe(arn);
    expect(arn).toContain(`/durable-execution/${e.DurableExecutionName}/`);
    expect(e.FunctionArn).toBe("arn:aws:lambda:us-east-1:000000000000:function:order:$LATEST");
    expect(e.Version).toBe("$LATEST");
    expect(e.InputPayload).toBe('{"orderId":"o-1"}');
    expect(JSON.parse(e.Result ?? "null")).toMatchObject({ lines: [10, 20, 30] });
    expect(e.Error).toBeUndefined();
    expect(e.StartTimestamp).toBeInstanceOf(Date);
    expect(e.EndTimestamp?.getTime()).toBeGreaterThanOrEqual(e.StartTimestamp?.getTime() ?? Infinity);
  });
});

group("the durable SDK in the runtime", () => {
  it("is importable with ESM import as well as require", async () => {
    expect(JSON.parse((await start(t.client, "esm", {})).text)).toBe("imported");
  });

  it("yields to a copy bundled in the function's zip", async () => {
    expect(JSON.parse((await start(t.client, "bundled", {})).text)).toBe("bundled copy");
  });
});

group("retries", () => {
  it("retries a failing step after its delay and succeeds on the third attempt", async () => {
    const r = await start(t.client, "retry", { failures: 2 });
    expect(JSON.parse(r.text)).toEqual({ attempt: 3 });
    const events = await history(t.client, r.arn);
    const failed = byType(events, "StepFailed");
    expect(failed.map((e) => e.StepFailedDetails?.RetryDetails)).toEqual([
      { CurrentAttempt: 1, NextAttemptDelaySeconds: 1 },
      { CurrentAttempt: 2, NextAttemptDelaySeconds: 1 },
    ]);
    expect(failed[0]?.StepFailedDetails?.Error?.Payload?.ErrorMessage).toBe("attempt 1 failed");
    expect(byType(events, "StepSucceeded")[0]?.StepSucceededDetails?.RetryDetails).toEqual({ CurrentAttempt: 3 });
    expect(byType(events, "StepStarted")).toHaveLength(3);
  });

  it("fails the execution when the retries are exhausted, answering with a function error", async () => {
    const r = await start(t.client, "retry", { failures: 10 });
    expect(r.functionError).toBe("Unhandled");
    const error = JSON.parse(r.text) as { errorType: string; errorMessage: string };
    expect(error.errorMessage).toContain("attempt 3 failed");
    const e = await describe(t.client, r.arn);
    expect(e.Status).toBe("FAILED");
    expect(e.Error?.ErrorMessage).toContain("attempt 3 failed");
    const events = await history(t.client, r.arn);
    expect(events.at(-1)?.EventType).toBe("ExecutionFailed");
    expect(events.at(-1)?.ExecutionFailedDetails?.Error?.Payload?.ErrorMessage).toContain("attempt 3 failed");
    expect(byType(events, "StepFailed").at(-1)?.StepFailedDetails?.RetryDetails).toEqual({ CurrentAttempt: 3 });
  });

  it("waitForCondition keeps its state across retries (the RETRY payload comes back as the step's result)", async () => {
    const r = await start(t.client, "condition", {});
    expect(JSON.parse(r.text)).toEqual({ count: 3 });
    const events = await history(t.client, r.arn);
    const polls = events.filter((e) => e.EventType === "StepSucceeded" && e.Name === "poll");
    expect(polls.map((e) => e.StepSucceededDetails?.Result?.Payload)).toEqual([
      '{"count":1}',
      '{"count":2}',
      '{"count":3}',
    ]);
    expect(polls[0]?.SubType).toBe("WaitForCondition");
    expect(polls[0]?.StepSucceededDetails?.RetryDetails?.NextAttemptDelaySeconds).toBe(1);
  });
});

group("outcomes", () => {
  it("a thrown handler error fails the execution with its type and message", async () => {
    const r = await start(t.client, "fails", { orderId: 7 });
    expect(r.functionError).toBe("Unhandled");
    expect(JSON.parse(r.text)).toMatchObject({ errorType: "TypeError", errorMessage: "order 7 is invalid" });
    const e = await describe(t.client, r.arn);
    expect(e.Error).toMatchObject({ ErrorType: "TypeError", ErrorMessage: "order 7 is invalid" });
  });

  it("a result over the answer's limit arrives through an EXECUTION checkpoint", async () => {
    const r = await start(t.client, "large", {});
    expect(r.functionError).toBeUndefined();
    expect(r.text.length).toBe(6 * 1024 * 1024);
    expect(JSON.parse(r.text)).toHaveLength(6 * 1024 * 1024 - 2);
    const e = await describe(t.client, r.arn);
    expect(e.Status).toBe("SUCCEEDED");
    // GetDurableExecution carries results up to 256 KB.
    expect(e.Result).toBeUndefined();
    const events = await history(t.client, r.arn);
    const result = events.at(-1)?.ExecutionSucceededDetails?.Result;
    expect(result?.Truncated).toBe(true);
    expect(result?.Payload?.length).toBe(262_144);
  });

  it("a replay that meets a different operation fails the execution (non-determinism)", async () => {
    const r = await start(t.client, "changes", {}, { type: "Event" });
    expect(r.status).toBe(202);
    // Change the code while the execution waits; the replay then finds a WAIT where a STEP was recorded.
    await t.client.send(
      new UpdateFunctionCodeCommand({ FunctionName: "changes", ZipFile: zipOf({ "index.js": CHANGED }) }),
    );
    await settled(t.client, "changes");
    const e = await until(t.client, r.arn, ["SUCCEEDED", "FAILED"]);
    expect(e.Status).toBe("FAILED");
    expect(`${e.Error?.ErrorType} ${e.Error?.ErrorMessage}`).toMatch(/determinis/i);
  });

  it("InvokeWithResponseStream of a durable function is refused", async () => {
    const e = await errorOf(() =>
      t.client.send(new InvokeWithResponseStreamCommand({ FunctionName: "order", Payload: Buffer.from("{}") })),
    );
    expect(e.name).toBe("InvalidParameterValueException");
    expect(e.message).toContain("durable");
  });
});

group("execution names and listing", () => {
  it("a repeated name re-attaches to the running execution with the same payload, else 409", async () => {
    const first = await start(t.client, "condition", { k: 1 }, { type: "Event", executionName: "poll-1" });
    const again = await start(t.client, "condition", { k: 1 }, { type: "Event", executionName: "poll-1" });
    expect(again.arn).toBe(first.arn);
    expect(first.arn).toContain("/durable-execution/poll-1/");
    const different = await errorOf(() =>
      start(t.client, "condition", { k: 2 }, { type: "Event", executionName: "poll-1" }),
    );
    expect(different.name).toBe("DurableExecutionAlreadyStartedException");
    expect(different.$metadata?.httpStatusCode).toBe(409);
    // A synchronous invoke of the same name waits for the running execution and answers its result.
    const attached = await start(t.client, "condition", { k: 1 }, { executionName: "poll-1" });
    expect(attached.arn).toBe(first.arn);
    expect(JSON.parse(attached.text)).toEqual({ count: 3 });
    const closed = await errorOf(() => start(t.client, "condition", { k: 1 }, { executionName: "poll-1" }));
    expect(closed.name).toBe("DurableExecutionAlreadyStartedException");
  });

  it("lists a function's executions with the name, status and time filters, newest first, paged", async () => {
    // A millisecond back: the filters are exclusive, and the first start may fall in this very millisecond.
    const before = new Date(Date.now() - 1);
    const a = await start(t.client, "fails", { orderId: 1 }, { executionName: "list-a" });
    const b = await start(t.client, "fails", { orderId: 2 }, { executionName: "list-b" });
    const list = (input: Partial<ConstructorParameters<typeof ListDurableExecutionsByFunctionCommand>[0]>) =>
      t.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: "fails", ...input }));
    const all = await list({ StartedAfter: before });
    expect(all.DurableExecutions?.map((e) => e.DurableExecutionName)).toEqual(["list-b", "list-a"]);
    expect(all.DurableExecutions?.[0]).toMatchObject({
      DurableExecutionArn: b.arn,
      FunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:fails:$LATEST",
      Status: "FAILED",
    });
    expect(all.DurableExecutions?.[0]?.StartTimestamp).toBeInstanceOf(Date);
    const oldest = await list({ StartedAfter: before, ReverseOrder: true, MaxItems: 1 });
    expect(oldest.DurableExecutions?.map((e) => e.DurableExecutionArn)).toEqual([a.arn]);
    const rest = await list({ StartedAfter: before, ReverseOrder: true, MaxItems: 1, Marker: oldest.NextMarker });
    expect(rest.DurableExecutions?.map((e) => e.DurableExecutionArn)).toEqual([b.arn]);
    expect(rest.NextMarker).toBeUndefined();
    expect(
      (await list({ DurableExecutionName: "list-a" })).DurableExecutions?.map((e) => e.DurableExecutionArn),
    ).toEqual([a.arn]);
    expect((await list({ Statuses: ["RUNNING"], StartedAfter: before })).DurableExecutions).toEqual([]);
    expect((await list({ Statuses: ["FAILED"], StartedAfter: before })).DurableExecutions).toHaveLength(2);
    const earlier = (await list({ StartedBefore: before })).DurableExecutions ?? [];
    expect(earlier.map((e) => e.DurableExecutionArn)).not.toContain(a.arn);
    expect(earlier.every((e) => (e.StartTimestamp?.getTime() ?? Infinity) < before.getTime())).toBe(true);
    // Executions belong to a version: a published version has none yet.
    const published = await t.client.send(new PublishVersionCommand({ FunctionName: "fails" }));
    expect((await list({ Qualifier: published.Version })).DurableExecutions).toEqual([]);
    const onVersion = await start(t.client, "fails", { orderId: 3 }, { qualifier: published.Version });
    expect(onVersion.arn).toContain(`:function:fails:${published.Version}/durable-execution/`);
    expect(onVersion.executedVersion).toBe(published.Version);
    expect((await list({ Qualifier: published.Version })).DurableExecutions?.map((e) => e.DurableExecutionArn)).toEqual(
      [onVersion.arn],
    );
  });
});
