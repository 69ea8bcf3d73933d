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
 * An axis tick's label: the offset from the execution's start, as precise as the tick step needs, so a
 * row of ticks reads "0 · 200ms · 400ms", "0 · 30s · 1m · 1m 30s", or "1h 1.2s" past a folded hour.
 */
export function formatOffset(ms: number, stepMs: number): string {
  if (ms === 0) return "0";
  if (ms < SECOND && stepMs < SECOND) return `${Math.round(ms)}ms`;
  const decimals = stepMs < 10 ? 3 : stepMs < 100 ? 2 : stepMs < SECOND ? 1 : 0;
  const unit = 10 ** (3 - decimals);
  const total = Math.round(ms / unit) * unit;
  const d = Math.floor(total / DAY);
  const h = Math.floor((total % DAY) / HOUR);
  const m = Math.floor((total % HOUR) / MINUTE);
  const sec = (total % MINUTE) / SECOND;
  const parts = [
    d ? `${d}d` : "",
    h ? `${h}h` : "",
    m ? `${m}m` : "",
    sec ? `${trim(sec.toFixed(decimals))}s` : "",
  ].filter(Boolean);
  return parts.join(" ") || "0";
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
