/**
 * Contract: the Invoke and InvokeAsync actions — invocation types, qualifiers and alias routing, limits,
 * throttling, unsupported packages and runtimes — plus the invocation-record extension API.
 */
import {
  CreateAliasCommand,
  CreateFunctionCommand,
  InvokeAsyncCommand,
  InvokeCommand,
  PublishVersionCommand,
  PutFunctionConcurrencyCommand,
  UpdateFunctionCodeCommand,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, settled } from "../support/control-plane";
import { errorOf, ROLE, startEmulator, zipOf, type TestEmulator } from "../support/emulator";
import { deploy, HOST_NODE_RUNTIME, invoke, signedGet } from "./runtime-support";

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator();
  await deploy(t.client, "echo", {
    "index.js": `let calls = 0;
exports.handler = async (event, context) => ({ event, calls: ++calls, arn: context.invokedFunctionArn, version: context.functionVersion });`,
  });
});
afterAll(async () => {
  await t.dispose();
});

const ARN = "arn:aws:lambda:us-east-1:000000000000:function";

describe("Invoke (RequestResponse)", () => {
  it("answers 200 with the function's JSON, the executed version and the log tail", async () => {
    const r = await invoke(t.client, "echo", { hello: "world" });
    expect(r.status).toBe(200);
    expect(r.executedVersion).toBe("$LATEST");
    expect(r.functionError).toBeUndefined();
    expect(r.json).toMatchObject({ event: { hello: "world" }, arn: `${ARN}:echo`, version: "$LATEST" });
    expect(r.log).toContain(`START RequestId: ${r.requestId} Version: $LATEST`);
    expect(r.log).toContain(`END RequestId: ${r.requestId}`);
  });

  it("passes the payload bytes through untouched and an empty payload as {}", async () => {
    const raw = '{ "b": 2,   "a": [1, 2.50] }';
    const out = await t.client.send(new InvokeCommand({ FunctionName: "echo", Payload: Buffer.from(raw) }));
    expect(JSON.parse(Buffer.from(out.Payload ?? []).toString()).event).toEqual({ b: 2, a: [1, 2.5] });
    expect(out.LogResult).toBeUndefined();
    const empty = await t.client.send(new InvokeCommand({ FunctionName: "echo" }));
    expect(JSON.parse(Buffer.from(empty.Payload ?? []).toString()).event).toEqual({});
  });

  it("keeps X-Amz-Log-Result to the last 4 KB", async () => {
    await deploy(t.client, "chatty", {
      "index.js":
        "exports.handler = async () => { for (let i = 0; i < 500; i++) console.log('x'.repeat(50)); return 1; };",
    });
    const out = await t.client.send(new InvokeCommand({ FunctionName: "chatty", LogType: "Tail" }));
    const tail = Buffer.from(out.LogResult ?? "", "base64");
    expect(tail.length).toBe(4096);
    expect(tail.toString()).toMatch(/REPORT RequestId: .*\n$/);
  });

  it("accepts full and partial ARNs", async () => {
    expect((await invoke(t.client, `${ARN}:echo`, { n: 1 })).json).toMatchObject({ event: { n: 1 } });
    expect((await invoke(t.client, "000000000000:function:echo", { n: 2 })).json).toMatchObject({ event: { n: 2 } });
  });

  it("rejects an unknown function with ResourceNotFoundException", async () => {
    const e = await errorOf(() => invoke(t.client, "nope", {}));
    expect(e.name).toBe("ResourceNotFoundException");
    expect(e.message).toBe(`Function not found: ${ARN}:nope`);
  });

  it("rejects a payload that is not JSON", async () => {
    const e = await errorOf(() =>
      t.client.send(new InvokeCommand({ FunctionName: "echo", Payload: Buffer.from("{not json") })),
    );
    expect(e.name).toBe("InvalidRequestContentException");
    expect(e.$metadata?.httpStatusCode).toBe(400);
    expect(e.message).toMatch(/^Could not parse request body into json: /);
  });

  it("rejects a synchronous payload over 6 MB with RequestTooLargeException", async () => {
    const big = Buffer.from(JSON.stringify({ s: "x".repeat(6_291_456) }));
    const e = await errorOf(() => t.client.send(new InvokeCommand({ FunctionName: "echo", Payload: big })));
    expect(e.name).toBe("RequestTooLargeException");
    expect(e.$metadata?.httpStatusCode).toBe(413);
    expect(e.message).toBe("Request must be smaller than 6291456 bytes for the InvokeFunction operation");
  });

  it("answers a response over 6 MB as a function error", async () => {
    await deploy(t.client, "huge", { "index.js": "exports.handler = async () => 'y'.repeat(7 * 1024 * 1024);" });
    const r = await invoke(t.client, "huge", {});
    expect(r.status).toBe(200);
    expect(r.functionError).toBe("Unhandled");
    expect(r.json).toMatchObject({ errorType: "Function.ResponseSizeTooLarge" });
    expect((r.json as { errorMessage: string }).errorMessage).toContain("6291556 bytes");
  });

  it("rejects a ClientContext that is not base64 JSON", async () => {
    const e = await errorOf(() => invoke(t.client, "echo", {}, { ClientContext: "bm90IGpzb24=" }));
    expect(e.name).toBe("InvalidRequestContentException");
  });
});

