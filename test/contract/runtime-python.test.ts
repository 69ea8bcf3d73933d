/**
 * Contract: python3.x functions run on the host's Python 3 through the stdlib bootstrap. Skipped, with
 * the reason printed, on machines without python3.
 */
import type { CreateFunctionCommandInput } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostPython } from "../../emulator/runtime/host-python";
import { startEmulator, type TestEmulator } from "../support/emulator";
import { deploy, invoke } from "./runtime-support";

type PyRuntime = CreateFunctionCommandInput["Runtime"];
const python = await hostPython();
if (!python) console.warn("runtime-python tests skipped: no python3 on PATH");
const runtime = python ? `python${python.version.split(".").slice(0, 2).join(".")}` : "python3.12";

let t: TestEmulator;
beforeAll(async () => {
  if (python) t = await startEmulator();
});
afterAll(async () => {
  if (python) await t.dispose();
});

describe.skipIf(!python)("python runtime", () => {
  const py = (name: string, source: string, extra: Parameters<typeof deploy>[3] = {}) =>
    deploy(
      t.client,
      name,
      { "lambda_function.py": source },
      {
        Runtime: runtime as PyRuntime,
        Handler: "lambda_function.lambda_handler",
        ...extra,
      },
    );

  it("runs module.function handlers with Lambda's context, reporting the interpreter", async () => {
    await py(
      "py-hello",
      `import os
count = 0
def lambda_handler(event, context):
    global count
    count += 1
    print("hello from python", event["name"])
    return {
        "greeting": "Hello, " + event["name"],
        "count": count,
        "function_name": context.function_name,
        "version": context.function_version,
        "memory": context.memory_limit_in_mb,
        "request_id": context.aws_request_id,
        "arn": context.invoked_function_arn,
        "remaining_ok": 0 < context.get_remaining_time_in_millis() <= 3000,
        "region": os.environ["AWS_REGION"],
    }
`,
    );
    const r = await invoke(t.client, "py-hello", { name: "Ada" });
    expect(r.functionError).toBeUndefined();
    expect(r.json).toEqual({
      greeting: "Hello, Ada",
      count: 1,
      function_name: "py-hello",
      version: "$LATEST",
      memory: "128",
      request_id: r.requestId,
      arn: "arn:aws:lambda:us-east-1:000000000000:function:py-hello",
      remaining_ok: true,
      region: "us-east-1",
    });
    expect(r.log).toMatch(/^INIT_START Runtime Version: python:3\.\d+\.\d+/);
    expect(r.log).toContain(`Runtime interpreter: ${python?.executable}`);
    expect(r.log).toContain("hello from python Ada\n");
    expect(r.log).toMatch(/REPORT RequestId: .*Init Duration/);
    // Warm: module state survives.
    expect((await invoke(t.client, "py-hello", { name: "Bo" })).json).toMatchObject({ count: 2 });
  });

  it("warns when the function's Python minor differs from the host's", async () => {
    const other = runtime === "python3.12" ? "python3.13" : "python3.12";
    await py("py-other", "def lambda_handler(event, context):\n    return 1\n", {
      Runtime: other as PyRuntime,
    });
    const r = await invoke(t.client, "py-other", {});
    expect(r.json).toBe(1);
    expect(r.log).toContain(`WARNING: ${other} is emulated with the host's Python ${python?.version}`);
  });

  it("answers an exception as {errorMessage, errorType, stackTrace}", async () => {
    await py("py-error", "def lambda_handler(event, context):\n    raise ValueError('bad value ' + str(event['n']))\n");
    const r = await invoke(t.client, "py-error", { n: 3 });
    expect(r.functionError).toBe("Unhandled");
    const error = r.json as { errorMessage: string; errorType: string; stackTrace: string[]; requestId: string };
    expect(error).toMatchObject({ errorMessage: "bad value 3", errorType: "ValueError", requestId: r.requestId });
    expect(error.stackTrace.join("")).toContain("lambda_function.py");
    expect(r.log).toContain("[ERROR] ValueError: bad value 3");
  });

  it("formats the logging module's output as Lambda does", async () => {
    await py(
      "py-logging",
      "import logging\nlogger = logging.getLogger()\nlogger.setLevel(logging.INFO)\ndef lambda_handler(event, context):\n    logger.info('processing %s', event['id'])\n    return 'ok'\n",
    );
    const r = await invoke(t.client, "py-logging", { id: "x1" });
    expect(r.log).toMatch(
      new RegExp(`\\[INFO\\]\\t\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z\\t${r.requestId}\\tprocessing x1`),
    );
  });

  it("reports init errors: missing module, missing handler, syntax error", async () => {
    await deploy(
      t.client,
      "py-nomod",
      { "other.py": "x = 1\n" },
      {
        Runtime: runtime as PyRuntime,
        Handler: "lambda_function.lambda_handler",
      },
    );
    expect((await invoke(t.client, "py-nomod", {})).json).toMatchObject({
      errorType: "Runtime.ImportModuleError",
      errorMessage: "Unable to import module 'lambda_function': No module named 'lambda_function'",
    });
    await py("py-nohandler", "def other(event, context):\n    return 1\n");
    expect((await invoke(t.client, "py-nohandler", {})).json).toMatchObject({
      errorType: "Runtime.HandlerNotFound",
      errorMessage: "Handler 'lambda_handler' missing on module 'lambda_function'",
    });
    await py("py-syntax", "def lambda_handler(event, context)\n    return 1\n");
    const syntax = await invoke(t.client, "py-syntax", {});
    expect(syntax.functionError).toBe("Unhandled");
    expect(syntax.json).toMatchObject({ errorType: "Runtime.UserCodeSyntaxError" });
  });

  it("loads handlers from packages in subdirectories", async () => {
    await deploy(
      t.client,
      "py-pkg",
      { "app/__init__.py": "", "app/handlers.py": "def main(event, context):\n    return {'pkg': True}\n" },
      { Runtime: runtime as PyRuntime, Handler: "app/handlers.main" },
    );
    expect((await invoke(t.client, "py-pkg", {})).json).toEqual({ pkg: true });
  });
});
