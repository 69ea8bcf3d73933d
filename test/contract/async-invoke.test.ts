/**
 * Contract: asynchronous invocation (Invoke with InvocationType Event) through the persistent queue —
 * 202 only after the event is stored, retries on function errors on the (shortened) AWS schedule with
 * the attempts in the invocation record, maximum event age, throttles retried rather than dropped,
 * OnSuccess/OnFailure destinations to Lambda functions receiving AWS-shaped invocation records,
 * destinations that cannot exist offline recorded as failed deliveries, and events surviving a restart.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DeleteFunctionConcurrencyCommand,
  InvokeCommand,
  PutFunctionConcurrencyCommand,
  PutFunctionEventInvokeConfigCommand,
  type LambdaClient,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QueuedEventSummary } from "../../emulator/runtime/invocations-api";
import type { InvocationDetail } from "../../lib/lambda-model/invocation-records";
import { eventually } from "../support/control-plane";
import { startEmulator, type TestEmulator } from "../support/emulator";
import { deploy, signedGet } from "./runtime-support";

const ARN = "arn:aws:lambda:us-east-1:000000000000:function";
// 600: AWS's 1 and 2 minutes between retries become 100 and 200 ms, a 60 s maximum age 100 ms.
const DIVISOR = 600;

let t: TestEmulator;
let scratch: string;

beforeAll(async () => {
  t = await startEmulator({ asyncDelayDivisor: DIVISOR });
  scratch = mkdtempSync(join(tmpdir(), "async-invoke-"));
  // Records what it receives: its own invocation record (RequestPayload) is what a destination got.
  await deploy(t.client, "recorder", { "index.js": "exports.handler = async (event) => ({ received: true });" });
});

afterAll(async () => {
  await t.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

async function invokeEvent(client: LambdaClient, name: string, event: unknown, qualifier?: string): Promise<string> {
  const out = await client.send(
    new InvokeCommand({
      FunctionName: name,
      InvocationType: "Event",
      Payload: Buffer.from(JSON.stringify(event)),
      ...(qualifier ? { Qualifier: qualifier } : {}),
    }),
  );
  expect(out.StatusCode).toBe(202);
  const requestId = out.$metadata.requestId;
  if (!requestId) throw new Error("no request id");
  return requestId;
}

async function record(url: string, requestId: string): Promise<InvocationDetail | undefined> {
  const r = await signedGet(url, `/2026-01-01/invocations/${requestId}`);
  return r.status === 200 ? (r.body as InvocationDetail) : undefined;
}

/** Polls until the event has ended (its record says State Done). */
async function ended(url: string, requestId: string, timeoutMs = 15_000): Promise<InvocationDetail> {
  const r = await eventually(
    () => record(url, requestId),
    (d) => d?.Async?.State === "Done",
    timeoutMs,
  );
  if (!r) throw new Error("no record");
  return r;
}

async function queue(url: string, name: string): Promise<QueuedEventSummary[]> {
  const r = await signedGet(url, `/2026-01-01/functions/${name}/async-queue`);
  expect(r.status).toBe(200);
  return (r.body as { Events: QueuedEventSummary[] }).Events;
}

/** The destination record a Lambda destination received, read from its own invocation record. */
async function deliveredRecord(detail: InvocationDetail): Promise<Record<string, unknown>> {
  const delivery = detail.Async?.Deliveries?.[0];
  expect(delivery).toMatchObject({ Delivered: true });
  const received = await eventually(
    () => record(t.emulator.url, delivery?.RequestId ?? ""),
    (d) => d?.Status === "Success",
  );
  expect(received?.InvocationType).toBe("Event");
  expect(received?.Async?.Origin).toBe(detail.RequestId);
  return JSON.parse(received?.RequestPayload ?? "{}") as Record<string, unknown>;
}

