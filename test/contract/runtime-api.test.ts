/**
 * Contract: the Runtime API wire protocol as a runtime client speaks it (raw HTTP against one
 * environment's RuntimeApiServer), and RuntimeManager.invokeStream delivering a streaming handler's
 * chunks while it still runs — the building block for InvokeWithResponseStream.
 */
import { request } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ChunkStream } from "../../emulator/runtime/chunk-stream";
import { RuntimeApiServer, type RuntimeOutcome } from "../../emulator/runtime/runtime-api";
import { startEmulator, type TestEmulator } from "../support/emulator";
import { deploy } from "./runtime-support";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(
  port: number,
  method: string,
  path: string,
  options: {
    body?: string;
    headers?: Record<string, string>;
    chunks?: string[];
    trailers?: Record<string, string>;
  } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, method, path: `/2018-06-01/runtime/${path}`, headers: options.headers },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString() }),
        );
      },
    );
    req.on("error", reject);
    for (const chunk of options.chunks ?? []) req.write(chunk);
    if (options.trailers) req.addTrailers(options.trailers);
    req.end(options.body);
  });
}

describe("RuntimeApiServer", () => {
  let server: RuntimeApiServer;
  let port: number;
  const outcomes: { id: string; outcome: RuntimeOutcome }[] = [];
  const initErrors: { type: string | undefined; body: string }[] = [];
  let nexts = 0;

  beforeAll(async () => {
    server = new RuntimeApiServer({
      onNext: () => nexts++,
      onOutcome: (id, outcome) => outcomes.push({ id, outcome }),
      onInitError: (type, body) => initErrors.push({ type, body: body.toString() }),
    });
    port = Number((await server.listen()).split(":")[1]);
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(() => {
    outcomes.length = 0;
  });

  async function nextEvent(id: string, payload = '{"k":1}') {
    const pending = call(port, "GET", "invocation/next");
    const before = nexts;
    while (!server.waiting || nexts === before) await new Promise((r) => setImmediate(r));
    server.dispatch({
      requestId: id,
      payload: Buffer.from(payload),
      deadlineMs: 1_900_000_000_000,
      invokedFunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:f:live",
      traceId: "Root=1-00000000-000000000000000000000000;Sampled=0",
      clientContext: '{"custom":{"a":1}}',
      cognitoIdentity: '{"cognitoIdentityId":"id-1"}',
      tenantId: "tenant-7",
    });
    return pending;
  }

  it("long-polls /next and answers with the event and every Lambda-Runtime-* header", async () => {
    const next = await nextEvent("req-1");
    expect(next.status).toBe(200);
    expect(next.body).toBe('{"k":1}');
    expect(next.headers).toMatchObject({
      "content-type": "application/json",
      "lambda-runtime-aws-request-id": "req-1",
      "lambda-runtime-deadline-ms": "1900000000000",
      "lambda-runtime-invoked-function-arn": "arn:aws:lambda:us-east-1:000000000000:function:f:live",
      "lambda-runtime-trace-id": "Root=1-00000000-000000000000000000000000;Sampled=0",
      "lambda-runtime-client-context": '{"custom":{"a":1}}',
      "lambda-runtime-cognito-identity": '{"cognitoIdentityId":"id-1"}',
      "lambda-runtime-aws-tenant-id": "tenant-7",
    });
    const posted = await call(port, "POST", "invocation/req-1/response", { body: '"result"' });
    expect(posted.status).toBe(202);
    expect(outcomes).toEqual([{ id: "req-1", outcome: { kind: "response", payload: Buffer.from('"result"') } }]);
  });

  it("decodes percent-encoded request ids and rejects answers for other ids", async () => {
    const id = "a/b c+d";
    await nextEvent(id);
    const wrong = await call(port, "POST", "invocation/other/response", { body: "1" });
    expect(wrong.status).toBe(400);
    expect(JSON.parse(wrong.body)).toMatchObject({ errorType: "InvalidRequestID" });
    const posted = await call(port, "POST", `invocation/${encodeURIComponent(id)}/error`, {
      body: '{"errorType":"Oops","errorMessage":"m"}',
      headers: { "Lambda-Runtime-Function-Error-Type": "Oops" },
    });
    expect(posted.status).toBe(202);
    expect(outcomes[0]).toMatchObject({ id, outcome: { kind: "error", errorType: "Oops" } });
    // Answered once: a second answer for the same id is refused.
    expect((await call(port, "POST", `invocation/${encodeURIComponent(id)}/response`, { body: "1" })).status).toBe(400);
  });

  it("streams a chunked response and reports error trailers", async () => {
    await nextEvent("stream-1");
    const errorBody = Buffer.from(JSON.stringify({ errorType: "TypeError", errorMessage: "mid-stream" })).toString(
      "base64",
    );
    const posting = call(port, "POST", "invocation/stream-1/response", {
      headers: {
        "Lambda-Runtime-Function-Response-Mode": "streaming",
        "Content-Type": "text/event-stream",
        "Transfer-Encoding": "chunked",
        Trailer: "Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body",
      },
      chunks: ["one,", "two,"],
      trailers: { "Lambda-Runtime-Function-Error-Type": "TypeError", "Lambda-Runtime-Function-Error-Body": errorBody },
    });
    while (outcomes.length === 0) await new Promise((r) => setImmediate(r));
    const outcome = outcomes[0]?.outcome;
    if (outcome?.kind !== "stream") throw new Error(`expected a stream, got ${outcome?.kind}`);
    const stream: ChunkStream = outcome.stream;
    expect(stream.contentType).toBe("text/event-stream");
    const { body, end } = await stream.collect();
    expect(body.toString()).toBe("one,two,");
    expect(end.errorType).toBe("TypeError");
    expect(JSON.parse(end.errorBody?.toString() ?? "")).toEqual({ errorType: "TypeError", errorMessage: "mid-stream" });
    expect((await posting).status).toBe(202);
  });

  it("refuses a buffered response over 6 MB with 413", async () => {
    await nextEvent("big-1");
    const posted = await call(port, "POST", "invocation/big-1/response", { body: "x".repeat(6_291_557) });
    expect(posted.status).toBe(413);
    expect(outcomes[0]).toEqual({ id: "big-1", outcome: { kind: "too-large", bytes: 6_291_557 } });
  });

  it("takes /init/error with its error type", async () => {
    const posted = await call(port, "POST", "init/error", {
      body: '{"errorType":"Runtime.ImportModuleError","errorMessage":"x"}',
      headers: { "Lambda-Runtime-Function-Error-Type": "Runtime.ImportModuleError" },
    });
    expect(posted.status).toBe(202);
    expect(initErrors).toEqual([
      { type: "Runtime.ImportModuleError", body: '{"errorType":"Runtime.ImportModuleError","errorMessage":"x"}' },
    ]);
  });

  it("answers unknown paths with 404", async () => {
    expect((await call(port, "GET", "nope")).status).toBe(404);
  });
});

describe("RuntimeManager.invokeStream", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startEmulator();
  });
  afterAll(async () => {
    await t.dispose();
  });

  it("delivers a streaming handler's chunks while it runs, then the result with its log", async () => {
    await deploy(t.client, "streaming", {
      "index.mjs": `export const handler = awslambda.streamifyResponse(async (event, stream) => {
  stream.setContentType("text/plain");
  stream.write("first;");
  await new Promise((r) => setTimeout(r, 400));
  console.log("between chunks");
  stream.write("second;");
  stream.end();
});`,
    });
    const record = t.emulator.ctx.functions.get("streaming");
    if (!record) throw new Error("function not stored");
    const started = Date.now();
    const invocation = await t.emulator.ctx.runtime.invokeStream({
      config: record.config,
      codeHash: record.codeHash,
      invokedArn: record.config.FunctionArn ?? "",
      payload: Buffer.from("{}"),
      requestId: "stream-req-1",
    });
    expect(invocation.contentType).toBe("text/plain");
    const arrivals: { chunk: string; at: number }[] = [];
    for await (const chunk of invocation.chunks) arrivals.push({ chunk: chunk.toString(), at: Date.now() - started });
    expect(arrivals.map((a) => a.chunk).join("")).toBe("first;second;");
    const first = arrivals.find((a) => a.chunk.includes("first"));
    const second = arrivals.find((a) => a.chunk.includes("second"));
    // The first chunk arrived well before the handler finished.
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(300);
    const result = await invocation.result;
    expect(result.status).toBe("success");
    expect(result.logs).toContain("between chunks");
    expect(result.logs).toContain("END RequestId: stream-req-1");
  });

  it("reports an error thrown mid-stream with the error body the runtime sent in its trailers", async () => {
    await deploy(t.client, "stream-error", {
      "index.mjs": `export const handler = awslambda.streamifyResponse(async (event, stream) => {
  stream.write("before;");
  throw new RangeError("mid-stream failure");
});`,
    });
    const record = t.emulator.ctx.functions.get("stream-error");
    if (!record) throw new Error("function not stored");
    const invocation = await t.emulator.ctx.runtime.invokeStream({
      config: record.config,
      codeHash: record.codeHash,
      invokedArn: record.config.FunctionArn ?? "",
      payload: Buffer.from("{}"),
      requestId: "stream-req-4",
    });
    const chunks: string[] = [];
    for await (const chunk of invocation.chunks) chunks.push(chunk.toString());
    expect(chunks.join("")).toBe("before;");
    const result = await invocation.result;
    expect(result).toMatchObject({ status: "error", functionError: "Unhandled", errorType: "RangeError" });
    expect(JSON.parse(result.payload.toString())).toMatchObject({
      errorType: "RangeError",
      errorMessage: "mid-stream failure",
    });
    expect(result.logs).toContain("Invoke Error");
  });

  it("ends the stream when the function times out mid-stream", async () => {
    await deploy(
      t.client,
      "stream-timeout",
      {
        "index.mjs": `export const handler = awslambda.streamifyResponse(async (event, stream) => {
  stream.write("partial;");
  await new Promise(() => setInterval(() => {}, 1000));
});`,
      },
      { Timeout: 1 },
    );
    const record = t.emulator.ctx.functions.get("stream-timeout");
    if (!record) throw new Error("function not stored");
    const invocation = await t.emulator.ctx.runtime.invokeStream({
      config: record.config,
      codeHash: record.codeHash,
      invokedArn: record.config.FunctionArn ?? "",
      payload: Buffer.from("{}"),
      requestId: "stream-req-3",
    });
    const chunks: string[] = [];
    for await (const chunk of invocation.chunks) chunks.push(chunk.toString());
    expect(chunks.join("")).toBe("partial;");
    const result = await invocation.result;
    expect(result.status).toBe("timeout");
    expect(result.errorType).toBe("Sandbox.Timedout");
    expect(JSON.parse(result.payload.toString())).toMatchObject({ errorType: "Sandbox.Timedout" });
  });

  it("answers a buffered function in one chunk with application/json", async () => {
    await deploy(t.client, "plain", { "index.js": "exports.handler = async () => ({ plain: true });" });
    const record = t.emulator.ctx.functions.get("plain");
    if (!record) throw new Error("function not stored");
    const invocation = await t.emulator.ctx.runtime.invokeStream({
      config: record.config,
      codeHash: record.codeHash,
      invokedArn: record.config.FunctionArn ?? "",
      payload: Buffer.from("{}"),
      requestId: "stream-req-2",
    });
    expect(invocation.contentType).toBe("application/json");
    const chunks: string[] = [];
    for await (const chunk of invocation.chunks) chunks.push(chunk.toString());
    expect(chunks).toEqual(['{"plain":true}']);
  });
});
