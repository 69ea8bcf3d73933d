import { describe, expect, it } from "vitest";
import {
  parseErrorLine,
  parsePlatformLine,
  summarizeInvocations,
  versionOfStream,
  type LogEventLike,
} from "./invocation-logs";

const A = "8f5e2a3c-1b4d-4c6e-9f7a-2b3c4d5e6f70";
const B = "c0ffee00-1234-4abc-8def-0123456789ab";
const STREAM = "2026/01/31/[$LATEST]4f9d8e7c6b5a49382716059483726150";
const STREAM_V3 = "2026/01/31/[3]0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const T0 = Date.parse("2026-01-31T12:00:00.000Z");
const ctx = { functionName: "orders", logGroup: "/aws/lambda/orders" };

const ev = (ms: number, message: string, stream = STREAM): LogEventLike => ({
  timestamp: T0 + ms,
  message: `${message}\n`,
  logStreamName: stream,
});

describe("parsePlatformLine — Text format", () => {
  it("reads START with its version and END", () => {
    expect(parsePlatformLine(`START RequestId: ${A} Version: $LATEST\n`)).toEqual({
      kind: "start",
      requestId: A,
      version: "$LATEST",
    });
    expect(parsePlatformLine(`START RequestId: ${A} Version: 12`)).toMatchObject({ version: "12" });
    expect(parsePlatformLine(`END RequestId: ${A}\n`)).toEqual({ kind: "end", requestId: A });
  });

  it("reads a cold start's REPORT, Init Duration included", () => {
    expect(
      parsePlatformLine(
        `REPORT RequestId: ${A}\tDuration: 395.99 ms\tBilled Duration: 662 ms\tMemory Size: 512 MB\tMax Memory Used: 301 MB\tInit Duration: 265.72 ms\t\n`,
      ),
    ).toEqual({
      kind: "report",
      requestId: A,
      durationMs: 395.99,
      billedDurationMs: 662,
      memorySizeMB: 512,
      maxMemoryUsedMB: 301,
      initDurationMs: 265.72,
    });
  });

  it("reads the older REPORT layout (a space before the tab, a trailing tab) and warm starts", () => {
    const r = parsePlatformLine(
      `REPORT RequestId: ${A}\tDuration: 1.79 ms\tBilled Duration: 100 ms \tMemory Size: 128 MB\tMax Memory Used: 46 MB\t\n`,
    );
    expect(r).toEqual({
      kind: "report",
      requestId: A,
      durationMs: 1.79,
      billedDurationMs: 100,
      memorySizeMB: 128,
      maxMemoryUsedMB: 46,
    });
  });

  it("reads Status and Error Type on invocations the platform ended", () => {
    expect(
      parsePlatformLine(
        `REPORT RequestId: ${A}\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 64 MB\tStatus: timeout`,
      ),
    ).toMatchObject({ durationMs: 3000, status: "timeout" });
    expect(
      parsePlatformLine(
        `REPORT RequestId: ${A}\tDuration: 20.51 ms\tBilled Duration: 21 ms\tMemory Size: 128 MB\tMax Memory Used: 128 MB\tStatus: error\tError Type: Runtime.OutOfMemory`,
      ),
    ).toMatchObject({ status: "error", errorType: "Runtime.OutOfMemory" });
  });

  it("ignores everything else", () => {
    expect(
      parsePlatformLine("INIT_START Runtime Version: nodejs:22.v40\tRuntime Version ARN: arn:aws:lambda:…"),
    ).toBeUndefined();
    expect(parsePlatformLine(`2026-01-31T12:00:00.010Z\t${A}\tINFO\tREPORT RequestId: looks similar`)).toBeUndefined();
    expect(parsePlatformLine(`REPORT RequestId: ${A}\tno metrics here`)).toBeUndefined();
  });
});