describe("Event invocations", () => {
  it("answer 202, run, and record one attempt that succeeded", async () => {
    await deploy(t.client, "ok", { "index.js": "exports.handler = async (e) => ({ doubled: e.n * 2 });" });
    const id = await invokeEvent(t.client, "ok", { n: 21 });
    const done = await ended(t.emulator.url, id);
    expect(done).toMatchObject({
      InvocationType: "Event",
      Status: "Success",
      ResponsePayload: '{"doubled":42}',
      Async: { State: "Done", Attempts: 1, Throttles: 0, Condition: "Success", MaximumRetryAttempts: 2 },
    });
    expect(done.Async?.MaximumEventAgeInSeconds).toBe(21_600);
    expect(await queue(t.emulator.url, "ok")).toEqual([]);
  });

  it("retry a function error on the shortened schedule and show every attempt", async () => {
    await deploy(t.client, "fails", {
      "index.js":
        "exports.handler = async () => { console.log('attempt at', Date.now()); throw new Error('always'); };",
    });
    const id = await invokeEvent(t.client, "fails", { x: 1 });
    const done = await ended(t.emulator.url, id);
    expect(done).toMatchObject({
      Status: "Error",
      ErrorType: "Error",
      ErrorMessage: "always",
      Async: { State: "Done", Attempts: 3, Condition: "RetriesExhausted" },
    });
    // Each attempt's log is kept; the gaps follow AWS's 1 and 2 minutes divided by 600.
    const times = [...done.Log.matchAll(/attempt at (\d+)/g)].map((m) => Number(m[1]));
    expect(times).toHaveLength(3);
    expect(done.Log.match(/^START RequestId/gm)).toHaveLength(3);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(60_000 / DIVISOR);
    expect((times[2] ?? 0) - (times[1] ?? 0)).toBeGreaterThanOrEqual(120_000 / DIVISOR);
  });

  it("follow MaximumRetryAttempts from the invoked qualifier's event invoke config", async () => {
    await deploy(t.client, "fails-once", { "index.js": "exports.handler = async () => { throw new Error('no'); };" });
    await t.client.send(
      new PutFunctionEventInvokeConfigCommand({ FunctionName: "fails-once", MaximumRetryAttempts: 0 }),
    );
    const done = await ended(t.emulator.url, await invokeEvent(t.client, "fails-once", {}));
    expect(done.Async).toMatchObject({ Attempts: 1, MaximumRetryAttempts: 0, Condition: "RetriesExhausted" });
  });

  it("retry throttles (reserved concurrency 0) without counting them, and run once capacity returns", async () => {
    await deploy(t.client, "throttled", { "index.js": "exports.handler = async () => 'ran';" });
    await t.client.send(
      new PutFunctionConcurrencyCommand({ FunctionName: "throttled", ReservedConcurrentExecutions: 0 }),
    );
    const id = await invokeEvent(t.client, "throttled", {});
    const waiting = await eventually(
      () => queue(t.emulator.url, "throttled"),
      (events) => (events[0]?.Throttles ?? 0) >= 3,
    );
    expect(waiting[0]).toMatchObject({ RequestId: id, State: "Queued", Attempts: 0 });
    expect(await record(t.emulator.url, id)).toBeUndefined();
    await t.client.send(new DeleteFunctionConcurrencyCommand({ FunctionName: "throttled" }));
    const done = await ended(t.emulator.url, id);
    expect(done).toMatchObject({ Status: "Success", ResponsePayload: '"ran"', Async: { Attempts: 1 } });
    expect(done.Async?.Throttles).toBeGreaterThanOrEqual(3);
  });

  it("end as EventAgeExceeded when they wait longer than MaximumEventAgeInSeconds", async () => {
    await deploy(t.client, "too-old", { "index.js": "exports.handler = async () => 'never';" });
    await t.client.send(
      new PutFunctionConcurrencyCommand({ FunctionName: "too-old", ReservedConcurrentExecutions: 0 }),
    );
    await t.client.send(
      new PutFunctionEventInvokeConfigCommand({
        FunctionName: "too-old",
        MaximumEventAgeInSeconds: 60,
        DestinationConfig: { OnFailure: { Destination: `${ARN}:recorder` } },
      }),
    );
    const id = await invokeEvent(t.client, "too-old", { old: true });
    const done = await ended(t.emulator.url, id);
    expect(done).toMatchObject({
      Status: "Error",
      ErrorType: "EventAgeExceeded",
      Async: { Attempts: 0, Condition: "EventAgeExceeded", MaximumEventAgeInSeconds: 60 },
    });
    expect(done.Async?.Throttles).toBeGreaterThan(0);
    const received = await deliveredRecord(done);
    expect(received).toMatchObject({
      version: "1.0",
      requestContext: {
        requestId: id,
        functionArn: `${ARN}:too-old:$LATEST`,
        condition: "EventAgeExceeded",
        approximateInvokeCount: 0,
      },
      requestPayload: { old: true },
      responseContext: { statusCode: 429, executedVersion: "$LATEST" },
    });
  });
});

