/**
 * The timeline's shared time axis: the execution's span (growing with "now" while it runs) mapped to
 * 0…1 across the track, with "nice" ticks (1/2/5 × 10ⁿ ms, then seconds, minutes, hours, days).
 */
import { formatOffset } from "./duration-format";

export interface Tick {
  /** Absolute time (epoch ms). */
  at: number;
  /** Position across the track, 0…1. */
  x: number;
  label: string;
}

export interface TimeScale {
  start: number;
  end: number;
  /** Position of a time across the track, clamped to 0…1. */
  x: (at: number) => number;
  /** Width of an interval as a fraction of the track (never negative). */
  width: (from: number, to: number) => number;
  ticks: (maxCount: number) => Tick[];
}

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

/** Tick steps a person reads easily, smallest first. */
// prettier-ignore
export const TICK_STEPS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500,
  S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S,
  M, 2 * M, 5 * M, 10 * M, 15 * M, 30 * M,
  H, 2 * H, 3 * H, 6 * H, 12 * H,
  D, 2 * D, 7 * D, 14 * D, 30 * D, 90 * D, 180 * D, 365 * D,
];

/** The smallest nice step that puts at most `maxCount` intervals on `spanMs`. */
export function tickStep(spanMs: number, maxCount: number): number {
  const target = spanMs / Math.max(1, maxCount);
  return TICK_STEPS.find((step) => step >= target) ?? TICK_STEPS[TICK_STEPS.length - 1]!;
}

/** The least span the axis shows: an instant execution still gets a readable axis. */
export const MIN_SPAN_MS = 100;

export function createTimeScale(start: number, end: number): TimeScale {
  const span = Math.max(MIN_SPAN_MS, end - start);
  const stop = start + span;
  const x = (at: number) => Math.min(1, Math.max(0, (at - start) / span));
  return {
    start,
    end: stop,
    x,
    width: (from, to) => Math.max(0, x(to) - x(from)),
    ticks: (maxCount) => {
      const step = tickStep(span, maxCount);
      const out: Tick[] = [];
      // Offsets from the start, so labels read as elapsed time ("0 · 30s · 1m").
      for (let offset = 0; offset <= span + 1e-6; offset += step) {
        out.push({ at: start + offset, x: offset / span, label: formatOffset(offset, step) });
      }
      return out;
    },
  };
}

/**
 * The axis of one execution. It runs from the start to the end — or, while the execution runs, to "now"
 * plus a margin, so the live edge does not sit on the border. Scheduled wake-ups (a wait's end, a retry)
 * stretch it when they are near enough to matter; a wake-up days away would squash everything else, so
 * those only get an arrow at the edge.
 */
export function executionDomain(input: { start: number; end?: number; now: number; scheduled?: readonly number[] }): {
  start: number;
  end: number;
} {
  const { start } = input;
  if (input.end !== undefined) return { start, end: Math.max(input.end, start + MIN_SPAN_MS) };
  const elapsed = Math.max(0, input.now - start);
  let end = input.now + Math.max(elapsed * 0.04, 250);
  const horizon = input.now + Math.max(elapsed, 5 * S);
  for (const at of input.scheduled ?? []) {
    if (at > end && at <= horizon) end = at + Math.max((at - start) * 0.02, 100);
  }
  return { start, end: Math.max(end, start + MIN_SPAN_MS) };
}
