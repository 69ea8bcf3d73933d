import { describe, expect, it } from "vitest";
import { shortSha } from "./short-sha";

describe("shortSha", () => {
  it("keeps the first 10 characters", () => {
    expect(shortSha("sn0APGXNtdnnkGNXD1nwbk4nI5imM+XvByE=")).toBe("sn0APGXNtd…");
    expect(shortSha("short")).toBe("short");
    expect(shortSha(undefined)).toBe("—");
  });
});
