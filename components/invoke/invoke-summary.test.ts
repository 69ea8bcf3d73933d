import { describe, expect, it } from "vitest";
import { formatMs } from "./invoke-summary";

describe("formatMs", () => {
  it("formats durations", () => {
    expect(formatMs(4)).toBe("4 ms");
    expect(formatMs(12.345)).toBe("12.35 ms");
    expect(formatMs(1234.5)).toBe("1.23 s");
    expect(formatMs(undefined)).toBe("—");
  });
});
