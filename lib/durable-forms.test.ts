import { describe, expect, it } from "vitest";
import { executionNameProblem } from "./durable-forms";

describe("executionNameProblem", () => {
  it("accepts a blank name (Lambda makes one) and names the API accepts, after trimming", () => {
    expect(executionNameProblem("")).toBeUndefined();
    expect(executionNameProblem("   ")).toBeUndefined();
    expect(executionNameProblem(" order-42_b ")).toBeUndefined();
  });

  it("refuses what the API refuses", () => {
    expect(executionNameProblem("order 42")).toBe("Use 1–64 letters, numbers, hyphens and underscores.");
    expect(executionNameProblem("x".repeat(65))).toBe("Use 1–64 letters, numbers, hyphens and underscores.");
  });
});
