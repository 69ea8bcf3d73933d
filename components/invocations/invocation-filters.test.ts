import { describe, expect, it } from "vitest";
import type { InvocationSummary } from "@/lib/lambda-types";
import { applyFilters, filtersToSearch, hasFilters, parseFilters, pastWindow } from "./invocation-filters";

const NOW = Date.parse("2026-01-15T12:00:00Z");
function row(
  minutesAgo: number,
  durationMs: number,
  status: InvocationSummary["Status"] = "Success",
): InvocationSummary {
  const start = new Date(NOW - minutesAgo * 60_000).toISOString();
  return {
    RequestId: `r-${minutesAgo}`,
    FunctionName: "fn",
    Version: "$LATEST",
    InvocationType: "RequestResponse",
    StartTime: start,
    EndTime: start,
    DurationMs: durationMs,
    BilledDurationMs: Math.ceil(durationMs),
    MemorySizeMB: 128,
    MaxMemoryUsedMB: 40,
    Status: status,
    RequestPayloadBytes: 2,
    ResponsePayloadBytes: 2,
    ResponseStreamed: false,
  };
}
const rows = [row(1, 5), row(10, 1500, "Error"), row(90, 200), row(3000, 4000, "Timeout")];

describe("invocation filters", () => {
  it("round-trip through the URL and ignore junk", () => {
    const filters = { status: "Error" as const, since: "1h" as const, minDurationMs: 1000 };
    const search = filtersToSearch(filters);
    expect(search).toBe("?status=Error&since=1h&minDuration=1000");
    expect(parseFilters(new URLSearchParams(search))).toEqual(filters);
    expect(parseFilters(new URLSearchParams("status=Nope&since=2y&minDuration=-4"))).toEqual({});
    expect(filtersToSearch({})).toBe("");
    expect(hasFilters({})).toBe(false);
  });

  it("filter by time window, minimum duration and status", () => {
    expect(applyFilters(rows, { since: "15m" }, NOW).map((r) => r.RequestId)).toEqual(["r-1", "r-10"]);
    expect(applyFilters(rows, { minDurationMs: 1000 }, NOW).map((r) => r.RequestId)).toEqual(["r-10", "r-3000"]);
    expect(applyFilters(rows, { status: "Timeout" }, NOW).map((r) => r.RequestId)).toEqual(["r-3000"]);
    expect(applyFilters(rows, { since: "24h", minDurationMs: 100 }, NOW).map((r) => r.RequestId)).toEqual([
      "r-10",
      "r-90",
    ]);
  });

  it("knows when older pages cannot match the time window", () => {
    expect(pastWindow(rows, { since: "1h" }, NOW)).toBe(true);
    expect(pastWindow(rows.slice(0, 2), { since: "1h" }, NOW)).toBe(false);
    expect(pastWindow(rows, {}, NOW)).toBe(false);
  });
});
