/**
 * Marker paging for lists the SQL store cannot page by itself (filtered on document fields, or ordered by
 * a field such as a layer version number). The marker names the sort key of the last item returned, so a
 * page is stable while items are inserted or deleted between calls: no item is returned twice and no
 * item that existed throughout is skipped.
 */
import { invalidParameter } from "../errors";

export type SortKey = string | number;

export interface PageInput {
  Marker?: string | null;
  MaxItems?: number | null;
}

export interface PageOptions {
  /** Page size when MaxItems is absent. */
  defaultLimit: number;
  /** Most items one response carries whatever MaxItems says (e.g. 100 for ListEventSourceMappings). */
  maxLimit: number;
  /** Items are sorted by descending key (newest layer version first). */
  descending?: boolean;
}

/** The service's answer to a marker it did not issue. */
export const invalidMarker = () => invalidParameter("Invalid pagination token.");

export function encodeMarker(key: SortKey): string {
  return Buffer.from(JSON.stringify({ k: key })).toString("base64url");
}

function decodeMarker(marker: string): SortKey {
  try {
    const v = JSON.parse(Buffer.from(marker, "base64url").toString("utf8")) as unknown;
    if (v && typeof v === "object" && "k" in v) {
      const k = (v as { k: unknown }).k;
      if (typeof k === "string" || typeof k === "number") return k;
    }
  } catch {
    // fall through
  }
  throw invalidMarker();
}

/**
 * One page of `items`, which must already be sorted by `keyOf` (ascending, or descending with
 * `options.descending`). Keys must be unique.
 */
export function paginate<T>(
  items: readonly T[],
  keyOf: (item: T) => SortKey,
  input: PageInput,
  options: PageOptions,
): { items: T[]; nextMarker?: string } {
  const limit = Math.max(1, Math.min(input.MaxItems ?? options.defaultLimit, options.maxLimit));
  let start = 0;
  if (input.Marker) {
    const after = decodeMarker(input.Marker);
    const first = items[0];
    if (first !== undefined && typeof keyOf(first) !== typeof after) throw invalidMarker();
    const beyond = (key: SortKey) => (options.descending ? key < after : key > after);
    start = items.findIndex((item) => beyond(keyOf(item)));
    if (start < 0) start = items.length;
  }
  const page = items.slice(start, start + limit);
  const last = page[page.length - 1];
  return {
    items: page,
    ...(start + limit < items.length && last !== undefined ? { nextMarker: encodeMarker(keyOf(last)) } : {}),
  };
}

/** Sorts by a key (ascending, or descending) without mutating the input. */
export function sortedBy<T>(items: readonly T[], keyOf: (item: T) => SortKey, descending = false): T[] {
  return [...items].sort((a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    const c = ka < kb ? -1 : ka > kb ? 1 : 0;
    return descending ? -c : c;
  });
}
