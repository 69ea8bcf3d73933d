/**
 * Contract: the durable-execution API as the SDK meets it, driven by a handler that speaks the checkpoint
 * API itself (@aws-sdk/client-lambda inside the function) so each rule can be probed — the invocation
 * event, token rotation and staleness, ClientToken replays, every update validation rule, timers applied
 * before answering, state paging, the outcomes of a PENDING answer with nothing pending and of an answer
 * that is no durable output — plus the answers for executions and callbacks that do not exist.
 */
import {
  CheckpointDurableExecutionCommand,
  CreateFunctionCommand,
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  GetDurableExecutionStateCommand,
  ListDurableExecutionsByFunctionCommand,
  SendDurableExecutionCallbackFailureCommand,
  SendDurableExecutionCallbackHeartbeatCommand,
  SendDurableExecutionCallbackSuccessCommand,
  StopDurableExecutionCommand,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe as group, expect, it } from "vitest";
import { errorOf, nodeZip, ROLE, startEmulator, waitActive, type TestEmulator } from "../support/emulator";
import { deployDurable, describe, history, start, SETUP_TIMEOUT_MS } from "./durable-support";

// A handler without the durable SDK: it gets the envelope and probes the checkpoint API, reporting what it saw.
const PROBE = `
const {
  LambdaClient, CheckpointDurableExecutionCommand, GetDurableExecutionStateCommand, StopDurableExecutionCommand,
} = require("@aws-sdk/client-lambda");
const client = new LambdaClient({});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

exports.handler = async (event) => {
  const arn = event.DurableExecutionArn;
  let token = event.CheckpointToken;
  const cp = async (updates, extra = {}, useToken = token) => {
    try {
      const r = await client.send(new CheckpointDurableExecutionCommand({ DurableExecutionArn: arn, CheckpointToken: useToken, Updates: updates, ...extra }));
      token = r.CheckpointToken;
      return { ok: true, token: r.CheckpointToken, ops: r.NewExecutionState?.Operations ?? [] };
    } catch (e) {
      return { error: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
    }
  };
  const ops = event.InitialExecutionState.Operations;
  const input = JSON.parse(ops[0].ExecutionDetails.InputPayload);
  const report = { keys: Object.keys(event).sort(), first: ops[0], count: ops.length, next: event.InitialExecutionState.NextMarker, token: event.CheckpointToken };

  if (input.mode === "pending-nothing") return { Status: "PENDING" };
  if (input.mode === "not-durable") return { hello: "world" };
  if (input.mode === "stop-self") {
    await client.send(new StopDurableExecutionCommand({ DurableExecutionArn: arn, Error: { ErrorMessage: "stopped from inside" } }));
    report.after = await cp([]);
    return { Status: "SUCCEEDED", Result: JSON.stringify(report) };
  }

  const s = (id, action, more = {}) => ({ Id: id, Type: "STEP", SubType: "Step", Action: action, ...more });
  report.start = await cp([s("s1", "START", { Name: "one" })]);
  report.startIsDate = report.start.ops?.[0]?.StartTimestamp instanceof Date;
  report.stale = await cp([], {}, event.CheckpointToken);
  const before = token;
  report.succeed = await cp([s("s1", "SUCCEED", { Payload: "1" })], { ClientToken: "ct-1" });
  report.replay = await cp([s("s1", "SUCCEED", { Payload: "1" })], { ClientToken: "ct-1" }, before);
  report.replayOther = await cp([], { ClientToken: "ct-1" }, report.succeed.token);

  const rules = {
    badAction: [{ Id: "w1", Type: "WAIT", Action: "RETRY", StepOptions: { NextAttemptDelaySeconds: 1 } }],
    succeedWithError: [s("s2", "SUCCEED", { Error: { ErrorMessage: "x" } })],
    failWithPayload: [s("s2", "FAIL", { Payload: "1" })],
    retryWithoutOptions: [s("s2", "RETRY", { Error: { ErrorMessage: "x" } })],
    retryWithBoth: [s("s2", "RETRY", { Error: { ErrorMessage: "x" }, Payload: "1", StepOptions: { NextAttemptDelaySeconds: 1 } })],
    restartSucceeded: [s("s1", "START")],
    parentNotContext: [s("s3", "START", { ParentId: "s1" })],
    parentMissing: [s("s3", "START", { ParentId: "nope" })],
    twoExecution: [{ Id: "e1", Type: "EXECUTION", Action: "SUCCEED", Payload: "1" }, { Id: "e2", Type: "EXECUTION", Action: "SUCCEED", Payload: "1" }],
    executionNotLast: [{ Id: "e1", Type: "EXECUTION", Action: "SUCCEED", Payload: "1" }, s("s4", "START")],
    sameIdTwice: [{ Id: "w2", Type: "WAIT", Action: "START", WaitOptions: { WaitSeconds: 1 } }, { Id: "w2", Type: "WAIT", Action: "START", WaitOptions: { WaitSeconds: 1 } }],
    waitWithoutSeconds: [{ Id: "w3", Type: "WAIT", Action: "START" }],
    typeMismatch: [{ Id: "s1", Type: "WAIT", Action: "CANCEL" }],
    cancelNotStarted: [{ Id: "w4", Type: "WAIT", Action: "CANCEL" }],
    errorTooLarge: [s("s5", "FAIL", { Error: { ErrorMessage: "x".repeat(33000) } })],
    contextOutcomeTwice: [{ Id: "c9", Type: "CONTEXT", Action: "SUCCEED" }, { Id: "c9", Type: "CONTEXT", Action: "FAIL" }],
  };
  report.rules = {};
  for (const [name, updates] of Object.entries(rules)) report.rules[name] = await cp(updates);
  report.tokenKept = await cp([]);

  // Accepted shapes: a context and its child in one batch; a step started and succeeded in one batch.
  report.batch = await cp([
    { Id: "c1", Type: "CONTEXT", SubType: "RunInChildContext", Action: "START", Name: "group" },
    s("c1-s", "START", { ParentId: "c1" }),
    s("c1-s", "SUCCEED", { ParentId: "c1", Payload: '"inner"' }),
    { Id: "c1", Type: "CONTEXT", Action: "SUCCEED", Payload: '"done"', ContextOptions: { ReplayChildren: true } },
  ]);
  report.callback = await cp([{ Id: "cb1", Type: "CALLBACK", SubType: "Callback", Action: "START", CallbackOptions: { TimeoutSeconds: 60 } }]);
  report.retry = await cp([s("r1", "START"), s("r1", "RETRY", { Payload: '{"n":1}', StepOptions: { NextAttemptDelaySeconds: 1 } })]);
  report.wait = await cp([{ Id: "w9", Type: "WAIT", SubType: "Wait", Action: "START", Name: "nap", WaitOptions: { WaitSeconds: 1 } }]);
  report.waitStartedAt = Date.now();
  await sleep(1100);
  report.poll = await cp([]);

  const pages = [];
  let marker;
  do {
    const page = await client.send(new GetDurableExecutionStateCommand({ DurableExecutionArn: arn, CheckpointToken: token, MaxItems: 2, ...(marker ? { Marker: marker } : {}) }));
    pages.push(page.Operations.map((o) => o.Id));
    marker = page.NextMarker;
  } while (marker);
  report.pages = pages;
  try {
    await client.send(new GetDurableExecutionStateCommand({ DurableExecutionArn: arn, CheckpointToken: event.CheckpointToken.replace(/^./, (c) => (c === "A" ? "B" : "A")) }));
    report.stateBadToken = "accepted";
  } catch (e) {
    report.stateBadToken = e.name + ": " + e.message;
  }
  return { Status: "SUCCEEDED", Result: JSON.stringify(report) };
};`;

