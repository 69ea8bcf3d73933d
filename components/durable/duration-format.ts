/** Durations for the durable views: short, adaptive, and precise where it matters (sub-second steps). */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const pad = (n: number) => String(n).padStart(2, "0");

/** "0 ms", "840 ms", "1.24 s", "12.3 s", "2m 05s", "1h 02m", "3d 04h". */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return "—";
  const v = Math.max(0, ms);
  if (v < SECOND) return `${Math.round(v)} ms`;
  if (v < 10 * SECOND) return `${(v / SECOND).toFixed(2)} s`;
  if (v < MINUTE) return `${(v / SECOND).toFixed(1)} s`;
  if (v < HOUR) return `${Math.floor(v / MINUTE)}m ${pad(Math.floor((v % MINUTE) / SECOND))}s`;
  if (v < DAY) return `${Math.floor(v / HOUR)}h ${pad(Math.floor((v % HOUR) / MINUTE))}m`;
  return `${Math.floor(v / DAY)}d ${pad(Math.floor((v % DAY) / HOUR))}h`;
}

/**
 * An axis tick's label: the offset from the execution's start, in the unit the tick step suggests, so a
 * row of ticks reads "0 · 200ms · 400ms" or "0 · 30s · 1m · 1m 30s" without noise.
 */
export function formatOffset(ms: number, stepMs: number): string {
  if (ms === 0) return "0";
  if (stepMs < SECOND) {
    return ms < SECOND ? `${Math.round(ms)}ms` : `${trim((ms / SECOND).toFixed(stepMs < 100 ? 2 : 1))}s`;
  }
  if (ms < MINUTE) return `${trim((ms / SECOND).toFixed(stepMs % SECOND === 0 ? 0 : 1))}s`;
  if (ms < HOUR) {
    const m = Math.floor(ms / MINUTE);
    const s = Math.round((ms % MINUTE) / SECOND);
    return s === 0 ? `${m}m` : `${m}m ${s}s`;
  }
  if (ms < DAY) {
    const h = Math.floor(ms / HOUR);
    const m = Math.round((ms % HOUR) / MINUTE);
    return m === 0 ? `${h}h` : `${h}h ${m}m`;
  }
  const d = Math.floor(ms / DAY);
  const h = Math.round((ms % DAY) / HOUR);
  return h === 0 ? `${d}d` : `${d}d ${h}h`;
}

function trim(fixed: string): string {
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}

/** "14:03:07.120" — a time of day to the millisecond, in UTC like the rest of the console. */
export function formatClock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 23);
}

const UNITS: [seconds: number, one: string, many: string][] = [
  [86_400, "day", "days"],
  [3_600, "hour", "hours"],
  [60, "minute", "minutes"],
  [1, "second", "seconds"],
];

/** A configured span in words, at most two units: "1 day", "2 hours 30 minutes", "45 seconds". */
export function formatSpanWords(totalSeconds: number): string {
  let rest = Math.max(0, Math.round(totalSeconds));
  const parts: string[] = [];
  for (const [size, one, many] of UNITS) {
    const n = Math.floor(rest / size);
    if (n === 0) continue;
    rest -= n * size;
    if (parts.length < 2) parts.push(`${n} ${n === 1 ? one : many}`);
  }
  return parts.length > 0 ? parts.join(" ") : "0 seconds";
}
