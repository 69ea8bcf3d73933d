/** Human-readable sizes in the units Lambda's docs use (1 KB = 1024 bytes). */
const UNITS = ["bytes", "KB", "MB", "GB", "TB"] as const;

export function formatBytes(bytes: number | undefined | null): string {
  if (bytes === undefined || bytes === null || !Number.isFinite(bytes) || bytes < 0) return "—";
  if (bytes === 1) return "1 byte";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${bytes} bytes`;
  // One decimal below 10 (2.4 KB), none above (512 KB): precise enough without noise.
  const digits = value < 10 && !Number.isInteger(value) ? 1 : 0;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

/** Memory settings are whole megabytes: 128 → "128 MB", 10240 → "10 GB". */
export function formatMegabytes(mb: number | undefined | null): string {
  if (mb === undefined || mb === null) return "—";
  if (mb >= 1024 && mb % 1024 === 0) return `${mb / 1024} GB`;
  return `${mb} MB`;
}

/** Timeouts: 3 → "3 s", 90 → "1 min 30 s", 900 → "15 min". */
export function formatSeconds(seconds: number | undefined | null): string {
  if (seconds === undefined || seconds === null) return "—";
  if (seconds < 60) return `${seconds} s`;
  const min = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${min} min` : `${min} min ${rest} s`;
}
