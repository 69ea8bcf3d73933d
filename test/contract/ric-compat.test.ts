/**
 * Compatibility: functions run by the official aws-lambda-ric 4.0.2 (native client, libcurl) against our
 * Runtime API — buffered answers and context, errors, streaming (chunks as written, HttpResponseStream
 * preludes, error trailers) — seen through Invoke and InvokeWithResponseStream with the real SDK.
 * The function is a provided.al2023 `bootstrap` that execs ric's index.mjs, as a custom image would.
 *
 * Needs cmake, make and g++ plus the npm registry the first time (~40 s build, cached after that; see
 * ric-support.ts). Skipped, with the reason printed, when the build is unavailable, or when
 * LAMBDA_CONSOLE_SKIP_RIC=1.
 */
import { InvokeCommand, InvokeWithResponseStreamCommand } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { startEmulator, type TestEmulator } from "../support/emulator";
import { deploy } from "./runtime-support";
import { ensureRic, RIC_VERSION, type RicInstall } from "./ric-support";
import { readEventStream, startGate, type Gate } from "./stream-support";

let t: TestEmulator | undefined;
let gate: Gate | undefined;
let ric: RicInstall = { ok: false, reason: "not checked" };

const HANDLERS = `
let invocations = 0;
export const handler = async (event, context) => {
  if (event.fail) throw new TypeError("ric says no");
  console.log("buffered invocation", ++invocations);
  return {
    echo: event,
    invocations,
    functionName: context.functionName,
    invokedArn: context.invokedFunctionArn,
    requestId: context.awsRequestId,
    remainingMs: context.getRemainingTimeInMillis(),
    custom: context.clientContext?.Custom ?? context.clientContext?.custom ?? null,
  };
};
export const streaming = awslambda.streamifyResponse(async (event, stream) => {
  if (event.http) {
    stream = awslambda.HttpResponseStream.from(stream, { statusCode: 201, headers: { "x-ric": "yes" } });
  } else {
    stream.setContentType("text/plain");
  }
  for (let i = 0; i < 3; i++) {
    if (i > 0 && event.gate) await fetch(event.gate + "/" + event.tag + "-" + i);
    stream.write("ric-" + i + ";");
  }
  if (event.fail) throw new TypeError("failed mid-stream");
  stream.end();
});
`;

function bootstrap(entry: string): string {
  return `#!/bin/sh\nexec "${process.execPath}" "${entry}"\n`;
}

beforeAll(async () => {
  if (process.env.LAMBDA_CONSOLE_SKIP_RIC === "1") {
    ric = { ok: false, reason: "LAMBDA_CONSOLE_SKIP_RIC=1" };
  } else {
    ric = await ensureRic();
  }
  if (!ric.ok) {
    console.warn(`[ric-compat] skipped: aws-lambda-ric@${RIC_VERSION} unavailable — ${ric.reason}`);
    return;
  }
  if (ric.installedNow) console.warn(`[ric-compat] built aws-lambda-ric@${RIC_VERSION} into the cache`);
  t = await startEmulator();
  gate = await startGate();
  const files = { bootstrap: bootstrap(ric.entry), "index.mjs": HANDLERS };
  await deploy(t.client, "ric-buffered", files, { Runtime: "provided.al2023", Handler: "index.handler", Timeout: 10 });
  await deploy(t.client, "ric-stream", files, { Runtime: "provided.al2023", Handler: "index.streaming", Timeout: 10 });
}, 360_000);

afterAll(async () => {
  await gate?.close();
  await t?.dispose();
});

/** The running emulator and gate, or the test is skipped (with the reason printed in beforeAll). */
function env(ctx: TestContext): { t: TestEmulator; gate: Gate } {
  if (!ric.ok || !t || !gate) ctx.skip(`aws-lambda-ric unavailable: ${ric.ok ? "setup failed" : ric.reason}`);
  return { t: t as TestEmulator, gate: gate as Gate };
}

