import { describe, expect, it } from "vitest";
import { formatBytes, formatMegabytes, formatSeconds } from "./format-bytes";

describe("formatBytes", () => {
  it("keeps small sizes in bytes", () => {
    expect(formatBytes(0)).toBe("0 bytes");
    expect(formatBytes(1)).toBe("1 byte");
    expect(formatBytes(1023)).toBe("1023 bytes");
  });
  it("uses binary units with one decimal below 10", () => {
    expect(formatBytes(1024)).toBe("1 KB");
    expect(formatBytes(2500)).toBe("2.4 KB");
    expect(formatBytes(512 * 1024)).toBe("512 KB");
    expect(formatBytes(50 * 1024 * 1024)).toBe("50 MB");
    expect(formatBytes(3 * 1024 ** 3)).toBe("3 GB");
  });
  it("shows a dash for missing or invalid sizes", () => {
    expect(formatBytes(undefined)).toBe("—");
    expect(formatBytes(-5)).toBe("—");
    expect(formatBytes(Number.NaN)).toBe("—");
  });
});

describe("formatMegabytes / formatSeconds", () => {
  it("formats memory settings", () => {
    expect(formatMegabytes(128)).toBe("128 MB");
    expect(formatMegabytes(1536)).toBe("1536 MB");
    expect(formatMegabytes(10240)).toBe("10 GB");
  });
  it("formats timeouts", () => {
    expect(formatSeconds(3)).toBe("3 s");
    expect(formatSeconds(90)).toBe("1 min 30 s");
    expect(formatSeconds(900)).toBe("15 min");
    expect(formatSeconds(undefined)).toBe("—");
  });
});