interface Attempt {
  ok?: boolean;
  token?: string;
  ops?: { Id: string; Status: string; [k: string]: unknown }[];
  error?: string;
  message?: string;
  status?: number;
}
interface Report {
  keys: string[];
  first: Record<string, unknown>;
  count: number;
  next: string;
  token: string;
  start: Attempt;
  startIsDate: boolean;
  stale: Attempt;
  succeed: Attempt;
  replay: Attempt;
  replayOther: Attempt;
  rules: Record<string, Attempt>;
  tokenKept: Attempt;
  batch: Attempt;
  callback: Attempt;
  retry: Attempt;
  wait: Attempt;
  waitStartedAt: number;
  poll: Attempt;
  pages: string[][];
  stateBadToken: string;
  after?: Attempt;
}

let t: TestEmulator;
let report: Report;
let probeArn: string;
beforeAll(async () => {
  t = await startEmulator();
  await deployDurable(t.client, "probe", PROBE);
  const r = await start(t.client, "probe", { mode: "probe" });
  probeArn = r.arn;
  expect(r.functionError).toBeUndefined();
  report = JSON.parse(r.text) as Report;
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await t.dispose();
});

group("the invocation event", () => {
  it("is the envelope, never the raw payload: the EXECUTION operation first, ISO timestamps, a base64 token", () => {
    expect(report.keys).toEqual(["CheckpointToken", "DurableExecutionArn", "InitialExecutionState"]);
    expect(report.count).toBe(1);
    expect(report.next).toBe("");
    expect(report.token).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(report.first).toMatchObject({
      Type: "EXECUTION",
      Status: "STARTED",
      ExecutionDetails: { InputPayload: '{"mode":"probe"}' },
    });
    expect(report.first.StartTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});

group("CheckpointDurableExecution", () => {
  it("rotates the token and answers the changed operations with epoch-second timestamps", () => {
    expect(report.start.ok).toBe(true);
    expect(report.start.token).not.toBe(report.token);
    expect(report.start.ops?.map((o) => [o.Id, o.Status, o.Name])).toEqual([["s1", "STARTED", "one"]]);
    expect(report.startIsDate).toBe(true);
    expect(report.succeed.ops?.[0]).toMatchObject({
      Id: "s1",
      Status: "SUCCEEDED",
      StepDetails: { Attempt: 1, Result: "1" },
    });
  });

  it("refuses a used token with the prefix the SDK classifies as an invocation error", () => {
    expect(report.stale).toMatchObject({ error: "InvalidParameterValueException", status: 400 });
    expect(report.stale.message).toMatch(/^Invalid Checkpoint Token/);
  });

  it("replays the answer of a repeated ClientToken with the token it consumed, and only with it", () => {
    expect(report.replay.ok).toBe(true);
    expect(report.replay.token).toBe(report.succeed.token);
    expect(report.replay.ops).toEqual(report.succeed.ops);
    expect(report.replayOther.ok).toBe(true);
    expect(report.replayOther.token).not.toBe(report.succeed.token);
  });

  it("validates every update rule with InvalidParameterValueException, consuming no token", () => {
    const expectations: Record<string, RegExp> = {
      badAction: /WAIT operations do not accept the action RETRY/,
      succeedWithError: /SUCCEED update cannot carry an Error/,
      failWithPayload: /FAIL update cannot carry a Payload/,
      retryWithoutOptions: /RETRY update requires StepOptions/,
      retryWithBoth: /both an Error and a Payload/,
      restartSucceeded: /START is not allowed for a STEP operation in status SUCCEEDED/,
      parentNotContext: /ParentId s1 is not a CONTEXT/,
      parentMissing: /ParentId nope is not a CONTEXT/,
      twoExecution: /at most one EXECUTION update/,
      executionNotLast: /EXECUTION update must be the last/,
      sameIdTwice: /same operation may appear twice/,
      waitWithoutSeconds: /WAIT START requires WaitOptions.WaitSeconds/,
      typeMismatch: /is a STEP, not a WAIT/,
      cancelNotStarted: /CANCEL is not allowed for a WAIT operation/,
      errorTooLarge: /Error must be smaller than 32768 bytes/,
      contextOutcomeTwice: /same operation may appear twice/,
    };
    for (const [name, message] of Object.entries(expectations)) {
      const attempt = report.rules[name];
      expect(attempt?.error, name).toBe("InvalidParameterValueException");
      expect(attempt?.message, name).toMatch(message);
      expect(attempt?.message, name).not.toMatch(/^Invalid Checkpoint Token/);
    }
    expect(report.tokenKept.ok).toBe(true);
  });

  it("accepts a context with its children in one batch, and fills in callback ids, retry and wait times", () => {
    expect(report.batch.ops?.map((o) => [o.Id, o.Status])).toEqual([
      ["c1", "SUCCEEDED"],
      ["c1-s", "SUCCEEDED"],
    ]);
    expect(report.batch.ops?.[0]).toMatchObject({ ContextDetails: { Result: '"done"', ReplayChildren: true } });
    expect(report.batch.ops?.[1]).toMatchObject({ ParentId: "c1", StepDetails: { Result: '"inner"' } });
    const callback = report.callback.ops?.[0] as { CallbackDetails?: { CallbackId?: string } } | undefined;
    expect(callback?.CallbackDetails?.CallbackId).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(report.retry.ops?.[0]).toMatchObject({
      Id: "r1",
      Status: "PENDING",
      StepDetails: { Attempt: 1, Result: '{"n":1}' },
    });
    const wait = report.wait.ops?.[0] as { WaitDetails?: { ScheduledEndTimestamp?: string } } | undefined;
    const end = new Date(wait?.WaitDetails?.ScheduledEndTimestamp ?? 0).getTime();
    expect(Math.abs(end - (report.waitStartedAt + 1000))).toBeLessThan(500);
  });

  it("applies due timers before answering, so an empty poll sees the wait end and the retry come due", () => {
    const polled = Object.fromEntries((report.poll.ops ?? []).map((o) => [o.Id, o.Status]));
    expect(polled).toEqual({ w9: "SUCCEEDED", r1: "READY" });
  });
});

group("GetDurableExecutionState", () => {
  it("pages the operations in start order, the EXECUTION operation first", () => {
    const ids = report.pages.flat();
    expect(report.pages.every((p) => p.length <= 2)).toBe(true);
    expect(ids.slice(1)).toEqual(["s1", "c1", "c1-s", "cb1", "r1", "w9"]);
    expect(report.first.Id).toBe(ids[0]);
  });

  it("refuses a token that is not the invocation's", () => {
    expect(report.stateBadToken).toMatch(/^InvalidParameterValueException: Invalid Checkpoint Token/);
  });

  it("refuses every token once the execution has closed", async () => {
    const e = await errorOf(() =>
      t.client.send(
        new GetDurableExecutionStateCommand({ DurableExecutionArn: probeArn, CheckpointToken: report.token }),
      ),
    );
    expect(e.message).toMatch(/^Invalid Checkpoint Token/);
    const c = await errorOf(() =>
      t.client.send(
        new CheckpointDurableExecutionCommand({
          DurableExecutionArn: probeArn,
          CheckpointToken: report.token,
          Updates: [],
        }),
      ),
    );
    expect(c.name).toBe("InvalidParameterValueException");
  });
});

group("invocation outcomes", () => {
  it("PENDING with nothing pending fails the execution", async () => {
    const r = await start(t.client, "probe", { mode: "pending-nothing" });
    expect(r.functionError).toBe("Unhandled");
    const e = await describe(t.client, r.arn);
    expect(e.Status).toBe("FAILED");
    expect(e.Error?.ErrorMessage).toBe("Cannot return PENDING status with no pending operations.");
  });

  it("an answer that is no durable output fails the execution", async () => {
    const r = await start(t.client, "probe", { mode: "not-durable" });
    const e = await describe(t.client, r.arn);
    expect(e.Status).toBe("FAILED");
    expect(e.Error?.ErrorMessage).toMatch(/withDurableExecution/);
  });

  it("a stop during an invocation refuses its later checkpoints; the closing event stays last", async () => {
    const r = await start(t.client, "probe", { mode: "stop-self" });
    expect(r.functionError).toBe("Unhandled");
    expect(JSON.parse(r.text)).toMatchObject({ errorMessage: "stopped from inside" });
    const events = await history(t.client, r.arn);
    expect(events.map((e) => e.EventType)).toEqual(["ExecutionStarted", "InvocationCompleted", "ExecutionStopped"]);
    expect(events[1]?.InvocationCompletedDetails?.Error?.Payload?.ErrorType).toBe("DurableExecution.STOPPED");
    expect((await describe(t.client, r.arn)).Status).toBe("STOPPED");
  });
});

// Stable names that exist nowhere: lookups miss.
const EXECUTION =
  "arn:aws:lambda:us-east-1:000000000000:function:probe:$LATEST/durable-execution/order-42/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
const OF_GHOST = "arn:aws:lambda:us-east-1:000000000000:function:ghost:$LATEST/durable-execution/run/abc";
// Standard base64 with '+', '/' and '=' — they travel percent-encoded in the path.
const CALLBACK_ID = "eyJleGVjdXRpb24iOiJ4In0+/w==";
const TOKEN = "dG9rZW4+/w==";

group("executions and callbacks that do not exist", () => {
  it("GetDurableExecution, GetDurableExecutionHistory and StopDurableExecution answer 404", async () => {
    for (const call of [
      () => t.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: EXECUTION })),
      () =>
        t.client.send(
          new GetDurableExecutionHistoryCommand({ DurableExecutionArn: EXECUTION, IncludeExecutionData: true }),
        ),
      () =>
        t.client.send(
          new StopDurableExecutionCommand({ DurableExecutionArn: EXECUTION, Error: { ErrorMessage: "stop" } }),
        ),
    ]) {
      const e = await errorOf(call);
      expect(e.name).toBe("ResourceNotFoundException");
      expect(e.$metadata?.httpStatusCode).toBe(404);
      expect(e.message).toContain(EXECUTION);
    }
    const ghost = await errorOf(() => t.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: OF_GHOST })));
    expect(ghost.name).toBe("ResourceNotFoundException");
    expect(ghost.message).toBe("Function not found: arn:aws:lambda:us-east-1:000000000000:function:ghost");
  });

  it("CheckpointDurableExecution and GetDurableExecutionState reject the token as the SDK expects", async () => {
    for (const call of [
      () =>
        t.client.send(
          new CheckpointDurableExecutionCommand({
            DurableExecutionArn: EXECUTION,
            CheckpointToken: TOKEN,
            Updates: [],
          }),
        ),
      () =>
        t.client.send(new GetDurableExecutionStateCommand({ DurableExecutionArn: EXECUTION, CheckpointToken: TOKEN })),
    ]) {
      const e = await errorOf(call);
      expect(e.name).toBe("InvalidParameterValueException");
      expect(e.$metadata?.httpStatusCode).toBe(400);
      expect(e.message.startsWith("Invalid Checkpoint Token")).toBe(true);
    }
  });

  it("validates ARNs and tokens against the reference before looking anything up", async () => {
    const badArn = await errorOf(() =>
      t.client.send(
        new GetDurableExecutionCommand({ DurableExecutionArn: "arn:aws:lambda:us-east-1:000000000000:function:probe" }),
      ),
    );
    expect(badArn.name).toBe("InvalidParameterValueException");
    expect(badArn.message).toMatch(/durableExecutionArn/);
    const badToken = await errorOf(() =>
      t.client.send(
        new GetDurableExecutionStateCommand({ DurableExecutionArn: EXECUTION, CheckpointToken: "not base64!" }),
      ),
    );
    expect(badToken.message).toMatch(/checkpointToken/);
  });

  it("callbacks that do not exist answer 404 for success, failure and heartbeat", async () => {
    for (const call of [
      () =>
        t.client.send(
          new SendDurableExecutionCallbackSuccessCommand({
            CallbackId: CALLBACK_ID,
            Result: new TextEncoder().encode('"ok"'),
          }),
        ),
      () =>
        t.client.send(
          new SendDurableExecutionCallbackFailureCommand({ CallbackId: CALLBACK_ID, Error: { ErrorMessage: "no" } }),
        ),
      () => t.client.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: CALLBACK_ID })),
    ]) {
      const e = await errorOf(call);
      expect(e.name).toBe("ResourceNotFoundException");
      expect(e.$metadata?.httpStatusCode).toBe(404);
      expect(e.message).toContain(CALLBACK_ID);
    }
  });

  it("ListDurableExecutionsByFunction: 404 for a missing function or version, 400 for a bad status", async () => {
    await t.client.send(
      new CreateFunctionCommand({
        FunctionName: "idle",
        Runtime: "nodejs22.x",
        Handler: "index.handler",
        Role: ROLE,
        Code: { ZipFile: nodeZip("exports.handler = async () => 1;") },
        DurableConfig: { ExecutionTimeout: 3600 },
      }),
    );
    await waitActive(t.client, "idle");
    const empty = await t.client.send(
      new ListDurableExecutionsByFunctionCommand({
        FunctionName: "arn:aws:lambda:us-east-1:000000000000:function:idle",
        Qualifier: "$LATEST",
        Statuses: ["RUNNING"],
        StartedAfter: new Date("2024-01-01T00:00:00Z"),
        MaxItems: 10,
      }),
    );
    expect(empty.DurableExecutions).toEqual([]);
    expect(empty.NextMarker).toBeUndefined();
    const missing = await errorOf(() =>
      t.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: "ghost" })),
    );
    expect(missing.name).toBe("ResourceNotFoundException");
    const version = await errorOf(() =>
      t.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: "idle", Qualifier: "7" })),
    );
    expect(version.name).toBe("ResourceNotFoundException");
    const badStatus = await errorOf(() =>
      t.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: "idle", Statuses: ["DONE" as never] })),
    );
    expect(badStatus.name).toBe("InvalidParameterValueException");
  });
});