describe("parsePlatformLine — JSON format", () => {
  it("reads platform.start, platform.runtimeDone and platform.report", () => {
    expect(
      parsePlatformLine(
        `{"time":"2026-01-31T12:00:00.100Z","type":"platform.start","record":{"requestId":"${A}","version":"$LATEST"}}`,
      ),
    ).toEqual({ kind: "start", requestId: A, version: "$LATEST" });
    expect(
      parsePlatformLine(
        `{"time":"2026-01-31T12:00:00.300Z","type":"platform.runtimeDone","record":{"requestId":"${A}","status":"error","errorType":"TypeError","metrics":{"durationMs":200.1,"producedBytes":0}}}`,
      ),
    ).toEqual({ kind: "end", requestId: A, status: "error", errorType: "TypeError" });
    expect(
      parsePlatformLine(
        `{"time":"2026-01-31T12:00:00.300Z","type":"platform.report","record":{"requestId":"${A}","metrics":{"durationMs":2.07,"billedDurationMs":3,"memorySizeMB":128,"maxMemoryUsedMB":68,"initDurationMs":160.64},"status":"success"}}`,
      ),
    ).toEqual({
      kind: "report",
      requestId: A,
      durationMs: 2.07,
      billedDurationMs: 3,
      memorySizeMB: 128,
      maxMemoryUsedMB: 68,
      initDurationMs: 160.64,
      status: "success",
    });
  });

  it("ignores platform.initStart and application records", () => {
    expect(
      parsePlatformLine(
        `{"time":"2026-01-31T12:00:00.000Z","type":"platform.initStart","record":{"initializationType":"on-demand","phase":"init","runtimeVersion":"nodejs:22.v40"}}`,
      ),
    ).toBeUndefined();
    expect(
      parsePlatformLine(`{"timestamp":"2026-01-31T12:00:00.000Z","level":"INFO","requestId":"${A}","message":"hi"}`),
    ).toBeUndefined();
  });
});

describe("parseErrorLine", () => {
  it("reads Node's Invoke Error line", () => {
    expect(
      parseErrorLine(
        `2026-01-31T12:00:00.250Z\t${A}\tERROR\tInvoke Error \t{"errorType":"TypeError","errorMessage":"asked to fail","stack":["TypeError: asked to fail","    at Runtime.handler (file:///var/task/index.mjs:2:9)"]}\n`,
      ),
    ).toEqual({ requestId: A, errorType: "TypeError", errorMessage: "asked to fail" });
    expect(
      parseErrorLine(
        `2026-01-31T12:00:00.250Z\t${A}\tERROR\tUnhandled Promise Rejection \t{"errorType":"Runtime.UnhandledPromiseRejection","errorMessage":"Error: late"}`,
      ),
    ).toMatchObject({ errorType: "Runtime.UnhandledPromiseRejection" });
  });

  it("does not take the function's own console.error for an invocation error", () => {
    expect(parseErrorLine(`2026-01-31T12:00:00.250Z\t${A}\tERROR\tcould not reach the database`)).toBeUndefined();
    expect(parseErrorLine(`[ERROR]\t2026-01-31T12:00:00.250Z\t${A}\tlogging.error from the handler`)).toBeUndefined();
  });

  it("reads Python's unhandled error line, which names no request", () => {
    expect(
      parseErrorLine(
        "[ERROR] KeyError: 'orderId'\rTraceback (most recent call last):\r  File \"/var/task/lambda_function.py\", line 4, in lambda_handler\n",
      ),
    ).toEqual({ errorType: "KeyError", errorMessage: "'orderId'" });
    expect(
      parseErrorLine("[ERROR] Runtime.ImportModuleError: Unable to import module 'app': No module named 'x'"),
    ).toMatchObject({
      errorType: "Runtime.ImportModuleError",
    });
  });

  it("reads the platform's timeout line", () => {
    expect(parseErrorLine(`2026-01-31T12:00:03.010Z ${A} Task timed out after 3.00 seconds\n`)).toEqual({
      requestId: A,
      errorType: "Sandbox.Timedout",
      errorMessage: "Task timed out after 3.00 seconds",
      timeout: true,
    });
  });

  it("reads JSON-format error records (Node's Invoke Error, Python's unhandled error)", () => {
    expect(
      parseErrorLine(
        `{"timestamp":"2026-01-31T12:00:00.250Z","level":"ERROR","requestId":"${A}","message":"Invoke Error \\t{\\"errorType\\":\\"TypeError\\",\\"errorMessage\\":\\"asked to fail\\",\\"stack\\":[]}"}`,
      ),
    ).toEqual({ requestId: A, errorType: "TypeError", errorMessage: "asked to fail" });
    expect(
      parseErrorLine(
        `{"timestamp":"2026-01-31T12:00:00Z","log_level":"ERROR","errorMessage":"'orderId'","errorType":"KeyError","requestId":"${A}","stackTrace":["  File …"]}`,
      ),
    ).toEqual({ requestId: A, errorType: "KeyError", errorMessage: "'orderId'" });
    // A handled error the function logged itself.
    expect(
      parseErrorLine(
        `{"timestamp":"2026-01-31T12:00:00Z","level":"ERROR","requestId":"${A}","message":"retrying","errorType":"Error","errorMessage":"x","stackTrace":[]}`,
      ),
    ).toBeUndefined();
  });
});

