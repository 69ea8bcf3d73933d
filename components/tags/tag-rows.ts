/** The tag editor's rows ↔ a tag map, with the API's limits checked per row before saving. */
import type { KeyValueRow } from "@/components/common/key-value-editor";
import { TAG_LIMITS, TagKeySchema, TagValueSchema } from "@/lib/tag-forms";

export type TagRow = KeyValueRow;

let nextId = 0;
/** Ids for rows the user adds (browser only). */
export function newTagRowId(): string {
  nextId += 1;
  return `tag-new-${nextId}`;
}

/** Saved rows get ids from their position, so the server and the browser render the same ids (hydration). */
export function rowsFromTags(tags: Record<string, string> | undefined): TagRow[] {
  return Object.entries(tags ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value], i) => ({ id: `tag-${i}`, key, value }));
}

/** Rows left completely empty are placeholders, not tags. */
export function tagsFromRows(rows: TagRow[]): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const row of rows) {
    if (row.key.trim() === "" && row.value === "") continue;
    tags[row.key.trim()] = row.value;
  }
  return tags;
}

export function validateTagRows(rows: TagRow[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  for (const row of rows) {
    const key = row.key.trim();
    if (key === "" && row.value === "") continue;
    const k = TagKeySchema.safeParse(key);
    const v = TagValueSchema.safeParse(row.value);
    if (!k.success) errors[row.id] = k.error.issues[0]?.message ?? "Invalid key.";
    else if (!v.success) errors[row.id] = v.error.issues[0]?.message ?? "Invalid value.";
    else if (seen.has(key)) errors[row.id] = "Duplicate key.";
    seen.add(key);
  }
  return errors;
}

export function tagsChanged(rows: TagRow[], saved: Record<string, string> | undefined): boolean {
  const current = tagsFromRows(rows);
  const base = saved ?? {};
  const keys = new Set([...Object.keys(current), ...Object.keys(base)]);
  for (const k of keys) if (current[k] !== base[k]) return true;
  return false;
}

export function tooManyTags(rows: TagRow[]): boolean {
  return Object.keys(tagsFromRows(rows)).length > TAG_LIMITS.maxTags;
}
