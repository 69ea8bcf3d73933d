/** Durations as the Test tab and the invocation records show them. */

/** `12.34` → "12.34 ms", `1234.5` → "1.23 s". */
export function formatMs(ms: number | undefined): string {
  if (ms === undefined) return "—";
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${Number.isInteger(ms) ? ms : ms.toFixed(2)} ms`;
}
