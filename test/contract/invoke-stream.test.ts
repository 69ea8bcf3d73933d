/**
 * Contract: InvokeWithResponseStream through the real SDK's event-stream reader — chunks leave as the
 * handler writes them, in order; HttpResponseStream preludes pass through; errors and timeouts mid-stream
 * close with InvokeComplete.ErrorCode; non-streaming handlers answer in one chunk; LogResult, DryRun,
 * qualifiers, ClientContext, the 6 MB request limit, invocation records and client disconnects.
 */
import {
  CreateAliasCommand,
  InvokeWithResponseStreamCommand,
  PublishVersionCommand,
  type InvokeWithResponseStreamCommandInput,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../support/control-plane";
import { errorOf, startEmulator, type TestEmulator } from "../support/emulator";
import { deploy, signedGet } from "./runtime-support";
import { readEventStream, startGate, type Gate } from "./stream-support";

let t: TestEmulator;
let gate: Gate;

// Writes `parts` chunks; before each chunk after the first it waits at the gate `<tag>-<i>` (when the
// event names a gate) or sleeps `pauseMs`.
const TICKER = `
const wait = (ms) => new Promise((r) => setTimeout(r, ms));
exports.handler = awslambda.streamifyResponse(async (event, stream) => {
  stream.setContentType("text/plain");
  for (let i = 0; i < event.parts; i++) {
    if (i > 0) {
      if (event.gate) await fetch(event.gate + "/" + event.tag + "-" + i);
      else await wait(event.pauseMs);
    }
    stream.write("part-" + i + ";");
  }
  if (event.fail) throw new TypeError("broke after " + event.parts + " parts");
  if (event.hang) await wait(60000);
  console.log("ticker done");
  stream.end();
});`;

async function stream(input: Omit<InvokeWithResponseStreamCommandInput, "Payload"> & { event?: unknown }) {
  const { event, ...rest } = input;
  return t.client.send(
    new InvokeWithResponseStreamCommand({
      ...rest,
      ...(event !== undefined ? { Payload: Buffer.from(JSON.stringify(event)) } : {}),
    }),
  );
}

beforeAll(async () => {
  t = await startEmulator();
  gate = await startGate();
  await deploy(t.client, "ticker", { "index.js": TICKER }, { Timeout: 10 });
  await deploy(t.client, "ticker-short", { "index.js": TICKER }, { Timeout: 1 });
  await deploy(t.client, "http-stream", {
    "index.js": `exports.handler = awslambda.streamifyResponse(async (event, stream) => {
  stream = awslambda.HttpResponseStream.from(stream, { statusCode: 201, headers: { "x-kind": "http" }, cookies: ["k=v"] });
  stream.write("body-1;");
  stream.end("body-2");
});`,
  });
  await deploy(t.client, "buffered", {
    "index.js": `exports.handler = async (event, context) => {
  if (event.fail) throw new RangeError("buffered failure");
  console.log("buffered log line");
  return { echo: event, custom: context.clientContext && context.clientContext.custom, version: context.functionVersion };
};`,
  });
});

afterAll(async () => {
  await gate?.close();
  await t?.dispose();
});

describe("InvokeWithResponseStream: streaming handlers", () => {
  it("delivers each chunk before the handler writes the next one (gated, no timing assumption)", async () => {
    const out = await stream({ FunctionName: "ticker", event: { parts: 3, gate: gate.url, tag: "g1" } });
    expect(out.StatusCode).toBe(200);
    expect(out.ExecutedVersion).toBe("$LATEST");
    expect(out.ResponseStreamContentType).toBe("application/vnd.amazon.eventstream");
    // The handler blocks at gate g1-<i> until the test saw chunk i-1: a buffered answer would never
    // arrive (the function would time out instead), so this passes only if chunks are streamed.
    const read = await readEventStream(out.EventStream, (_text, i) => gate.open(`g1-${i + 1}`));
    expect(read.chunks.map((c) => c.value.toString())).toEqual(["part-0;", "part-1;", "part-2;"]);
    expect(read.complete).toEqual({});
    expect(read.afterComplete).toBe(0);
  });

  it("chunk arrival times show the handler's pauses (first chunk long before the last)", async () => {
    const pauseMs = 400;
    const out = await stream({ FunctionName: "ticker", event: { parts: 4, pauseMs } });
    const read = await readEventStream(out.EventStream);
    expect(read.chunks.map((c) => c.value.toString())).toEqual(["part-0;", "part-1;", "part-2;", "part-3;"]);
    const gaps = read.chunks.slice(1).map((c, i) => c.at - (read.chunks[i]?.at ?? 0));
    // Each gap is at least most of a pause (a buffering server would deliver all four together).
    for (const gap of gaps) expect(gap).toBeGreaterThan(pauseMs * 0.6);
    const first = read.chunks[0]?.at ?? 0;
    const last = read.chunks[3]?.at ?? 0;
    expect(last - first).toBeGreaterThan(pauseMs * 3 * 0.8);
  });

  it("passes an HttpResponseStream prelude (JSON + 8 NUL bytes) through as payload bytes", async () => {
    const out = await stream({ FunctionName: "http-stream" });
    const read = await readEventStream(out.EventStream);
    const bytes = Buffer.concat(read.chunks.map((c) => c.value));
    const nul = bytes.indexOf(Buffer.alloc(8));
    expect(nul).toBeGreaterThan(0);
    expect(JSON.parse(bytes.subarray(0, nul).toString())).toEqual({
      statusCode: 201,
      headers: { "x-kind": "http" },
      cookies: ["k=v"],
    });
    expect(bytes.subarray(nul + 8).toString()).toBe("body-1;body-2");
    expect(read.complete).toEqual({});
  });

  it("reports an error thrown mid-stream in InvokeComplete (ErrorCode = error type, ErrorDetails = message)", async () => {
    const out = await stream({ FunctionName: "ticker", event: { parts: 2, pauseMs: 10, fail: true } });
    expect(out.StatusCode).toBe(200);
    const read = await readEventStream(out.EventStream);
    expect(read.chunks.map((c) => c.value.toString()).join("")).toBe("part-0;part-1;");
    expect(read.complete).toMatchObject({ ErrorCode: "TypeError", ErrorDetails: "broke after 2 parts" });
  });

  it("ends a stream cut by the timeout with Sandbox.Timedout", async () => {
    const out = await stream({ FunctionName: "ticker-short", event: { parts: 1, hang: true }, LogType: "Tail" });
    const read = await readEventStream(out.EventStream);
    expect(read.chunks.map((c) => c.value.toString()).join("")).toBe("part-0;");
    expect(read.complete?.ErrorCode).toBe("Sandbox.Timedout");
    expect(read.complete?.ErrorDetails).toMatch(/Task timed out after 1\.00 seconds/);
    expect(Buffer.from(read.complete?.LogResult ?? "", "base64").toString()).toContain("Status: timeout");
  });

  it("returns the last 4 KB of the log as LogResult only with LogType Tail", async () => {
    const tail = await stream({ FunctionName: "ticker", event: { parts: 1 }, LogType: "Tail" });
    const withLog = await readEventStream(tail.EventStream);
    const log = Buffer.from(withLog.complete?.LogResult ?? "", "base64").toString();
    expect(log).toContain("ticker done");
    expect(log).toMatch(/START RequestId: [\w-]+ Version: \$LATEST/);
    expect(log).toMatch(/REPORT RequestId: /);
    const none = await readEventStream((await stream({ FunctionName: "ticker", event: { parts: 1 } })).EventStream);
    expect(none.complete).toEqual({});
  });
});

describe("InvokeWithResponseStream: non-streaming handlers and request handling", () => {
  it("answers a non-streaming handler with its whole response as one PayloadChunk", async () => {
    const out = await stream({ FunctionName: "buffered", event: { a: 1 } });
    const read = await readEventStream(out.EventStream);
    expect(read.chunks).toHaveLength(1);
    expect(JSON.parse(read.chunks[0]?.value.toString() ?? "")).toMatchObject({ echo: { a: 1 } });
    expect(read.complete).toEqual({});
  });

  it("reports a non-streaming handler's error with its error object and InvokeComplete.ErrorCode", async () => {
    const read = await readEventStream((await stream({ FunctionName: "buffered", event: { fail: 1 } })).EventStream);
    expect(JSON.parse(read.chunks[0]?.value.toString() ?? "")).toMatchObject({
      errorType: "RangeError",
      errorMessage: "buffered failure",
    });
    expect(read.complete).toMatchObject({ ErrorCode: "RangeError", ErrorDetails: "buffered failure" });
  });

  it("DryRun answers 204 without running the function", async () => {
    const out = await stream({ FunctionName: "buffered", InvocationType: "DryRun", event: {} });
    expect(out.StatusCode).toBe(204);
    const read = await readEventStream(out.EventStream);
    expect(read.chunks).toHaveLength(0);
    expect(read.complete).toBeUndefined();
  });

  it("refuses a payload over 6 MB with RequestTooLargeException (413)", async () => {
    const big = { blob: "x".repeat(6 * 1024 * 1024) };
    const e = await errorOf(() => stream({ FunctionName: "buffered", event: big }));
    expect(e.name).toBe("RequestTooLargeException");
    expect(e.$metadata?.httpStatusCode).toBe(413);
  });

  it("answers unknown functions and bad payloads with the ordinary errors", async () => {
    const missing = await errorOf(() => stream({ FunctionName: "nope", event: {} }));
    expect(missing.name).toBe("ResourceNotFoundException");
    const bad = await errorOf(() =>
      t.client.send(new InvokeWithResponseStreamCommand({ FunctionName: "buffered", Payload: Buffer.from("{nope") })),
    );
    expect(bad.name).toBe("InvalidRequestContentException");
  });

  it("runs the version an alias names and passes ClientContext to the function", async () => {
    const v = await t.client.send(new PublishVersionCommand({ FunctionName: "buffered" }));
    await t.client.send(new CreateAliasCommand({ FunctionName: "buffered", Name: "live", FunctionVersion: v.Version }));
    const clientContext = Buffer.from(JSON.stringify({ custom: { who: "tester" } })).toString("base64");
    const out = await stream({ FunctionName: "buffered", Qualifier: "live", ClientContext: clientContext, event: {} });
    expect(out.ExecutedVersion).toBe(v.Version);
    const read = await readEventStream(out.EventStream);
    expect(JSON.parse(read.chunks[0]?.value.toString() ?? "")).toMatchObject({
      custom: { who: "tester" },
      version: v.Version,
    });
  });

  it("records the invocation under the response's request id", async () => {
    const out = await stream({ FunctionName: "ticker", event: { parts: 2, pauseMs: 1 } });
    await readEventStream(out.EventStream);
    const requestId = out.$metadata.requestId ?? "";
    const record = await eventually(
      () => signedGet(t.emulator.url, `/2026-01-01/invocations/${requestId}`),
      (r) => r.status === 200,
    );
    expect(record.body).toMatchObject({
      RequestId: requestId,
      FunctionName: "ticker",
      InvocationType: "RequestResponse",
      Status: "Success",
    });
  });

  it("survives a client that disconnects mid-stream; the function still runs to its end", async () => {
    const abort = new AbortController();
    const out = await t.client.send(
      new InvokeWithResponseStreamCommand({
        FunctionName: "ticker",
        Payload: Buffer.from(JSON.stringify({ parts: 3, gate: gate.url, tag: "gone" })),
      }),
      { abortSignal: abort.signal },
    );
    const requestId = out.$metadata.requestId ?? "";
    const reading = readEventStream(out.EventStream, () => abort.abort()).catch((e: unknown) => e);
    await gate.reached("gone-1");
    await reading;
    gate.open("gone-1");
    gate.open("gone-2");
    const record = await eventually(
      () => signedGet(t.emulator.url, `/2026-01-01/invocations/${requestId}`),
      (r) => r.status === 200,
    );
    expect(record.body).toMatchObject({ Status: "Success" });
    // The emulator is fine and the next stream works.
    const next = await readEventStream(
      (await stream({ FunctionName: "ticker", event: { parts: 2, pauseMs: 1 } })).EventStream,
    );
    expect(next.chunks.map((c) => c.value.toString()).join("")).toBe("part-0;part-1;");
  });
});
