import { describe, expect, it, vi } from "vitest";

// The query module imports the server actions; their bodies never run in these tests.
vi.mock("@/lib/actions/functions", () => ({}));
const { isSettling, functionOptions, functionsListOptions } = await import("./functions");
const { queryKeys } = await import("./keys");

describe("function queries", () => {
  it("polls while Lambda is creating or updating", () => {
    expect(isSettling({ State: "Pending" })).toBe(true);
    expect(isSettling({ State: "Active", LastUpdateStatus: "InProgress" })).toBe(true);
    expect(isSettling({ State: "Active", LastUpdateStatus: "Successful" })).toBe(false);
    expect(isSettling(undefined)).toBe(false);
  });
  it("keys detail and list under one prefix, so invalidating `functions` covers both", () => {
    const all = queryKeys.functions.all();
    expect(functionOptions("a").queryKey.slice(0, all.length)).toEqual(all);
    expect(functionsListOptions().queryKey.slice(0, all.length)).toEqual(all);
    expect(functionOptions("a").queryKey).not.toEqual(functionOptions("b").queryKey);
  });
});
