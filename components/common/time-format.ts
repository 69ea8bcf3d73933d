/** Dates as Lambda prints them (`2024-05-01T12:00:00.000+0000`) → Date, relative and absolute text. */

/** Parses ISO-8601, including Lambda's `+0000` offset form that not every engine accepts. */
export function parseLambdaDate(value: string | undefined | null): Date | undefined {
  if (!value) return undefined;
  const normalized = value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  const date = new Date(normalized);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const STEPS: [limitSeconds: number, unitSeconds: number, unit: Intl.RelativeTimeFormatUnit][] = [
  [60, 1, "second"],
  [3600, 60, "minute"],
  [86400, 3600, "hour"],
  [86400 * 7, 86400, "day"],
  [86400 * 30, 86400 * 7, "week"],
  [86400 * 365, 86400 * 30, "month"],
  [Infinity, 86400 * 365, "year"],
];

/** "just now", "5 minutes ago", "in 2 hours", "3 weeks ago". */
export function formatRelative(date: Date, now: Date, locale = "en"): string {
  const diffSeconds = (date.getTime() - now.getTime()) / 1000;
  const abs = Math.abs(diffSeconds);
  if (abs < 10) return "just now";
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [limit, unitSeconds, unit] of STEPS) {
    if (abs < limit) return rtf.format(Math.round(diffSeconds / unitSeconds), unit);
  }
  return rtf.format(Math.round(diffSeconds / (86400 * 365)), "year");
}

/** "2024-05-01 12:00:00 UTC": unambiguous, sortable, the same for everyone reading a shared screenshot. */
export function formatAbsoluteUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
