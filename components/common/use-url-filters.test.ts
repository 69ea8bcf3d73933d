import { describe, expect, it } from "vitest";
import { withFilter } from "./use-url-filters";

interface Filters {
  status?: string;
  name?: string;
}

describe("withFilter", () => {
  it("sets one filter and keeps the others", () => {
    expect(withFilter<Filters, "status">({ name: "a" }, "status", "FAILED")).toEqual({ name: "a", status: "FAILED" });
    expect(withFilter<Filters, "status">({ status: "RUNNING" }, "status", "FAILED")).toEqual({ status: "FAILED" });
  });

  it("drops the filter when the value is undefined, leaving no key behind", () => {
    const next = withFilter<Filters, "status">({ status: "RUNNING", name: "a" }, "status", undefined);
    expect(next).toEqual({ name: "a" });
    expect("status" in next).toBe(false);
  });
});
