import { describe, expect, it } from "vitest";
import { compileFilterPattern, FilterPatternError } from "./filter-pattern";

const REPORT =
  "REPORT RequestId: 6f1c…\tDuration: 2.50 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\n";
const NODE_ERROR =
  '2026-01-31T12:00:00.000Z\t6f1c…\tERROR\tInvoke Error \t{"errorType":"TypeError","errorMessage":"bad","stack":[]}\n';

describe("term patterns", () => {
  it("matches everything when empty", () => {
    expect(compileFilterPattern(undefined)("x")).toBe(true);
    expect(compileFilterPattern("  ")("x")).toBe(true);
  });

  it("needs every plain term, any ?term, and no -term; case-sensitive substrings", () => {
    expect(compileFilterPattern("REPORT Duration")(REPORT)).toBe(true);
    expect(compileFilterPattern("REPORT Timeout")(REPORT)).toBe(false);
    expect(compileFilterPattern("report")(REPORT)).toBe(false);
    expect(compileFilterPattern("?REPORT ?ERROR")(NODE_ERROR)).toBe(true);
    expect(compileFilterPattern("?START ?END")(NODE_ERROR)).toBe(false);
    expect(compileFilterPattern("ERROR -TypeError")(NODE_ERROR)).toBe(false);
  });

  it("keeps quoted phrases whole, spaces and punctuation included", () => {
    expect(compileFilterPattern('"Billed Duration: 3 ms"')(REPORT)).toBe(true);
    expect(compileFilterPattern('"Billed Duration: 4 ms"')(REPORT)).toBe(false);
    expect(compileFilterPattern('?"Invoke Error" ?"Task timed out"')(NODE_ERROR)).toBe(true);
    expect(() => compileFilterPattern('"open')).toThrow(FilterPatternError);
  });

  it("reads %regex% terms", () => {
    expect(compileFilterPattern("%Duration:.[0-9.]+.ms%")(REPORT)).toBe(true);
    expect(compileFilterPattern("%^START%")(REPORT)).toBe(false);
  });

  it("refuses space-delimited patterns instead of guessing", () => {
    expect(() => compileFilterPattern("[ip, user, ...]")).toThrow(FilterPatternError);
  });
});

describe("JSON patterns", () => {
  const report = JSON.stringify({
    time: "2026-01-31T12:00:00.000Z",
    type: "platform.report",
    record: { requestId: "r1", metrics: { durationMs: 12.5, billedDurationMs: 13 }, status: "timeout", tags: ["a"] },
  });

  it("compares strings (with * wildcards) and numbers, with && || and parentheses", () => {
    expect(compileFilterPattern('{ $.type = "platform.report" }')(report)).toBe(true);
    expect(compileFilterPattern('{ $.type = "platform.*" && $.record.metrics.durationMs > 10 }')(report)).toBe(true);
    expect(compileFilterPattern("{ $.record.metrics.durationMs >= 13 }")(report)).toBe(false);
    expect(compileFilterPattern('{ $.type != "platform.report" || ($.record.status = timeout) }')(report)).toBe(true);
    expect(compileFilterPattern('{ $.record.tags[0] = "a" }')(report)).toBe(true);
  });

  it("tests existence and never matches text that is not JSON", () => {
    expect(compileFilterPattern("{ $.record.errorType NOT EXISTS }")(report)).toBe(true);
    expect(compileFilterPattern('{ $.type = "platform.report" }')(REPORT)).toBe(false);
  });

  it("refuses malformed patterns", () => {
    expect(() => compileFilterPattern("{ $.a = }")).toThrow(FilterPatternError);
    expect(() => compileFilterPattern('{ $.a = "x"')).toThrow(FilterPatternError);
    expect(() => compileFilterPattern('{ $.a > "x" }')).toThrow(FilterPatternError);
  });
});
