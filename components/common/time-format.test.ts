import { describe, expect, it } from "vitest";
import { formatAbsoluteUtc, formatRelative, parseLambdaDate } from "./time-format";

describe("parseLambdaDate", () => {
  it("reads Lambda's +0000 offset form", () => {
    expect(parseLambdaDate("2024-05-01T12:00:00.000+0000")?.toISOString()).toBe("2024-05-01T12:00:00.000Z");
    expect(parseLambdaDate("2024-05-01T14:00:00.000+0200")?.toISOString()).toBe("2024-05-01T12:00:00.000Z");
  });
  it("reads plain ISO strings and rejects garbage", () => {
    expect(parseLambdaDate("2024-05-01T12:00:00Z")?.getTime()).toBe(Date.UTC(2024, 4, 1, 12));
    expect(parseLambdaDate("yesterday")).toBeUndefined();
    expect(parseLambdaDate(undefined)).toBeUndefined();
  });
});

describe("formatRelative", () => {
  const now = new Date("2024-05-10T12:00:00Z");
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
  it("picks the largest sensible unit", () => {
    expect(formatRelative(ago(3), now)).toBe("just now");
    expect(formatRelative(ago(45), now)).toBe("45 seconds ago");
    expect(formatRelative(ago(5 * 60), now)).toBe("5 minutes ago");
    expect(formatRelative(ago(3 * 3600), now)).toBe("3 hours ago");
    expect(formatRelative(ago(86400), now)).toBe("yesterday");
    expect(formatRelative(ago(14 * 86400), now)).toBe("2 weeks ago");
    expect(formatRelative(ago(400 * 86400), now)).toBe("last year");
  });
  it("handles the future", () => {
    expect(formatRelative(new Date(now.getTime() + 2 * 3600 * 1000), now)).toBe("in 2 hours");
  });
});

describe("formatAbsoluteUtc", () => {
  it("prints a sortable UTC timestamp", () => {
    expect(formatAbsoluteUtc(new Date("2024-05-01T12:34:56.789Z"))).toBe("2024-05-01 12:34:56 UTC");
  });
});
