/**
 * Contract: Node.js functions run in execution environments as Lambda runs them — handler resolution,
 * handler styles, the context object, console format, init and invocation errors, warm reuse,
 * isolation, timeouts and crashes — driven through Invoke with the real SDK.
 */
import { PublishLayerVersionCommand, UpdateFunctionConfigurationCommand } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, settled } from "../support/control-plane";
import { startEmulator, zipOf, type TestEmulator } from "../support/emulator";
import { deploy, invoke, signedGet } from "./runtime-support";

let t: TestEmulator;
beforeAll(async () => {
  process.env.LAMBDA_CONSOLE_EMULATOR_SECRET_FOR_TEST = "must-not-leak";
  t = await startEmulator();
});
afterAll(async () => {
  delete process.env.LAMBDA_CONSOLE_EMULATOR_SECRET_FOR_TEST;
  await t.dispose();
});

describe("handler resolution", () => {
  it("runs a CommonJS handler", async () => {
    await deploy(t.client, "cjs", { "index.js": "exports.handler = async (e) => ({ got: e, kind: typeof require });" });
    const r = await invoke(t.client, "cjs", { a: 1 });
    expect(r.status).toBe(200);
    expect(r.functionError).toBeUndefined();
    expect(r.json).toEqual({ got: { a: 1 }, kind: "function" });
  });

  it("runs an ES module handler (.mjs)", async () => {
    await deploy(t.client, "esm", {
      "index.mjs": "export const handler = async (e) => ({ esm: typeof require === 'undefined', n: e.n * 2 });",
    });
    expect((await invoke(t.client, "esm", { n: 21 })).json).toEqual({ esm: true, n: 42 });
  });

  it('runs .js as ESM inside a "type": "module" package', async () => {
    await deploy(
      t.client,
      "esm-pkg",
      {
        "package.json": JSON.stringify({ type: "module" }),
        "app.js": "import { helper } from './lib/helper.js';\nexport const main = async () => helper();",
        "lib/helper.js": "export const helper = () => 'from-esm-package';",
      },
      { Handler: "app.main" },
    );
    expect((await invoke(t.client, "esm-pkg", {})).json).toBe("from-esm-package");
  });

  it("runs .cjs handlers and handlers in nested directories", async () => {
    await deploy(
      t.client,
      "nested",
      {
        "src/handlers/orders.cjs": "exports.total = async (e) => e.lines.reduce((s, l) => s + l, 0);",
      },
      { Handler: "src/handlers/orders.total" },
    );
    expect((await invoke(t.client, "nested", { lines: [1, 2, 3] })).json).toBe(6);
  });

  it("resolves nested exports (file.a.b)", async () => {
    await deploy(
      t.client,
      "nested-export",
      {
        "index.js": "exports.api = { v1: { get: async () => 'deep' } };",
      },
      { Handler: "index.api.v1.get" },
    );
    expect((await invoke(t.client, "nested-export", {})).json).toBe("deep");
  });

  it("resolves modules from the function's layers (/opt/nodejs/node_modules)", async () => {
    const layer = await t.client.send(
      new PublishLayerVersionCommand({
        LayerName: "shared-lib",
        Content: {
          ZipFile: zipOf({
            "nodejs/node_modules/shout/index.js": "module.exports = (s) => s.toUpperCase() + '!';",
            "bin/tool.sh": "#!/bin/sh\necho tool",
          }),
        },
      }),
    );
    await deploy(
      t.client,
      "with-layer",
      { "index.js": "const shout = require('shout'); exports.handler = async (e) => shout(e.word);" },
      { Layers: [layer.LayerVersionArn ?? ""] },
    );
    expect((await invoke(t.client, "with-layer", { word: "hey" })).json).toBe("HEY!");
  });

  it("resolves dependencies from the code's node_modules", async () => {
    await deploy(t.client, "deps", {
      "node_modules/greeter/package.json": JSON.stringify({ name: "greeter", main: "main.js" }),
      "node_modules/greeter/main.js": "module.exports = (n) => `hi ${n}`;",
      "index.js": "const greet = require('greeter'); exports.handler = async (e) => greet(e.name);",
    });
    expect((await invoke(t.client, "deps", { name: "ana" })).json).toBe("hi ana");
  });
});