describe("InvocationType DryRun and Event, InvokeAsync", () => {
  it("DryRun answers 204 without running the function", async () => {
    const before = ((await invoke(t.client, "echo", {})).json as { calls: number }).calls;
    const out = await t.client.send(new InvokeCommand({ FunctionName: "echo", InvocationType: "DryRun" }));
    expect(out.StatusCode).toBe(204);
    expect(((await invoke(t.client, "echo", {})).json as { calls: number }).calls).toBe(before + 1);
    const e = await errorOf(() => t.client.send(new InvokeCommand({ FunctionName: "nope", InvocationType: "DryRun" })));
    expect(e.name).toBe("ResourceNotFoundException");
  });

  it("Event answers 202 at once and runs the function in the background", async () => {
    await deploy(t.client, "slow-event", {
      "index.js": "exports.handler = async (e) => { await new Promise((r) => setTimeout(r, 1000)); return e.tag; };",
    });
    const started = Date.now();
    const out = await t.client.send(
      new InvokeCommand({ FunctionName: "slow-event", InvocationType: "Event", Payload: Buffer.from('{"tag":"bg"}') }),
    );
    expect(out.StatusCode).toBe(202);
    expect(Date.now() - started).toBeLessThan(1000);
    const requestId = out.$metadata.requestId ?? "";
    const record = await eventually(
      () => signedGet(t.emulator.url, `/2026-01-01/invocations/${requestId}`),
      (r) => r.status === 200,
    );
    expect(record.body).toMatchObject({
      RequestId: requestId,
      FunctionName: "slow-event",
      InvocationType: "Event",
      Status: "Success",
      ResponsePayload: '"bg"',
    });
  });

  it("InvokeAsync answers 202 {Status: 202} and runs the function", async () => {
    const out = await t.client.send(
      new InvokeAsyncCommand({ FunctionName: "echo", InvokeArgs: Buffer.from('{"legacy":1}') }),
    );
    expect(out.Status).toBe(202);
    const requestId = out.$metadata.requestId ?? "";
    const record = await eventually(
      () => signedGet(t.emulator.url, `/2026-01-01/invocations/${requestId}`),
      (r) => r.status === 200,
    );
    expect(record.body).toMatchObject({ InvocationType: "Event", RequestPayload: '{"legacy":1}' });
  });
});

