import { describe, expect, it } from "vitest";
import { anyRunning, executionFiltersToSearch, parseExecutionFilters } from "./execution-filters";

describe("execution filters", () => {
  it("reads known statuses and a trimmed name from the URL", () => {
    expect(parseExecutionFilters(new URLSearchParams("status=RUNNING&name=%20order-42%20"))).toEqual({
      status: "RUNNING",
      name: "order-42",
    });
    expect(parseExecutionFilters(new URLSearchParams("status=bogus&name="))).toEqual({});
    expect(parseExecutionFilters(new URLSearchParams("qualifier=prod"))).toEqual({ qualifier: "prod" });
    expect(parseExecutionFilters(new URLSearchParams("qualifier=%24LATEST"))).toEqual({});
    expect(parseExecutionFilters(new URLSearchParams("qualifier=a%2Fb"))).toEqual({});
  });

  it("writes them back, and nothing for no filters", () => {
    expect(executionFiltersToSearch({ status: "FAILED", name: "a b" })).toBe("?status=FAILED&name=a+b");
    expect(executionFiltersToSearch({ qualifier: "3" })).toBe("?qualifier=3");
    expect(executionFiltersToSearch({})).toBe("");
  });

  it("knows when something still runs", () => {
    expect(anyRunning([{ Status: "SUCCEEDED" }, { Status: "RUNNING" }])).toBe(true);
    expect(anyRunning([{ Status: "STOPPED" }])).toBe(false);
  });
});