describe("handler styles", () => {
  it("answers with a callback handler's result", async () => {
    await deploy(t.client, "callback", {
      "index.js":
        "exports.handler = (event, context, callback) => { setTimeout(() => callback(null, { cb: event.x }), 5); };",
    });
    expect((await invoke(t.client, "callback", { x: "ok" })).json).toEqual({ cb: "ok" });
  });

  it("fails with a callback handler's error", async () => {
    await deploy(t.client, "callback-error", {
      "index.js": "exports.handler = (event, context, callback) => callback(new RangeError('cb failed'));",
    });
    const r = await invoke(t.client, "callback-error", {});
    expect(r.functionError).toBe("Unhandled");
    expect(r.json).toMatchObject({ errorType: "RangeError", errorMessage: "cb failed" });
  });

  it("waits for the event loop after callback() unless callbackWaitsForEmptyEventLoop is false", async () => {
    await deploy(t.client, "event-loop", {
      "index.js": `let late = 0;
exports.handler = (event, context, callback) => {
  context.callbackWaitsForEmptyEventLoop = event.wait;
  setTimeout(() => { late++; }, 1000);
  callback(null, { lateBefore: late });
};`,
    });
    const duration = (log: string) => Number(/\tDuration: ([\d.]+) ms/.exec(log)?.[1]);
    // Waiting: the answer goes out only after the timer ran, so the next invoke sees late = 1.
    const waited = await invoke(t.client, "event-loop", { wait: true });
    expect(waited.json).toEqual({ lateBefore: 0 });
    expect(duration(waited.log)).toBeGreaterThanOrEqual(1000);
    const immediate = await invoke(t.client, "event-loop", { wait: false });
    expect(immediate.json).toEqual({ lateBefore: 1 });
    expect(duration(immediate.log)).toBeLessThan(1000);
  });

  it("supports context.succeed / context.fail / context.done", async () => {
    await deploy(t.client, "legacy", {
      "index.js": `exports.handler = (event, context) => {
  if (event.how === "succeed") context.succeed({ legacy: true });
  else if (event.how === "fail") context.fail(new Error("legacy failure"));
  else context.done(null, "done!");
};`,
    });
    expect((await invoke(t.client, "legacy", { how: "succeed" })).json).toEqual({ legacy: true });
    expect((await invoke(t.client, "legacy", { how: "done" })).json).toBe("done!");
    const failed = await invoke(t.client, "legacy", { how: "fail" });
    expect(failed.functionError).toBe("Unhandled");
    expect(failed.json).toMatchObject({ errorMessage: "legacy failure" });
  });

  it("answers null for an async handler that returns nothing", async () => {
    await deploy(t.client, "void", { "index.js": "exports.handler = async () => {};" });
    const r = await invoke(t.client, "void", {});
    expect(r.text).toBe("null");
  });

  it("buffers a streamifyResponse handler's output for Invoke", async () => {
    await deploy(t.client, "streamer", {
      "index.mjs": `export const handler = awslambda.streamifyResponse(async (event, responseStream) => {
  responseStream.setContentType("text/plain");
  for (const part of ["a", "b", "c"]) responseStream.write(part);
  responseStream.end();
});`,
    });
    const r = await invoke(t.client, "streamer", {});
    expect(r.functionError).toBeUndefined();
    expect(r.text).toBe("abc");
  });

  it("answers a streamed response over 6 MB to Invoke as Function.ResponseSizeTooLarge", async () => {
    await deploy(t.client, "big-streamer", {
      "index.mjs": `export const handler = awslambda.streamifyResponse(async (event, responseStream) => {
  const mb = Buffer.alloc(1024 * 1024, 0x61);
  for (let i = 0; i < 7; i++) responseStream.write(mb);
  responseStream.end();
});`,
    });
    const r = await invoke(t.client, "big-streamer", {});
    expect(r.functionError).toBe("Unhandled");
    expect(r.json).toMatchObject({ errorType: "Function.ResponseSizeTooLarge" });
    expect((r.json as { errorMessage: string }).errorMessage).toContain("7340032 bytes");
  });

  it("writes the HTTP integration prelude with awslambda.HttpResponseStream.from", async () => {
    await deploy(t.client, "http-stream", {
      "index.mjs": `export const handler = awslambda.streamifyResponse(async (event, stream) => {
  stream = awslambda.HttpResponseStream.from(stream, { statusCode: 201, headers: { "x-a": "1" } });
  stream.write("body");
  stream.end();
});`,
    });
    const r = await invoke(t.client, "http-stream", {});
    expect(r.text).toBe(`${JSON.stringify({ statusCode: 201, headers: { "x-a": "1" } })}${"\0".repeat(8)}body`);
  });
});