describe("qualifiers and aliases", () => {
  const code = (v: string) => ({
    "index.js": `exports.handler = async (e, c) => ({ v: "${v}", arn: c.invokedFunctionArn, fv: c.functionVersion });`,
  });

  beforeAll(async () => {
    await deploy(t.client, "versioned", code("one"));
    await t.client.send(new PublishVersionCommand({ FunctionName: "versioned" }));
    await t.client.send(new UpdateFunctionCodeCommand({ FunctionName: "versioned", ZipFile: zipOf(code("two")) }));
    await settled(t.client, "versioned");
    await t.client.send(new PublishVersionCommand({ FunctionName: "versioned" }));
    await t.client.send(new UpdateFunctionCodeCommand({ FunctionName: "versioned", ZipFile: zipOf(code("latest")) }));
    await settled(t.client, "versioned");
    await t.client.send(new CreateAliasCommand({ FunctionName: "versioned", Name: "live", FunctionVersion: "1" }));
    await t.client.send(
      new CreateAliasCommand({
        FunctionName: "versioned",
        Name: "canary",
        FunctionVersion: "1",
        RoutingConfig: { AdditionalVersionWeights: { "2": 0.5 } },
      }),
    );
  });

  it("runs $LATEST, a version, or an alias's version, reporting X-Amz-Executed-Version", async () => {
    const latest = await invoke(t.client, "versioned", {});
    expect(latest.json).toMatchObject({ v: "latest", fv: "$LATEST" });
    expect(latest.executedVersion).toBe("$LATEST");

    const v2 = await invoke(t.client, "versioned", {}, { Qualifier: "2" });
    expect(v2.json).toEqual({ v: "two", arn: `${ARN}:versioned:2`, fv: "2" });
    expect(v2.executedVersion).toBe("2");
    expect(v2.log).toContain("Version: 2\n");

    const live = await invoke(t.client, "versioned:live", {});
    expect(live.json).toEqual({ v: "one", arn: `${ARN}:versioned:live`, fv: "1" });
    expect(live.executedVersion).toBe("1");
  });

  it("routes an alias with AdditionalVersionWeights to both versions", async () => {
    const seen = new Set<string | undefined>();
    for (let i = 0; i < 40 && seen.size < 2; i++) {
      seen.add((await invoke(t.client, "versioned", {}, { Qualifier: "canary" })).executedVersion);
    }
    expect([...seen].sort()).toEqual(["1", "2"]);
  });

  it("holds the routing weight within tolerance over many invokes", async () => {
    await t.client.send(
      new CreateAliasCommand({
        FunctionName: "versioned",
        Name: "weighted",
        FunctionVersion: "1",
        RoutingConfig: { AdditionalVersionWeights: { "2": 0.2 } },
      }),
    );
    const n = 400;
    let toTwo = 0;
    for (let i = 0; i < n; i++) {
      if ((await invoke(t.client, "versioned", {}, { Qualifier: "weighted" })).executedVersion === "2") toTwo += 1;
    }
    // Binomial(400, 0.2): standard deviation 0.02; ±0.08 is four of them, so a fair router never fails this.
    expect(Math.abs(toTwo / n - 0.2)).toBeLessThan(0.08);
  });

  it("rejects an unknown version or alias", async () => {
    expect((await errorOf(() => invoke(t.client, "versioned", {}, { Qualifier: "9" }))).name).toBe(
      "ResourceNotFoundException",
    );
    expect((await errorOf(() => invoke(t.client, "versioned", {}, { Qualifier: "nope" }))).name).toBe(
      "ResourceNotFoundException",
    );
  });
});

