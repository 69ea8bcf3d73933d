import { describe, expect, it } from "vitest";
import { formatClock, formatDuration, formatOffset, formatSpanWords } from "./duration-format";

describe("formatDuration", () => {
  it("adapts its unit to the size", () => {
    expect(formatDuration(0)).toBe("0 ms");
    expect(formatDuration(840.4)).toBe("840 ms");
    expect(formatDuration(1240)).toBe("1.24 s");
    expect(formatDuration(12_345)).toBe("12.3 s");
    expect(formatDuration(125_000)).toBe("2m 05s");
    expect(formatDuration(3_720_000)).toBe("1h 02m");
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe("3d 04h");
  });

  it("says nothing for unknown durations and never goes negative", () => {
    expect(formatDuration(undefined)).toBe("—");
    expect(formatDuration(Number.NaN)).toBe("—");
    expect(formatDuration(-5)).toBe("0 ms");
  });
});

describe("formatOffset", () => {
  it("labels sub-second steps in ms, then seconds", () => {
    expect(formatOffset(0, 200)).toBe("0");
    expect(formatOffset(400, 200)).toBe("400ms");
    expect(formatOffset(1200, 200)).toBe("1.2s");
    expect(formatOffset(1050, 50)).toBe("1.05s");
  });

  it("labels longer steps in minutes, hours and days", () => {
    expect(formatOffset(30_000, 10_000)).toBe("30s");
    expect(formatOffset(90_000, 30_000)).toBe("1m 30s");
    expect(formatOffset(120_000, 60_000)).toBe("2m");
    expect(formatOffset(5_400_000, 1_800_000)).toBe("1h 30m");
    expect(formatOffset(86_400_000 + 6 * 3_600_000, 6 * 3_600_000)).toBe("1d 6h");
  });

  it("keeps sub-second precision far from the start (past a folded hour)", () => {
    expect(formatOffset(3_601_200, 200)).toBe("1h 1.2s");
    expect(formatOffset(3_660_000, 200)).toBe("1h 1m");
    expect(formatOffset(59_999, 1000)).toBe("1m");
  });
});

describe("formatClock", () => {
  it("prints UTC time of day with milliseconds", () => {
    expect(formatClock(Date.UTC(2026, 0, 2, 14, 3, 7, 120))).toBe("14:03:07.120");
  });
});

describe("formatSpanWords", () => {
  it("spells a configured span in at most two units", () => {
    expect(formatSpanWords(86_400)).toBe("1 day");
    expect(formatSpanWords(9_000)).toBe("2 hours 30 minutes");
    expect(formatSpanWords(90_061)).toBe("1 day 1 hour");
    expect(formatSpanWords(45)).toBe("45 seconds");
    expect(formatSpanWords(0)).toBe("0 seconds");
  });
});
