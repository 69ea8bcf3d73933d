import { describe, expect, it } from "vitest";
import {
  createCompressedScale,
  createTimeScale,
  executionDomain,
  foldingHelps,
  idleGaps,
  MIN_SPAN_MS,
  tickStep,
} from "./time-scale";

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

describe("createCompressedScale", () => {
  // 0–1 s of work, an hour of waiting, then 1 s of work.
  const H = 3_600_000;
  const busy = [
    { from: 0, to: 1000 },
    { from: H + 1000, to: H + 2000 },
  ];
  const scale = createCompressedScale(0, H + 2000, busy);

  it("folds the long idle gap into one narrow break", () => {
    expect(idleGaps(0, H + 2000, busy)).toEqual([{ from: 1000, to: H + 1000 }]);
    expect(scale.breaks).toHaveLength(1);
    const b = scale.breaks[0]!;
    expect(b.x1 - b.x0).toBeCloseTo(0.04);
    // The two seconds of work share the rest of the track equally.
    expect(scale.x(1000)).toBeCloseTo(0.48);
    expect(scale.x(H + 1000)).toBeCloseTo(0.52);
    expect(scale.x(500)).toBeCloseTo(0.24);
    expect(scale.x(H + 2000)).toBe(1);
  });

  it("keeps time monotonic across the break", () => {
    const xs = [0, 999, 1000, 1001, H / 2, H + 999, H + 1000, H + 1500].map(scale.x);
    expect([...xs].sort((p, q) => p - q)).toEqual(xs);
  });

  it("puts ticks only where time is drawn to scale, one step throughout", () => {
    const ticks = scale.ticks(20);
    expect(ticks.length).toBeGreaterThan(4);
    for (const tick of ticks) expect(tick.at < 1000 + 1e-6 || tick.at >= H + 1000 - 1e-6).toBe(true);
    expect(ticks[0]?.label).toBe("0");
    expect(ticks.at(-1)?.label).toBe("1h 2s");
  });

  it("is the linear scale when nothing is idle for long", () => {
    const plain = createCompressedScale(0, 10_000, [{ from: 0, to: 9_000 }]);
    expect(plain.breaks).toEqual([]);
    expect(plain.x(5_000)).toBe(0.5);
    expect(createCompressedScale(0, 10_000, []).breaks).toEqual([]);
  });
});

describe("foldingHelps", () => {
  it("says so when idle time takes most of the axis", () => {
    expect(
      foldingHelps(0, 100_000, [
        { from: 0, to: 1_000 },
        { from: 99_000, to: 100_000 },
      ]),
    ).toBe(true);
    expect(foldingHelps(0, 100_000, [{ from: 0, to: 70_000 }])).toBe(false);
  });
});
