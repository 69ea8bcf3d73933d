/**
 * The Invocations tab's filters, kept in the URL (shareable, survive the back button). Status is applied
 * by the server (records API or log search), and so is the time window when reading CloudWatch Logs;
 * both, and the minimum duration, are applied here to the loaded pages too, which are newest first — so
 * once a page reaches past the window there is nothing older worth loading.
 */
import type { InvocationListItem, InvocationStatus } from "@/lib/lambda-types";

export const TIME_WINDOWS = {
  "15m": 15 * 60_000,
  "1h": 60 * 60_000,
  "24h": 24 * 60 * 60_000,
  "7d": 7 * 24 * 60 * 60_000,
} as const;
export type TimeWindow = keyof typeof TIME_WINDOWS;

export const MIN_DURATIONS = [100, 1000, 3000] as const;

export interface InvocationFilters {
  status?: InvocationStatus;
  since?: TimeWindow;
  /** Only invocations that ran at least this long (ms). */
  minDurationMs?: number;
}

/** The statuses the filter offers, in its menu's order. */
export const INVOCATION_STATUSES: readonly InvocationStatus[] = ["Success", "Error", "Timeout"];
const STATUSES = new Set<string>(INVOCATION_STATUSES);

export function parseFilters(params: { get(name: string): string | null }): InvocationFilters {
  const status = params.get("status");
  const since = params.get("since");
  const min = Number(params.get("minDuration"));
  return {
    ...(status && STATUSES.has(status) ? { status: status as InvocationStatus } : {}),
    ...(since && since in TIME_WINDOWS ? { since: since as TimeWindow } : {}),
    ...(Number.isFinite(min) && min > 0 ? { minDurationMs: min } : {}),
  };
}

export function filtersToSearch(filters: InvocationFilters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.since) params.set("since", filters.since);
  if (filters.minDurationMs) params.set("minDuration", String(filters.minDurationMs));
  const text = params.toString();
  return text ? `?${text}` : "";
}

function startMs(row: InvocationListItem): number {
  return Date.parse(row.StartTime);
}

export function applyFilters(
  rows: InvocationListItem[],
  filters: InvocationFilters,
  now: number,
): InvocationListItem[] {
  const after = filters.since ? now - TIME_WINDOWS[filters.since] : undefined;
  return rows.filter(
    (row) =>
      (filters.status === undefined || row.Status === filters.status) &&
      (after === undefined || startMs(row) >= after) &&
      (filters.minDurationMs === undefined || row.DurationMs >= filters.minDurationMs),
  );
}

/** True when the loaded (newest-first) rows already reach past the time window: older pages cannot match. */
export function pastWindow(rows: InvocationListItem[], filters: InvocationFilters, now: number): boolean {
  if (!filters.since) return false;
  const oldest = rows.at(-1);
  return oldest !== undefined && startMs(oldest) < now - TIME_WINDOWS[filters.since];
}

export function hasFilters(filters: InvocationFilters): boolean {
  return Boolean(filters.status || filters.since || filters.minDurationMs);
}