describe("throttling", () => {
  it("answers 429 TooManyRequestsException when reserved concurrency is 0", async () => {
    await deploy(t.client, "throttled", { "index.js": "exports.handler = async () => 1;" });
    await t.client.send(
      new PutFunctionConcurrencyCommand({ FunctionName: "throttled", ReservedConcurrentExecutions: 0 }),
    );
    const e = await errorOf(() => invoke(t.client, "throttled", {}));
    expect(e.name).toBe("TooManyRequestsException");
    expect(e.$metadata?.httpStatusCode).toBe(429);
    expect(e.message).toBe("Rate Exceeded.");
    expect((e as { Reason?: string }).Reason).toBe("ReservedFunctionConcurrentInvocationLimitExceeded");
  });

  it("throttles invocations beyond the reserved concurrency while others run", async () => {
    await deploy(t.client, "one-at-a-time", {
      "index.js": "exports.handler = async () => { await new Promise((r) => setTimeout(r, 500)); return 'done'; };",
    });
    await t.client.send(
      new PutFunctionConcurrencyCommand({ FunctionName: "one-at-a-time", ReservedConcurrentExecutions: 1 }),
    );
    const first = invoke(t.client, "one-at-a-time", {});
    await eventually(
      async () => t.emulator.ctx.runtime.stats().busy,
      (busy) => busy >= 1,
    );
    const e = await errorOf(() => invoke(t.client, "one-at-a-time", {}));
    expect(e.name).toBe("TooManyRequestsException");
    expect((await first).json).toBe("done");
    expect((await invoke(t.client, "one-at-a-time", {})).json).toBe("done");
  });
});

describe("what cannot run here", () => {
  it("refuses container images with InvalidRuntimeException", async () => {
    await t.client.send(
      new CreateFunctionCommand({
        FunctionName: "image-fn",
        Role: ROLE,
        PackageType: "Image",
        Code: { ImageUri: "000000000000.dkr.ecr.us-east-1.amazonaws.com/app:latest" },
      }),
    );
    await settled(t.client, "image-fn");
    const e = await errorOf(() => invoke(t.client, "image-fn", {}));
    expect(e.name).toBe("InvalidRuntimeException");
    expect(e.$metadata?.httpStatusCode).toBe(502);
    expect(e.message).toMatch(/Container images are not supported offline/);
  });

  it("refuses runtimes it cannot run (java) with a clear InvalidRuntimeException", async () => {
    await deploy(
      t.client,
      "java-fn",
      { "Handler.java": "class Handler {}" },
      { Runtime: "java21", Handler: "Handler::handle" },
    );
    const e = await errorOf(() => invoke(t.client, "java-fn", {}));
    expect(e.name).toBe("InvalidRuntimeException");
    expect(e.message).toMatch(/java21 is not supported/);
  });

  it("refuses a function that is still Pending with ResourceConflictException", async () => {
    const slow = await startEmulator({ stateTransitionMs: 60_000 });
    try {
      await slow.client.send(
        new CreateFunctionCommand({
          FunctionName: "pending",
          Role: ROLE,
          Runtime: HOST_NODE_RUNTIME,
          Handler: "index.handler",
          Code: { ZipFile: zipOf({ "index.js": "exports.handler = async () => 1;" }) },
        }),
      );
      const e = await errorOf(() => invoke(slow.client, "pending", {}));
      expect(e.name).toBe("ResourceConflictException");
      expect(e.message).toContain("Pending");
    } finally {
      await slow.dispose();
    }
  });
});