describe("destinations", () => {
  it("send OnSuccess an AWS invocation record through an asynchronous invoke of the destination function", async () => {
    await deploy(t.client, "src-ok", { "index.js": "exports.handler = async (e) => ({ echo: e.value });" });
    await t.client.send(
      new PutFunctionEventInvokeConfigCommand({
        FunctionName: "src-ok",
        DestinationConfig: { OnSuccess: { Destination: `${ARN}:recorder` } },
      }),
    );
    const id = await invokeEvent(t.client, "src-ok", { value: "hello" });
    const done = await ended(t.emulator.url, id);
    expect(done.Async?.Deliveries).toEqual([
      { Type: "OnSuccess", Destination: `${ARN}:recorder`, Delivered: true, RequestId: expect.any(String) },
    ]);
    const received = await deliveredRecord(done);
    expect(received).toEqual({
      version: "1.0",
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      requestContext: {
        requestId: id,
        functionArn: `${ARN}:src-ok:$LATEST`,
        condition: "Success",
        approximateInvokeCount: 1,
      },
      requestPayload: { value: "hello" },
      responseContext: { statusCode: 200, executedVersion: "$LATEST" },
      responsePayload: { echo: "hello" },
    });
  });

  it("send OnFailure the record of the last attempt once retries are exhausted", async () => {
    await deploy(t.client, "src-bad", {
      "index.js": "exports.handler = async () => { throw new TypeError('broken input'); };",
    });
    await t.client.send(
      new PutFunctionEventInvokeConfigCommand({
        FunctionName: "src-bad",
        MaximumRetryAttempts: 1,
        DestinationConfig: {
          OnSuccess: { Destination: `${ARN}:recorder` },
          OnFailure: { Destination: `${ARN}:recorder` },
        },
      }),
    );
    const id = await invokeEvent(t.client, "src-bad", { item: 7 });
    const done = await ended(t.emulator.url, id);
    expect(done.Async).toMatchObject({ Attempts: 2, Condition: "RetriesExhausted" });
    expect(done.Async?.Deliveries?.map((d) => d.Type)).toEqual(["OnFailure"]);
    const received = await deliveredRecord(done);
    expect(received).toMatchObject({
      version: "1.0",
      requestContext: {
        requestId: id,
        functionArn: `${ARN}:src-bad:$LATEST`,
        condition: "RetriesExhausted",
        approximateInvokeCount: 2,
      },
      requestPayload: { item: 7 },
      responseContext: { statusCode: 200, executedVersion: "$LATEST", functionError: "Unhandled" },
      responsePayload: { errorType: "TypeError", errorMessage: "broken input" },
    });
  });

  it("record SQS, SNS, EventBridge and S3 destinations and the dead-letter queue as failed, with the reason", async () => {
    await deploy(
      t.client,
      "src-offline",
      { "index.js": "exports.handler = async (e) => { if (e.fail) throw new Error('asked to'); return 'fine'; };" },
      { DeadLetterConfig: { TargetArn: "arn:aws:sns:us-east-1:000000000000:dead-letters" } },
    );
    await t.client.send(
      new PutFunctionEventInvokeConfigCommand({
        FunctionName: "src-offline",
        MaximumRetryAttempts: 0,
        DestinationConfig: {
          OnSuccess: { Destination: "arn:aws:sqs:us-east-1:000000000000:results" },
          OnFailure: { Destination: "arn:aws:s3:::failed-events" },
        },
      }),
    );
    const ok = await ended(t.emulator.url, await invokeEvent(t.client, "src-offline", {}));
    expect(ok.Async?.Deliveries).toEqual([
      {
        Type: "OnSuccess",
        Destination: "arn:aws:sqs:us-east-1:000000000000:results",
        Delivered: false,
        Reason: expect.stringMatching(/Amazon SQS is not available in the emulator \(it runs offline\)/),
      },
    ]);
    expect(ok.Log).toMatch(/ASYNC_DELIVERY OnSuccess arn:aws:sqs:us-east-1:000000000000:results FAILED: Amazon SQS/);

    const bad = await ended(t.emulator.url, await invokeEvent(t.client, "src-offline", { fail: true }));
    expect(bad.Async?.Deliveries).toEqual([
      {
        Type: "OnFailure",
        Destination: "arn:aws:s3:::failed-events",
        Delivered: false,
        Reason: expect.stringMatching(/Amazon S3 is not available/),
      },
      {
        Type: "DeadLetter",
        Destination: "arn:aws:sns:us-east-1:000000000000:dead-letters",
        Delivered: false,
        Reason: expect.stringMatching(/Amazon SNS is not available .* dead-letter queue/),
      },
    ]);
    expect(bad.Log).toMatch(/ASYNC_DELIVERY DeadLetter arn:aws:sns:us-east-1:000000000000:dead-letters FAILED/);

    await t.client.send(
      new PutFunctionEventInvokeConfigCommand({
        FunctionName: "src-offline",
        DestinationConfig: { OnSuccess: { Destination: "arn:aws:events:us-east-1:000000000000:event-bus/default" } },
      }),
    );
    const bus = await ended(t.emulator.url, await invokeEvent(t.client, "src-offline", {}));
    expect(bus.Async?.Deliveries?.[0]).toMatchObject({
      Delivered: false,
      Reason: expect.stringMatching(/EventBridge/),
    });
  });
});

