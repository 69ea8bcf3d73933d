import { describe, expect, it } from "vitest";
import { filterFunctions, matchesQuery } from "./filter-functions";

const fns = [
  { FunctionName: "orders-api", Runtime: "nodejs22.x", Description: "Takes orders" },
  { FunctionName: "thumbnailer", Runtime: "python3.13", Description: "Resizes images" },
  { FunctionName: "order-total", Runtime: "nodejs20.x" },
];

describe("filterFunctions", () => {
  it("matches name, runtime and description, case-insensitively", () => {
    expect(filterFunctions(fns, "ORDER").map((f) => f.FunctionName)).toEqual(["orders-api", "order-total"]);
    expect(filterFunctions(fns, "python").map((f) => f.FunctionName)).toEqual(["thumbnailer"]);
    expect(filterFunctions(fns, "images").map((f) => f.FunctionName)).toEqual(["thumbnailer"]);
  });
  it("requires every word", () => {
    expect(filterFunctions(fns, "order nodejs20").map((f) => f.FunctionName)).toEqual(["order-total"]);
  });
  it("returns everything for a blank query", () => {
    expect(filterFunctions(fns, "  ")).toHaveLength(3);
    expect(matchesQuery(fns[0]!, "")).toBe(true);
  });
});
