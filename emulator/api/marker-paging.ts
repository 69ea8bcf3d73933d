/**
 * Marker/MaxItems paging for the per-function collections (versions, aliases, URL configs, async
 * invocation configs, provisioned concurrency configs). These are small, so a page is cut from the whole
 * sorted collection; the marker names the last key returned, which keeps paging stable (no duplicates,
 * no pre-existing item skipped) while items are inserted or deleted between calls.
 */
import { invalidParameter } from "../errors";

export interface MarkerPage<T> {
  items: T[];
  nextMarker?: string;
}

export interface PageOptions<T> {
  key: (item: T) => string;
  /** Total order on keys; the collection is sorted with it before cutting. */
  compare: (a: string, b: string) => number;
  marker?: string | null;
  maxItems?: number | null;
  /** The most a page may hold (the reference's maximum), also the default page size. */
  pageMax: number;
}

const encode = (key: string) => Buffer.from(JSON.stringify({ after: key })).toString("base64url");

function decode(marker: string): string {
  try {
    const v = JSON.parse(Buffer.from(marker, "base64url").toString("utf8")) as unknown;
    if (v && typeof v === "object" && "after" in v && typeof v.after === "string") return v.after;
  } catch {
    // fall through to the service's error
  }
  throw invalidParameter("Invalid pagination token.");
}

export function pageAfter<T>(all: readonly T[], options: PageOptions<T>): MarkerPage<T> {
  const limit = Math.min(options.maxItems ?? options.pageMax, options.pageMax);
  const after = options.marker ? decode(options.marker) : undefined;
  const sorted = [...all].sort((a, b) => options.compare(options.key(a), options.key(b)));
  const rest = after === undefined ? sorted : sorted.filter((i) => options.compare(options.key(i), after) > 0);
  const items = rest.slice(0, limit);
  const last = items[items.length - 1];
  return rest.length > limit && last ? { items, nextMarker: encode(options.key(last)) } : { items };
}

/** `$LATEST` first, then version numbers ascending, then alias names: the order the service lists them in. */
export function compareQualifiers(a: string, b: string): number {
  const rank = (q: string) => (q === "$LATEST" ? 0 : /^\d+$/.test(q) ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 1) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