describe("versionOfStream", () => {
  it("reads the version Lambda puts in brackets", () => {
    expect(versionOfStream(STREAM)).toBe("$LATEST");
    expect(versionOfStream(STREAM_V3)).toBe("3");
    expect(versionOfStream("my-own-stream")).toBeUndefined();
  });
});

describe("summarizeInvocations", () => {
  it("builds summaries from Text lines, newest first, with cold starts and function errors", () => {
    const events = [
      ev(0, "INIT_START Runtime Version: nodejs:22.v40\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:abc"),
      ev(150, `START RequestId: ${A} Version: $LATEST`),
      ev(160, `2026-01-31T12:00:00.160Z\t${A}\tINFO\thandling 1`),
      ev(162, `END RequestId: ${A}`),
      ev(
        162,
        `REPORT RequestId: ${A}\tDuration: 12.00 ms\tBilled Duration: 163 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\tInit Duration: 150.00 ms`,
      ),
      ev(1000, `START RequestId: ${B} Version: $LATEST`),
      ev(
        1003,
        `2026-01-31T12:00:01.003Z\t${B}\tERROR\tInvoke Error \t{"errorType":"TypeError","errorMessage":"asked to fail","stack":[]}`,
      ),
      ev(1004, `END RequestId: ${B}`),
      ev(
        1004,
        `REPORT RequestId: ${B}\tDuration: 4.00 ms\tBilled Duration: 4 ms\tMemory Size: 128 MB\tMax Memory Used: 71 MB`,
      ),
    ];
    expect(summarizeInvocations(events, ctx)).toEqual([
      {
        Source: "CloudWatchLogs",
        RequestId: B,
        FunctionName: "orders",
        Version: "$LATEST",
        StartTime: "2026-01-31T12:00:01.000Z",
        EndTime: "2026-01-31T12:00:01.004Z",
        DurationMs: 4,
        BilledDurationMs: 4,
        MemorySizeMB: 128,
        MaxMemoryUsedMB: 71,
        Status: "Error",
        ErrorType: "TypeError",
        ErrorMessage: "asked to fail",
        LogGroup: "/aws/lambda/orders",
        LogStream: STREAM,
      },
      {
        Source: "CloudWatchLogs",
        RequestId: A,
        FunctionName: "orders",
        Version: "$LATEST",
        StartTime: "2026-01-31T12:00:00.150Z",
        EndTime: "2026-01-31T12:00:00.162Z",
        DurationMs: 12,
        BilledDurationMs: 163,
        MemorySizeMB: 128,
        MaxMemoryUsedMB: 70,
        InitDurationMs: 150,
        Status: "Success",
        LogGroup: "/aws/lambda/orders",
        LogStream: STREAM,
      },
    ]);
  });

  it("marks timeouts from the REPORT status and the timeout line", () => {
    const [t] = summarizeInvocations(
      [
        ev(0, `START RequestId: ${A} Version: 3`, STREAM_V3),
        ev(3001, `2026-01-31T12:00:03.001Z ${A} Task timed out after 3.00 seconds`, STREAM_V3),
        ev(3002, `END RequestId: ${A}`, STREAM_V3),
        ev(
          3002,
          `REPORT RequestId: ${A}\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\tStatus: timeout`,
          STREAM_V3,
        ),
      ],
      ctx,
    );
    expect(t).toMatchObject({
      Status: "Timeout",
      Version: "3",
      ErrorType: "Sandbox.Timedout",
      ErrorMessage: "Task timed out after 3.00 seconds",
    });
    // Only the REPORT (the list reads REPORTs first): still a timeout, the version from the stream.
    const [onlyReport] = summarizeInvocations(
      [
        ev(
          3002,
          `REPORT RequestId: ${A}\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\tStatus: timeout`,
          STREAM_V3,
        ),
      ],
      ctx,
    );
    expect(onlyReport).toMatchObject({ Status: "Timeout", Version: "3" });
    expect(onlyReport?.ErrorType).toBeUndefined();
  });

  it("takes the platform's error type when the runtime crashed", () => {
    const [r] = summarizeInvocations(
      [
        ev(
          50,
          `REPORT RequestId: ${A}\tDuration: 50.00 ms\tBilled Duration: 50 ms\tMemory Size: 128 MB\tMax Memory Used: 128 MB\tStatus: error\tError Type: Runtime.ExitError`,
        ),
      ],
      ctx,
    );
    expect(r).toMatchObject({ Status: "Error", ErrorType: "Runtime.ExitError" });
  });

  it("ties Python's error line to its invocation by stream and time", () => {
    const other = "2026/01/31/[$LATEST]ffffffffffffffffffffffffffffffff";
    const rows = summarizeInvocations(
      [
        ev(0, `START RequestId: ${A} Version: $LATEST`),
        ev(0, `START RequestId: ${B} Version: $LATEST`, other),
        ev(5, "[ERROR] KeyError: 'orderId'\rTraceback (most recent call last):"),
        ev(
          9,
          `REPORT RequestId: ${B}\tDuration: 9.00 ms\tBilled Duration: 9 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB`,
          other,
        ),
        ev(
          10,
          `REPORT RequestId: ${A}\tDuration: 10.00 ms\tBilled Duration: 10 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB`,
        ),
      ],
      ctx,
    );
    expect(rows.find((r) => r.RequestId === A)).toMatchObject({ Status: "Error", ErrorType: "KeyError" });
    expect(rows.find((r) => r.RequestId === B)).toMatchObject({ Status: "Success" });
  });

  it("builds summaries from JSON platform records", () => {
    const rows = summarizeInvocations(
      [
        ev(
          0,
          `{"time":"2026-01-31T12:00:00.000Z","type":"platform.initStart","record":{"initializationType":"on-demand","phase":"init","runtimeVersion":"nodejs:22.v40"}}`,
        ),
        ev(
          160,
          `{"time":"2026-01-31T12:00:00.160Z","type":"platform.start","record":{"requestId":"${A}","version":"$LATEST"}}`,
        ),
        ev(
          170,
          `{"timestamp":"2026-01-31T12:00:00.170Z","level":"ERROR","requestId":"${A}","message":"Invoke Error \\t{\\"errorType\\":\\"TypeError\\",\\"errorMessage\\":\\"bad input\\",\\"stack\\":[]}"}`,
        ),
        ev(
          172,
          `{"time":"2026-01-31T12:00:00.172Z","type":"platform.runtimeDone","record":{"requestId":"${A}","status":"error","errorType":"TypeError","metrics":{"durationMs":12.4}}}`,
        ),
        ev(
          172,
          `{"time":"2026-01-31T12:00:00.172Z","type":"platform.report","record":{"requestId":"${A}","metrics":{"durationMs":12.4,"billedDurationMs":173,"memorySizeMB":256,"maxMemoryUsedMB":80,"initDurationMs":160.2},"status":"error","errorType":"TypeError"}}`,
        ),
        ev(
          900,
          `{"time":"2026-01-31T12:00:00.900Z","type":"platform.report","record":{"requestId":"${B}","metrics":{"durationMs":3000,"billedDurationMs":3000,"memorySizeMB":256,"maxMemoryUsedMB":81},"status":"timeout"}}`,
        ),
      ],
      ctx,
    );
    expect(rows.map((r) => [r.RequestId, r.Status, r.ErrorType, r.InitDurationMs])).toEqual([
      [B, "Timeout", undefined, undefined],
      [A, "Error", "TypeError", 160.2],
    ]);
    expect(rows[1]).toMatchObject({
      ErrorMessage: "bad input",
      MemorySizeMB: 256,
      StartTime: "2026-01-31T12:00:00.159Z",
    });
  });

  it("shows an asynchronous invocation's retries once, as its newest attempt", () => {
    const rows = summarizeInvocations(
      [
        ev(
          0,
          `REPORT RequestId: ${A}\tDuration: 5.00 ms\tBilled Duration: 5 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB`,
        ),
        ev(
          60_000,
          `REPORT RequestId: ${A}\tDuration: 7.00 ms\tBilled Duration: 7 ms\tMemory Size: 128 MB\tMax Memory Used: 41 MB`,
        ),
      ],
      ctx,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ DurationMs: 7, EndTime: "2026-01-31T12:01:00.000Z" });
  });
});