describe("context and environment", () => {
  it("passes Lambda's context fields", async () => {
    await deploy(
      t.client,
      "context",
      {
        "index.js": `exports.handler = async (event, context) => ({
  functionName: context.functionName,
  functionVersion: context.functionVersion,
  invokedFunctionArn: context.invokedFunctionArn,
  memoryLimitInMB: context.memoryLimitInMB,
  awsRequestId: context.awsRequestId,
  logGroupName: context.logGroupName,
  logStreamName: context.logStreamName,
  clientContext: context.clientContext,
  identity: context.identity,
  remaining: context.getRemainingTimeInMillis(),
  waits: context.callbackWaitsForEmptyEventLoop,
  trace: process.env._X_AMZN_TRACE_ID,
});`,
      },
      { MemorySize: 256, Timeout: 7 },
    );
    const clientContext = { client: { installation_id: "i-1" }, custom: { k: "v" }, env: { locale: "en" } };
    const r = await invoke(
      t.client,
      "context",
      {},
      {
        ClientContext: Buffer.from(JSON.stringify(clientContext)).toString("base64"),
      },
    );
    const c = r.json as Record<string, unknown>;
    expect(c).toMatchObject({
      functionName: "context",
      functionVersion: "$LATEST",
      invokedFunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:context",
      memoryLimitInMB: "256",
      awsRequestId: r.requestId,
      logGroupName: "/aws/lambda/context",
      clientContext,
      waits: true,
    });
    expect(c.logStreamName).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(c.remaining).toBeGreaterThan(5_000);
    expect(c.remaining).toBeLessThanOrEqual(7_000);
    expect(c.trace).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}/);
  });

  it("gives the function only the Lambda environment plus its own variables", async () => {
    await deploy(
      t.client,
      "env",
      { "index.js": "exports.handler = async () => ({ env: process.env, cwd: process.cwd() });" },
      { Environment: { Variables: { MY_SETTING: "42" } } },
    );
    const env = (await invoke(t.client, "env", {})).json as { env: Record<string, string>; cwd: string };
    expect(env.env.LAMBDA_CONSOLE_EMULATOR_SECRET_FOR_TEST).toBeUndefined();
    expect(process.env.LAMBDA_CONSOLE_EMULATOR_SECRET_FOR_TEST).toBe("must-not-leak");
    expect(env.env).toMatchObject({
      MY_SETTING: "42",
      AWS_REGION: "us-east-1",
      AWS_DEFAULT_REGION: "us-east-1",
      AWS_LAMBDA_FUNCTION_NAME: "env",
      AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: "128",
      AWS_LAMBDA_LOG_GROUP_NAME: "/aws/lambda/env",
      AWS_LAMBDA_INITIALIZATION_TYPE: "on-demand",
      AWS_EXECUTION_ENV: expect.stringMatching(/^AWS_Lambda_nodejs\d+\.x$/),
      AWS_ENDPOINT_URL_LAMBDA: t.emulator.url,
      _HANDLER: "index.handler",
      TZ: ":UTC",
    });
    for (const key of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API"]) {
      expect(env.env[key]).toBeTruthy();
    }
    expect(env.env.AWS_LAMBDA_RUNTIME_API).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(env.env.LAMBDA_TASK_ROOT).toBe(env.cwd);
    expect(env.env.HOME).toBe(env.env.TMPDIR);
    expect(env.env.TMPDIR?.startsWith(t.dataDir)).toBe(true);
    // Nothing else of the emulator's own environment (vitest, npm, the shell) is inherited.
    expect(Object.keys(env.env).filter((k) => k.startsWith("npm_") || k.startsWith("VITEST"))).toEqual([]);
  });
});

describe("AWS SDK", () => {
  it("bundles AWS SDK v3 as the nodejs runtimes do, pointed at the emulator (require and import)", async () => {
    await deploy(t.client, "sdk-cjs", {
      "index.js": `const { LambdaClient, GetFunctionConfigurationCommand } = require("@aws-sdk/client-lambda");
const client = new LambdaClient({});
exports.handler = async (event, context) => {
  const me = await client.send(new GetFunctionConfigurationCommand({ FunctionName: context.functionName }));
  return { name: me.FunctionName, handler: me.Handler };
};`,
    });
    expect((await invoke(t.client, "sdk-cjs", {})).json).toEqual({ name: "sdk-cjs", handler: "index.handler" });
    await deploy(t.client, "sdk-esm", {
      "index.mjs": `import { LambdaClient, InvokeCommand } from "@aws-sdk/client-lambda";
const client = new LambdaClient({});
export const handler = async () => {
  const out = await client.send(new InvokeCommand({ FunctionName: "sdk-cjs" }));
  return JSON.parse(Buffer.from(out.Payload).toString());
};`,
    });
    expect((await invoke(t.client, "sdk-esm", {})).json).toEqual({ name: "sdk-cjs", handler: "index.handler" });
  });
});

