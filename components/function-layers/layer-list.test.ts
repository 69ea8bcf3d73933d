import { describe, expect, it } from "vitest";
import { compatibilityProblem, layerLabel, moveItem } from "./layer-list";

describe("function layer list", () => {
  it("labels layer version ARNs", () => {
    expect(layerLabel("arn:aws:lambda:us-east-1:000000000000:layer:deps:3")).toEqual({
      name: "deps",
      version: 3,
      account: "000000000000",
    });
    expect(layerLabel("weird")).toEqual({ name: "weird" });
  });

  it("reorders", () => {
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b"], 0, 1)).toEqual(["b", "a"]);
    expect(moveItem(["a", "b"], 1, 2)).toEqual(["a", "b"]);
  });

  it("warns about runtime and architecture mismatches", () => {
    const v = { CompatibleRuntimes: ["python3.12"], CompatibleArchitectures: ["arm64"] };
    expect(compatibilityProblem(v, "nodejs22.x", "x86_64")).toBe("Declared for python3.12, not nodejs22.x.");
    expect(compatibilityProblem(v, "python3.12", "x86_64")).toBe("Built for arm64, not x86_64.");
    expect(compatibilityProblem(v, "python3.12", "arm64")).toBeUndefined();
    expect(compatibilityProblem({}, "nodejs22.x", "x86_64")).toBeUndefined();
  });
});
