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

export interface Interval {
  from: number;
  to: number;
}

/** An idle stretch drawn narrow: where it sits on the track and how much time it stands for. */
export interface AxisBreak {
  from: number;
  to: number;
  x0: number;
  x1: number;
}

export interface CompressedScale extends TimeScale {
  breaks: AxisBreak[];
}

/** An idle gap is folded when it takes more than this share of the span… */
const FOLD_SHARE = 0.15;
/** …and is then drawn this wide (a share of the track), with every fold together at most MAX_FOLDED. */
const FOLD_WIDTH = 0.04;
const MAX_FOLDED = 0.3;

/** Busy intervals sorted, clipped to [start, end] and merged where they touch. */
function merged(busy: readonly Interval[], start: number, end: number): Interval[] {
  const out: Interval[] = [];
  for (const b of [...busy].sort((p, q) => p.from - q.from)) {
    const from = Math.max(start, b.from);
    const to = Math.min(end, b.to);
    if (to < from) continue;
    const last = out.at(-1);
    if (last && from <= last.to) last.to = Math.max(last.to, to);
    else out.push({ from, to });
  }
  return out;
}

/** The long idle gaps between busy stretches (and before the first, after the last). */
export function idleGaps(start: number, end: number, busy: readonly Interval[]): Interval[] {
  const span = Math.max(MIN_SPAN_MS, end - start);
  const parts = merged(busy, start, end);
  if (parts.length === 0) return [];
  const gaps: Interval[] = [];
  let cursor = start;
  for (const p of parts) {
    if (p.from > cursor) gaps.push({ from: cursor, to: p.from });
    cursor = Math.max(cursor, p.to);
  }
  if (end > cursor) gaps.push({ from: cursor, to: end });
  return gaps.filter((g) => (g.to - g.from) / span > FOLD_SHARE);
}

/**
 * A time axis that folds long idle stretches — hours of waiting between milliseconds of work — into
 * narrow breaks, so the work stays readable. Time runs linearly inside the busy parts; ticks keep one
 * step across them and skip the breaks. Without long gaps it is the linear scale.
 */
export function createCompressedScale(start: number, end: number, busy: readonly Interval[]): CompressedScale {
  const linear = createTimeScale(start, end);
  const gaps = idleGaps(linear.start, linear.end, busy);
  if (gaps.length === 0) return { ...linear, breaks: [] };

  const span = linear.end - linear.start;
  const foldWidth = Math.min(FOLD_WIDTH, MAX_FOLDED / gaps.length);
  const keptTime = span - gaps.reduce((n, g) => n + (g.to - g.from), 0);
  const keptWidth = 1 - foldWidth * gaps.length;
  // Pieces of the track: kept time at its own pace, each gap at a fixed width.
  const pieces: { from: number; to: number; x0: number; x1: number; gap: boolean }[] = [];
  let t = linear.start;
  let x = 0;
  const keep = (to: number) => {
    if (to <= t) return;
    const w = keptTime > 0 ? ((to - t) / keptTime) * keptWidth : 0;
    pieces.push({ from: t, to, x0: x, x1: x + w, gap: false });
    x += w;
    t = to;
  };
  for (const g of gaps) {
    keep(g.from);
    pieces.push({ from: g.from, to: g.to, x0: x, x1: x + foldWidth, gap: true });
    x += foldWidth;
    t = g.to;
  }
  keep(linear.end);

  const at = (time: number) => {
    if (time <= linear.start) return 0;
    if (time >= linear.end) return 1;
    const p = pieces.find((piece) => time <= piece.to) ?? pieces[pieces.length - 1]!;
    const share = p.to > p.from ? (time - p.from) / (p.to - p.from) : 0;
    return Math.min(1, p.x0 + share * (p.x1 - p.x0));
  };
  return {
    start: linear.start,
    end: linear.end,
    x: at,
    width: (from, to) => Math.max(0, at(to) - at(from)),
    breaks: pieces.filter((p) => p.gap).map(({ from, to, x0, x1 }) => ({ from, to, x0, x1 })),
    ticks: (maxCount) => {
      // One step for the whole axis, sized to the time that is drawn to scale.
      const step = tickStep(Math.max(1, keptTime), Math.max(1, Math.floor(maxCount * keptWidth)));
      const out: Tick[] = [];
      for (const p of pieces) {
        if (p.gap) continue;
        const first = Math.ceil((p.from - linear.start) / step) * step;
        for (let offset = first; linear.start + offset <= p.to + 1e-6; offset += step) {
          out.push({ at: linear.start + offset, x: at(linear.start + offset), label: formatOffset(offset, step) });
        }
      }
      return out;
    },
  };
}

/** Folding helps when idle gaps take most of the axis: then the work is squeezed into slivers. */
export function foldingHelps(start: number, end: number, busy: readonly Interval[]): boolean {
  const span = Math.max(MIN_SPAN_MS, end - start);
  return idleGaps(start, end, busy).reduce((n, g) => n + (g.to - g.from), 0) > span / 2;
}