describe("invocation records (emulator extension API)", () => {
  beforeAll(async () => {
    await deploy(t.client, "recorded", {
      "index.js":
        "exports.handler = async (e) => { console.log('n=' + e.n); if (e.fail) throw new Error('no ' + e.n); return e.n * 10; };",
    });
    for (let n = 1; n <= 5; n++) await invoke(t.client, "recorded", { n, fail: n % 2 === 0 });
  });

  it("lists a function's invocations newest first, pages with Marker, filters by Status", async () => {
    const page1 = await signedGet(t.emulator.url, "/2026-01-01/functions/recorded/invocations-log", { MaxItems: "3" });
    expect(page1.status).toBe(200);
    const body1 = page1.body as { Invocations: { RequestId: string; Status: string }[]; NextMarker?: string };
    expect(body1.Invocations).toHaveLength(3);
    expect(body1.NextMarker).toBeTruthy();
    const page2 = await signedGet(t.emulator.url, "/2026-01-01/functions/recorded/invocations-log", {
      MaxItems: "3",
      Marker: body1.NextMarker ?? "",
    });
    const body2 = page2.body as { Invocations: { Status: string }[]; NextMarker?: string };
    expect(body2.Invocations).toHaveLength(2);
    expect(body2.NextMarker).toBeUndefined();
    const statuses = [...body1.Invocations, ...body2.Invocations].map((i) => i.Status);
    expect(statuses).toEqual(["Success", "Error", "Success", "Error", "Success"]);

    const errors = await signedGet(
      t.emulator.url,
      `/2026-01-01/functions/${encodeURIComponent(`${ARN}:recorded`)}/invocations-log`,
      {
        Status: "Error",
      },
    );
    expect((errors.body as { Invocations: unknown[] }).Invocations).toHaveLength(2);
  });

  it("returns one invocation with payloads, timings, memory and log", async () => {
    const r = await invoke(t.client, "recorded", { n: 7 });
    const got = await signedGet(t.emulator.url, `/2026-01-01/invocations/${r.requestId}`);
    expect(got.status).toBe(200);
    const record = got.body as Record<string, unknown>;
    expect(record).toMatchObject({
      RequestId: r.requestId,
      FunctionName: "recorded",
      Version: "$LATEST",
      InvocationType: "RequestResponse",
      Status: "Success",
      RequestPayload: '{"n":7}',
      ResponsePayload: "70",
      RequestPayloadTruncated: false,
      ResponsePayloadTruncated: false,
      MemorySizeMB: 128,
      LogTruncated: false,
    });
    expect(record.MaxMemoryUsedMB).toBeGreaterThan(10);
    expect(record.DurationMs).toBeGreaterThan(0);
    expect(record.BilledDurationMs).toBeGreaterThanOrEqual(1);
    expect(record.Log).toContain("n=7");
    expect(record.Log).toContain(`REPORT RequestId: ${r.requestId}`);

    const failed = await signedGet(t.emulator.url, "/2026-01-01/functions/recorded/invocations-log", {
      Status: "Error",
      MaxItems: "1",
    });
    const id = (failed.body as { Invocations: { RequestId: string }[] }).Invocations[0]?.RequestId ?? "";
    expect((await signedGet(t.emulator.url, `/2026-01-01/invocations/${id}`)).body).toMatchObject({
      Status: "Error",
      ErrorType: "Error",
      ErrorMessage: "no 4",
    });
  });

  it("answers the service's errors: unknown ids and functions, bad parameters, unsigned calls", async () => {
    const missing = await signedGet(t.emulator.url, "/2026-01-01/invocations/00000000-0000-0000-0000-000000000000");
    expect(missing.status).toBe(404);
    expect(missing.errorType).toBe("ResourceNotFoundException");
    const noFn = await signedGet(t.emulator.url, "/2026-01-01/functions/ghost/invocations-log");
    expect(noFn.errorType).toBe("ResourceNotFoundException");
    const bad = await signedGet(t.emulator.url, "/2026-01-01/functions/recorded/invocations-log", { Status: "Meh" });
    expect(bad.status).toBe(400);
    expect(bad.errorType).toBe("InvalidParameterValueException");
    const unsigned = await fetch(`${t.emulator.url}/2026-01-01/functions/recorded/invocations-log`);
    expect(unsigned.status).toBe(403);
    const wrongKey = await signedGet(
      t.emulator.url,
      "/2026-01-01/functions/recorded/invocations-log",
      {},
      {
        accessKeyId: "test",
        secretAccessKey: "wrong",
      },
    );
    expect(wrongKey.errorType).toBe("InvalidSignatureException");
  });
});
