import { describe, expect, it } from "vitest";
import { barOf, invocationLane } from "./bar-segments";
import { T0, historyBuilder, orderHistory } from "./history-fixtures";
import { buildExecutionModel } from "./history-model";

const rel = (segments: { kind: string; from: number; to: number }[]) =>
  segments.map((s) => [s.kind, s.from - T0, s.to - T0]);

describe("barOf", () => {
  const done = buildExecutionModel(orderHistory());

  it("draws a retried step as attempts with the delays between them, and marks each failure", () => {
    const bar = barOf(done.byId.get("s2")!, T0 + 99_999);
    expect(rel(bar.segments)).toEqual([
      ["attempt", 45, 95],
      ["retry-delay", 95, 1100],
      ["attempt", 1100, 1150],
      ["retry-delay", 1150, 3160],
      ["attempt", 3160, 3260],
    ]);
    expect(bar.segments.map((s) => s.tone)).toEqual(["failed", "neutral", "failed", "neutral", "succeeded"]);
    expect(bar.markers.map((m) => [m.kind, m.at - T0, m.label])).toEqual([
      ["retry", 95, "Attempt 1 failed; next in 1 second"],
      ["retry", 1150, "Attempt 2 failed; next in 2 seconds"],
    ]);
    expect([bar.from - T0, bar.to - T0]).toEqual([45, 3260]);
  });

  it("draws a finished wait as one segment and no due marker", () => {
    const bar = barOf(done.byId.get("w1")!, T0 + 99_999);
    expect(rel(bar.segments)).toEqual([["wait", 3270, 8270]]);
    expect(bar.markers).toEqual([]);
  });

  it("grows open bars to now and shows what is still scheduled", () => {
    const events = historyBuilder()
      .started(0)
      .waitStarted(100, "w", "pause", 10)
      .step(200, "s", "flaky", "start")
      .step(300, "s", "flaky", { retryIn: 5, error: "nope" }).events;
    const model = buildExecutionModel(events);
    const now = T0 + 2_000;
    const wait = barOf(model.byId.get("w")!, now);
    expect(rel(wait.segments)).toEqual([
      ["wait", 100, 2000],
      ["scheduled", 2000, 10_100],
    ]);
    expect(wait.segments[0]?.live).toBe(true);
    expect(wait.markers.map((m) => [m.kind, m.at - T0])).toEqual([["due", 10_100]]);
    const step = barOf(model.byId.get("s")!, now);
    expect(rel(step.segments)).toEqual([
      ["attempt", 200, 300],
      ["retry-delay", 300, 2000],
      ["scheduled", 2000, 5300],
    ]);
    expect(step.markers.map((m) => m.kind)).toEqual(["retry", "due"]);
  });

  it("shows a pending callback growing with now and its timeout", () => {
    const model = buildExecutionModel(orderHistory({ complete: false }));
    const bar = barOf(model.byId.get("c1cb")!, T0 + 10_000);
    expect(rel(bar.segments)).toEqual([["callback", 8306, 10_000]]);
    expect(bar.segments[0]).toMatchObject({ tone: "running", live: true });
    expect(bar.markers.map((m) => [m.kind, m.at - T0])).toEqual([["timeout", 8306 + 300_000]]);
  });
});

describe("invocationLane", () => {
  it("alternates runs and suspensions", () => {
    const model = buildExecutionModel(orderHistory());
    const lane = invocationLane(model.invocations, model.end, T0 + 99_999);
    expect(lane.map((s) => [s.kind, s.from - T0, s.to - T0])).toEqual([
      ["ran", 0, 120],
      ["suspended", 120, 1090],
      ["ran", 1090, 1160],
      ["suspended", 1160, 3150],
      ["ran", 3150, 3300],
      ["suspended", 3300, 8280],
      ["ran", 8280, 8340],
      ["suspended", 8340, 20_010],
      ["ran", 20_010, 20_140],
    ]);
  });

  it("ends with a live suspension while the execution waits, or a live run while it runs", () => {
    const waiting = buildExecutionModel(orderHistory({ complete: false }));
    const lane = invocationLane(waiting.invocations, undefined, T0 + 12_000);
    expect(lane.at(-1)).toMatchObject({ kind: "suspended", from: T0 + 8340, to: T0 + 12_000, live: true });

    const running = invocationLane([{ number: 1, start: T0 }], undefined, T0 + 500);
    expect(running).toEqual([
      { kind: "ran", from: T0, to: T0 + 500, live: true, invocation: { number: 1, start: T0 } },
    ]);
  });
});
