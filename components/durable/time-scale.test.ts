import { describe, expect, it } from "vitest";
import { createTimeScale, executionDomain, MIN_SPAN_MS, tickStep } from "./time-scale";

describe("tickStep", () => {
  it("picks the smallest nice step within the tick budget", () => {
    expect(tickStep(1000, 10)).toBe(100);
    expect(tickStep(1000, 8)).toBe(200);
    expect(tickStep(20_130, 8)).toBe(5000);
    expect(tickStep(90 * 60_000, 6)).toBe(15 * 60_000);
    expect(tickStep(3 * 86_400_000, 6)).toBe(12 * 3_600_000);
    expect(tickStep(3 * 86_400_000, 3)).toBe(86_400_000);
  });
});

describe("createTimeScale", () => {
  const scale = createTimeScale(1000, 3000);

  it("maps times across the track and clamps outside the domain", () => {
    expect(scale.x(1000)).toBe(0);
    expect(scale.x(2000)).toBe(0.5);
    expect(scale.x(5000)).toBe(1);
    expect(scale.x(0)).toBe(0);
    expect(scale.width(1500, 2500)).toBe(0.5);
    expect(scale.width(2500, 1500)).toBe(0);
  });

  it("labels ticks as elapsed time from the start", () => {
    const ticks = scale.ticks(4);
    expect(ticks.map((t) => t.label)).toEqual(["0", "500ms", "1s", "1.5s", "2s"]);
    expect(ticks.map((t) => t.x)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it("gives an instant a readable span", () => {
    const instant = createTimeScale(1000, 1000);
    expect(instant.end - instant.start).toBe(MIN_SPAN_MS);
    expect(instant.x(1050)).toBe(0.5);
  });
});

describe("executionDomain", () => {
  it("is the execution's span once it has ended", () => {
    expect(executionDomain({ start: 0, end: 20_000, now: 99_999 })).toEqual({ start: 0, end: 20_000 });
  });

  it("runs a little past now while the execution runs", () => {
    const d = executionDomain({ start: 0, now: 10_000 });
    expect(d.end).toBeGreaterThan(10_000);
    expect(d.end).toBeLessThan(11_000);
  });

  it("stretches to a near wake-up but not to one days away", () => {
    expect(executionDomain({ start: 0, now: 10_000, scheduled: [14_000] }).end).toBeGreaterThanOrEqual(14_000);
    expect(executionDomain({ start: 0, now: 10_000, scheduled: [86_400_000] }).end).toBeLessThan(11_000);
  });
});