describe(`aws-lambda-ric@${RIC_VERSION} against our Runtime API`, () => {
  it("answers a buffered invocation with the handler's result and a full context; stays warm", async (ctx) => {
    const { t } = env(ctx);
    const clientContext = Buffer.from(JSON.stringify({ custom: { via: "ric" } })).toString("base64");
    const send = () =>
      t.client.send(
        new InvokeCommand({
          FunctionName: "ric-buffered",
          Payload: Buffer.from('{"hello":"ric"}'),
          ClientContext: clientContext,
          LogType: "Tail",
        }),
      );
    const first = await send();
    expect(first.FunctionError).toBeUndefined();
    const body = JSON.parse(Buffer.from(first.Payload ?? []).toString()) as Record<string, unknown>;
    expect(body).toMatchObject({
      echo: { hello: "ric" },
      invocations: 1,
      functionName: "ric-buffered",
      invokedArn: "arn:aws:lambda:us-east-1:000000000000:function:ric-buffered",
      requestId: first.$metadata.requestId,
    });
    expect(body.remainingMs).toBeGreaterThan(0);
    expect(body.remainingMs).toBeLessThanOrEqual(10_000);
    expect(Buffer.from(first.LogResult ?? "", "base64").toString()).toContain("buffered invocation 1");
    const second = JSON.parse(Buffer.from((await send()).Payload ?? []).toString()) as { invocations: number };
    expect(second.invocations).toBe(2);
  });

  it("reports a thrown error as Unhandled with ric's error object", async (ctx) => {
    const { t } = env(ctx);
    const out = await t.client.send(
      new InvokeCommand({ FunctionName: "ric-buffered", Payload: Buffer.from('{"fail":1}') }),
    );
    expect(out.FunctionError).toBe("Unhandled");
    expect(JSON.parse(Buffer.from(out.Payload ?? []).toString())).toMatchObject({
      errorType: "TypeError",
      errorMessage: "ric says no",
    });
  });

  it("streams a streamifyResponse handler's chunks through InvokeWithResponseStream as they are written", async (ctx) => {
    const { t, gate } = env(ctx);
    const out = await t.client.send(
      new InvokeWithResponseStreamCommand({
        FunctionName: "ric-stream",
        Payload: Buffer.from(JSON.stringify({ gate: gate.url, tag: "ric" })),
      }),
    );
    // Gated: the handler writes chunk i only after the test received chunk i-1.
    const read = await readEventStream(out.EventStream, (_text, i) => gate.open(`ric-${i + 1}`));
    expect(read.chunks.map((c) => c.value.toString()).join("")).toBe("ric-0;ric-1;ric-2;");
    expect(read.chunks.length).toBeGreaterThanOrEqual(3);
    expect(read.complete).toEqual({});
  });

  it("passes ric's HttpResponseStream prelude and reports its mid-stream error trailers", async (ctx) => {
    const { t } = env(ctx);
    const http = await t.client.send(
      new InvokeWithResponseStreamCommand({ FunctionName: "ric-stream", Payload: Buffer.from('{"http":true}') }),
    );
    const bytes = Buffer.concat((await readEventStream(http.EventStream)).chunks.map((c) => c.value));
    const nul = bytes.indexOf(Buffer.alloc(8));
    expect(JSON.parse(bytes.subarray(0, nul).toString())).toMatchObject({
      statusCode: 201,
      headers: { "x-ric": "yes" },
    });
    expect(bytes.subarray(nul + 8).toString()).toBe("ric-0;ric-1;ric-2;");

    const failing = await t.client.send(
      new InvokeWithResponseStreamCommand({ FunctionName: "ric-stream", Payload: Buffer.from('{"fail":true}') }),
    );
    const read = await readEventStream(failing.EventStream);
    expect(read.chunks.map((c) => c.value.toString()).join("")).toBe("ric-0;ric-1;ric-2;");
    expect(read.complete).toMatchObject({ ErrorCode: "TypeError", ErrorDetails: "failed mid-stream" });
  });
});
