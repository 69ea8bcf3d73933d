import { describe, expect, it } from "vitest";
import { formatMs, summarizeInvoke } from "./invoke-summary";

const LOG =
  "START RequestId: r-1 Version: $LATEST\nEND RequestId: r-1\nREPORT RequestId: r-1\tDuration: 3.5 ms\tBilled Duration: 4 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\t\n";

describe("summarizeInvoke", () => {
  it("reports success with the REPORT metrics and request id", () => {
    expect(
      summarizeInvoke({
        StatusCode: 200,
        Payload: '{"ok":true}',
        LogTail: LOG,
        RequestId: "r-1",
        ClientDurationMs: 20,
      }),
    ).toEqual({
      status: "success",
      requestId: "r-1",
      report: { requestId: "r-1", durationMs: 3.5, billedDurationMs: 4, memorySizeMb: 128, maxMemoryUsedMb: 40 },
    });
  });
  it("reads errorType and errorMessage from a function error's payload", () => {
    const summary = summarizeInvoke({
      StatusCode: 200,
      FunctionError: "Unhandled",
      Payload: JSON.stringify({ errorType: "TypeError", errorMessage: "x is undefined", trace: [] }),
      ClientDurationMs: 5,
    });
    expect(summary).toMatchObject({
      status: "function-error",
      functionError: "Unhandled",
      errorType: "TypeError",
      errorMessage: "x is undefined",
    });
    expect(summary.report).toBeUndefined();
  });
  it("copes with a non-JSON error payload and takes the request id from the log", () => {
    expect(
      summarizeInvoke({
        StatusCode: 200,
        FunctionError: "Unhandled",
        Payload: "boom",
        LogTail: LOG,
        ClientDurationMs: 1,
      }),
    ).toMatchObject({ status: "function-error", requestId: "r-1" });
  });
});

describe("formatMs", () => {
  it("formats durations", () => {
    expect(formatMs(4)).toBe("4 ms");
    expect(formatMs(12.345)).toBe("12.35 ms");
    expect(formatMs(1234.5)).toBe("1.23 s");
    expect(formatMs(undefined)).toBe("—");
  });
});
