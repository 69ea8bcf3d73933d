import { describe, expect, it } from "vitest";
import { parseLogTail, parseReport } from "./log-lines";

const TAIL = [
  "START RequestId: 6f1c-42 Version: $LATEST",
  "2024-05-01T12:00:00.000Z\t6f1c-42\tINFO\tReceived event: {}",
  "2024-05-01T12:00:00.001Z\t6f1c-42\tERROR\tsomething broke",
  "END RequestId: 6f1c-42",
  "REPORT RequestId: 6f1c-42\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 58 MB\tInit Duration: 140.02 ms\t",
  "",
].join("\n");

describe("parseLogTail", () => {
  it("classifies START, END, REPORT, errors and plain lines", () => {
    expect(parseLogTail(TAIL).map((l) => l.kind)).toEqual(["start", "text", "error", "end", "report"]);
  });
  it("handles an empty or missing tail", () => {
    expect(parseLogTail(undefined)).toEqual([]);
    expect(parseLogTail("")).toEqual([]);
  });
  it("recognises Python errors and timeouts", () => {
    expect(parseLogTail("[ERROR] KeyError: 'x'")[0]?.kind).toBe("error");
    expect(parseLogTail("2024-05-01T12:00:03Z 6f1c Task timed out after 3.00 seconds")[0]?.kind).toBe("error");
  });
});

describe("parseReport", () => {
  it("reads the REPORT metrics", () => {
    expect(parseReport(TAIL)).toEqual({
      requestId: "6f1c-42",
      durationMs: 12.34,
      billedDurationMs: 13,
      memorySizeMb: 128,
      maxMemoryUsedMb: 58,
      initDurationMs: 140.02,
    });
  });
  it("reads the JSON log format's platform.report", () => {
    const json = [
      '{"time":"2026-01-31T12:00:00.100Z","type":"platform.start","record":{"requestId":"6f1c-42","version":"$LATEST"}}',
      '{"timestamp":"2026-01-31T12:00:00.101Z","level":"ERROR","requestId":"6f1c-42","message":"broke"}',
      '{"time":"2026-01-31T12:00:00.112Z","type":"platform.report","record":{"requestId":"6f1c-42","metrics":{"durationMs":12.34,"billedDurationMs":13,"memorySizeMB":128,"maxMemoryUsedMB":58},"status":"success"}}',
    ].join("\n");
    expect(parseLogTail(json).map((l) => l.kind)).toEqual(["start", "error", "report"]);
    expect(parseReport(json)).toEqual({
      requestId: "6f1c-42",
      durationMs: 12.34,
      billedDurationMs: 13,
      memorySizeMb: 128,
      maxMemoryUsedMb: 58,
    });
  });
  it("is undefined without a REPORT line", () => {
    expect(parseReport("START RequestId: x")).toBeUndefined();
  });
});