describe("logs", () => {
  it("writes JSON log lines and filters by level with LoggingConfig LogFormat JSON", async () => {
    await deploy(
      t.client,
      "json-logs",
      {
        "index.js": `exports.handler = async () => { console.info("hidden info"); console.warn("careful", 42); console.error(new Error("bad")); return 1; };`,
      },
      { LoggingConfig: { LogFormat: "JSON", ApplicationLogLevel: "WARN" } },
    );
    const r = await invoke(t.client, "json-logs", {});
    expect(r.log).not.toContain("hidden info");
    const all = r.log
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const records = all.filter((l) => "level" in l);
    expect(records[0]).toMatchObject({ level: "WARN", message: "careful 42", requestId: r.requestId });
    expect(records[0]?.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(records[1]).toMatchObject({ level: "ERROR", errorType: "Error", errorMessage: "bad" });
    // The platform's own lines are JSON records too (Telemetry API shapes), with no text START/REPORT.
    expect(all.filter((l) => "type" in l).map((l) => l.type)).toEqual([
      "platform.initStart",
      "platform.start",
      "platform.runtimeDone",
      "platform.report",
    ]);
    expect(r.log).not.toContain("REPORT RequestId");
    const report = all.find((l) => l.type === "platform.report");
    expect(report).toMatchObject({
      record: {
        requestId: r.requestId,
        status: "success",
        metrics: { memorySizeMB: 128, initDurationMs: expect.any(Number) as number },
      },
    });
    expect(Date.parse(String(report?.time))).toBeGreaterThanOrEqual(Date.parse(String(records[0]?.timestamp)));
  });

  it("formats console output as Lambda does, between START and END/REPORT", async () => {
    await deploy(t.client, "logger", {
      "index.js": `console.log("during init");
exports.handler = async () => {
  console.log("log", { a: 1 });
  console.info("info line");
  console.warn("warn line");
  console.error("error line");
  console.debug("debug line");
  process.stdout.write("raw stdout without newline");
  return "ok";
};`,
    });
    const first = await invoke(t.client, "logger", {});
    const id = first.requestId ?? "";
    const lines = first.log.split("\n");
    const start = lines.indexOf(`START RequestId: ${id} Version: $LATEST`);
    expect(start).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/^INIT_START Runtime Version: nodejs:\d+\.\d+\.\d+/);
    expect(lines.slice(0, start).some((l) => /\tundefined\tINFO\tduring init$/.test(l))).toBe(true);
    const iso = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    const body = lines.slice(start + 1);
    expect(body[0]).toMatch(new RegExp(`^${iso}\\t${id}\\tINFO\\tlog { a: 1 }$`));
    expect(body[1]).toMatch(new RegExp(`^${iso}\\t${id}\\tINFO\\tinfo line$`));
    expect(body[2]).toMatch(new RegExp(`^${iso}\\t${id}\\tWARN\\twarn line$`));
    expect(body[3]).toMatch(new RegExp(`^${iso}\\t${id}\\tERROR\\terror line$`));
    expect(body[4]).toMatch(new RegExp(`^${iso}\\t${id}\\tDEBUG\\tdebug line$`));
    expect(body[5]).toBe("raw stdout without newline");
    expect(body[6]).toBe(`END RequestId: ${id}`);
    expect(body[7]).toMatch(
      new RegExp(
        `^REPORT RequestId: ${id}\\tDuration: \\d+\\.\\d{2} ms\\tBilled Duration: \\d+ ms\\tMemory Size: 128 MB\\tMax Memory Used: \\d+ MB\\tInit Duration: \\d+\\.\\d{2} ms$`,
      ),
    );
    const memory = Number(/Max Memory Used: (\d+) MB/.exec(body[7] ?? "")?.[1]);
    expect(memory).toBeGreaterThan(10);

    const second = await invoke(t.client, "logger", {});
    expect(second.log.startsWith(`START RequestId: ${second.requestId} Version: $LATEST\n`)).toBe(true);
    expect(second.log).not.toContain("Init Duration");
    expect(second.log).not.toContain("during init");
    expect(second.log).not.toContain(id);
  });

  it("keeps every line written right before the answer in that invocation's log", async () => {
    await deploy(t.client, "burst", {
      "index.js": `exports.handler = async (e) => {
  for (let i = 0; i < e.n; i++) console.log("line-" + e.tag + "-" + i);
  process.stderr.write("stderr-" + e.tag + "\\n");
  return e.tag;
};`,
    });
    for (const tag of ["a", "b", "c", "d"]) {
      const r = await invoke(t.client, "burst", { n: 200, tag });
      // The Tail header holds only the last 4 KB; the invocation record keeps the whole log.
      const record = await signedGet(t.emulator.url, `/2026-01-01/invocations/${r.requestId}`);
      const log = (record.body as { Log: string }).Log;
      const mine = log.split("\n").filter((l) => l.includes(`line-${tag}-`));
      expect(mine).toHaveLength(200);
      expect(log).toContain(`stderr-${tag}`);
      expect(log).not.toMatch(new RegExp(`line-(?!${tag}-)`));
      expect(r.log.endsWith(log.slice(-100))).toBe(true);
    }
  });
});