describe("across a restart", () => {
  let r: TestEmulator;
  let marker: string;
  beforeAll(async () => {
    // A long retry delay, so the event is certainly still queued when the emulator stops.
    r = await startEmulator({ asyncRetryDelaysMs: [1_500] });
    marker = join(scratch, "marker");
  });
  afterAll(async () => {
    await r.dispose();
  });

  it("keeps an event waiting for its retry and runs it after the restart", async () => {
    const file = join(scratch, "first-fails");
    await deploy(
      r.client,
      "flaky",
      {
        "index.js": `const fs = require("fs");
exports.handler = async (e) => {
  if (!fs.existsSync(process.env.MARKER)) { fs.writeFileSync(process.env.MARKER, "1"); throw new Error("first attempt"); }
  return { second: e.n };
};`,
      },
      { Environment: { Variables: { MARKER: file } } },
    );
    const id = await invokeEvent(r.client, "flaky", { n: 5 });
    const retrying = await eventually(
      () => record(r.emulator.url, id),
      (d) => d?.Async?.State === "Retrying",
    );
    expect(retrying).toMatchObject({ Status: "Error", ErrorMessage: "first attempt", Async: { Attempts: 1 } });
    expect(retrying?.Async?.NextAttemptTime).toBeDefined();
    expect((await queue(r.emulator.url, "flaky"))[0]).toMatchObject({ RequestId: id, State: "Retrying", Attempts: 1 });

    r = await r.restart();
    const done = await ended(r.emulator.url, id);
    expect(done).toMatchObject({ Status: "Success", ResponsePayload: '{"second":5}', Async: { Attempts: 2 } });
  });

  it("runs an event again when the emulator stopped while it was running", async () => {
    await deploy(
      r.client,
      "interrupted",
      {
        "index.js": `const fs = require("fs");
exports.handler = async () => {
  fs.appendFileSync(process.env.MARKER, "start\\n");
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return "finished";
};`,
      },
      { Environment: { Variables: { MARKER: marker } }, Timeout: 10 },
    );
    const id = await invokeEvent(r.client, "interrupted", {});
    await eventually(
      async () => {
        try {
          return readFileSync(marker, "utf8");
        } catch {
          return "";
        }
      },
      (text) => text.includes("start"),
    );
    expect(r.emulator.ctx.runtime.stats().async).toEqual({ queued: 1, inflight: 1 });
    r = await r.restart();
    const done = await ended(r.emulator.url, id);
    // The cut-short run is not an attempt; the event ran to its end after the restart.
    expect(done).toMatchObject({ Status: "Success", ResponsePayload: '"finished"', Async: { Attempts: 1 } });
    expect(readFileSync(marker, "utf8").match(/start/g)).toHaveLength(2);
  });
});