describe("errors", () => {
  it("answers a thrown error as {errorType, errorMessage, trace} with X-Amz-Function-Error", async () => {
    await deploy(t.client, "thrower", {
      "index.js": "exports.handler = async () => { throw new TypeError('bad input'); };",
    });
    const r = await invoke(t.client, "thrower", {});
    expect(r.status).toBe(200);
    expect(r.functionError).toBe("Unhandled");
    const error = r.json as { errorType: string; errorMessage: string; trace: string[] };
    expect(error.errorType).toBe("TypeError");
    expect(error.errorMessage).toBe("bad input");
    expect(error.trace[0]).toBe("TypeError: bad input");
    expect(r.log).toMatch(/\tERROR\tInvoke Error \t\{"errorType":"TypeError","errorMessage":"bad input"/);
  });

  it("reports a missing module as Runtime.ImportModuleError", async () => {
    await deploy(t.client, "no-module", { "other.js": "exports.handler = async () => 1;" });
    const r = await invoke(t.client, "no-module", {});
    expect(r.functionError).toBe("Unhandled");
    expect(r.json).toMatchObject({ errorType: "Runtime.ImportModuleError" });
    expect((r.json as { errorMessage: string }).errorMessage).toContain("Cannot find module 'index'");
    expect(r.log).toMatch(/REPORT RequestId: .*\tStatus: error\tError Type: Runtime\.ImportModuleError/);
  });

  it("reports a missing export as Runtime.HandlerNotFound", async () => {
    await deploy(t.client, "no-export", { "index.js": "exports.other = async () => 1;" });
    const r = await invoke(t.client, "no-export", {});
    expect(r.json).toMatchObject({
      errorType: "Runtime.HandlerNotFound",
      errorMessage: "index.handler is undefined or not exported",
    });
  });

  it("reports a syntax error as Runtime.UserCodeSyntaxError", async () => {
    await deploy(t.client, "syntax", { "index.js": "exports.handler = async () => { return ;; }}" });
    const r = await invoke(t.client, "syntax", {});
    expect(r.json).toMatchObject({ errorType: "Runtime.UserCodeSyntaxError" });
    expect((r.json as { errorMessage: string }).errorMessage).toContain("SyntaxError");
  });

  it("fails the invocation on an uncaught exception and starts a fresh environment next time", async () => {
    await deploy(t.client, "uncaught", {
      "index.js": `let calls = 0;
exports.handler = async (e) => {
  calls++;
  if (e.boom) setTimeout(() => { throw new Error("async boom"); }, 1);
  if (e.boom) await new Promise((r) => setTimeout(r, 1000));
  return calls;
};`,
    });
    expect((await invoke(t.client, "uncaught", {})).json).toBe(1);
    const r = await invoke(t.client, "uncaught", { boom: true });
    expect(r.functionError).toBe("Unhandled");
    expect(r.json).toMatchObject({ errorType: "Error", errorMessage: "async boom" });
    expect(r.log).toContain("Uncaught Exception");
    expect((await invoke(t.client, "uncaught", {})).json).toBe(1);
  });

  it("fails the invocation on an unhandled rejection (Runtime.UnhandledPromiseRejection)", async () => {
    await deploy(t.client, "rejection", {
      "index.js": `exports.handler = async () => {
  Promise.reject(new Error("nobody catches me"));
  await new Promise((r) => setTimeout(r, 1000));
  return "too late";
};`,
    });
    const r = await invoke(t.client, "rejection", {});
    expect(r.functionError).toBe("Unhandled");
    expect(r.json).toMatchObject({
      errorType: "Runtime.UnhandledPromiseRejection",
      errorMessage: "Error: nobody catches me",
    });
  });

  it("times out at the deadline with Sandbox.Timedout and kills the process", async () => {
    await deploy(
      t.client,
      "sleeper",
      {
        "index.js": "exports.handler = async () => { await new Promise(() => setInterval(() => {}, 1000)); };",
      },
      { Timeout: 1 },
    );
    const started = Date.now();
    const r = await invoke(t.client, "sleeper", {});
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(r.functionError).toBe("Unhandled");
    expect(r.json).toEqual({
      errorType: "Sandbox.Timedout",
      errorMessage: `RequestId: ${r.requestId} Error: Task timed out after 1.00 seconds`,
    });
    expect(r.log).toMatch(
      new RegExp(`\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z ${r.requestId} Task timed out after 1\\.00 seconds`),
    );
    expect(r.log).toMatch(/REPORT RequestId: .*\tStatus: timeout/);
  });

  it("reports a crash as Runtime.ExitError", async () => {
    await deploy(t.client, "crasher", {
      "index.js":
        "exports.handler = async (e) => { if (e.kill) process.kill(process.pid, 'SIGKILL'); process.exit(1); };",
    });
    const exit = await invoke(t.client, "crasher", {});
    expect(exit.functionError).toBe("Unhandled");
    expect(exit.json).toEqual({
      errorType: "Runtime.ExitError",
      errorMessage: `RequestId: ${exit.requestId} Error: Runtime exited with error: exit status 1`,
    });
    expect(exit.log).toContain("Runtime.ExitError");
    const killed = await invoke(t.client, "crasher", { kill: true });
    expect((killed.json as { errorMessage: string }).errorMessage).toBe(
      `RequestId: ${killed.requestId} Error: Runtime exited with error: signal: killed`,
    );
  });

  it("a hanging function does not block other functions or the API", async () => {
    await deploy(
      t.client,
      "hang",
      {
        "index.js": "exports.handler = () => { for (;;) {} };",
      },
      { Timeout: 3 },
    );
    await deploy(t.client, "quick", { "index.js": "exports.handler = async () => 'quick';" });
    let hangDone = false;
    const hanging = invoke(t.client, "hang", {}).finally(() => (hangDone = true));
    const quick = await invoke(t.client, "quick", {});
    expect(quick.json).toBe("quick");
    expect(hangDone).toBe(false);
    expect((await hanging).json).toMatchObject({ errorType: "Sandbox.Timedout" });
  });
});

describe("warm environments", () => {
  it("reuses a warm environment (module state survives) and starts fresh after a configuration change", async () => {
    await deploy(
      t.client,
      "counter",
      {
        "index.js": "let n = 0; exports.handler = async () => ({ n: ++n, pid: process.pid, v: process.env.STAGE });",
      },
      { Environment: { Variables: { STAGE: "one" } } },
    );
    const a = (await invoke(t.client, "counter", {})).json as { n: number; pid: number; v: string };
    const b = (await invoke(t.client, "counter", {})).json as { n: number; pid: number; v: string };
    const c = (await invoke(t.client, "counter", {})).json as { n: number; pid: number; v: string };
    expect([a.n, b.n, c.n]).toEqual([1, 2, 3]);
    expect(new Set([a.pid, b.pid, c.pid]).size).toBe(1);

    await t.client.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: "counter", Environment: { Variables: { STAGE: "two" } } }),
    );
    await settled(t.client, "counter");
    const d = (await invoke(t.client, "counter", {})).json as { n: number; pid: number; v: string };
    expect(d).toMatchObject({ n: 1, v: "two" });
    expect(d.pid).not.toBe(a.pid);
    // The old configuration's environment is stopped, not just bypassed.
    await eventually(
      async () => {
        try {
          process.kill(a.pid, 0);
          return true;
        } catch {
          return false;
        }
      },
      (alive) => !alive,
      2_000,
    );
  });

  it("runs concurrent invocations in separate environments", async () => {
    await deploy(t.client, "parallel", {
      "index.js":
        "exports.handler = async () => { await new Promise((r) => setTimeout(r, 200)); return process.pid; };",
    });
    const pids = await Promise.all([1, 2, 3].map(() => invoke(t.client, "parallel", {})));
    expect(new Set(pids.map((p) => p.json)).size).toBe(3);
  });
});
