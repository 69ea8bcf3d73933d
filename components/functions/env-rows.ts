/**
 * The environment-variable editor's rows ↔ Lambda's `Environment.Variables` map, with the checks the API
 * makes (key pattern, reserved keys, 4 KB total) done before saving.
 */
import type { KeyValueRow } from "@/components/common/key-value-editor";
import { EnvironmentVariableKeySchema, LIMITS, RESERVED_ENVIRONMENT_KEYS } from "@/lib/lambda-model/schemas";

export type EnvRow = KeyValueRow;

let nextId = 0;
/** Ids for rows the user adds (browser only). */
export function newRowId(): string {
  nextId += 1;
  return `env-new-${nextId}`;
}

/** Saved rows get ids from their position, so the server and the browser render the same ids (hydration). */
export function rowsFromVariables(vars: Record<string, string> | undefined): EnvRow[] {
  return Object.entries(vars ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value], i) => ({ id: `env-${i}`, key, value }));
}

/** Rows with an empty key and value are placeholders the user has not filled in; they are dropped. */
export function variablesFromRows(rows: EnvRow[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const row of rows) {
    if (row.key === "" && row.value === "") continue;
    vars[row.key.trim()] = row.value;
  }
  return vars;
}

/** Lambda measures the 4 KB limit on the JSON of the variables map. */
export function environmentBytes(vars: Record<string, string>): number {
  if (Object.keys(vars).length === 0) return 0;
  return new TextEncoder().encode(JSON.stringify(vars)).length;
}

export function isOverLimit(vars: Record<string, string>): boolean {
  return environmentBytes(vars) > LIMITS.environmentMaxBytes;
}

/** Per-row problems, keyed by row id. */
export function validateRows(rows: EnvRow[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Map<string, string>();
  for (const row of rows) {
    const key = row.key.trim();
    if (key === "" && row.value === "") continue;
    if (key === "") {
      errors[row.id] = "Enter a key.";
      continue;
    }
    const parsed = EnvironmentVariableKeySchema.safeParse(key);
    if (!parsed.success) {
      errors[row.id] = parsed.error.issues[0]?.message ?? "Invalid key.";
    } else if (RESERVED_ENVIRONMENT_KEYS.has(key)) {
      errors[row.id] = "Reserved by Lambda.";
    } else if (seen.has(key)) {
      errors[row.id] = "Duplicate key.";
    }
    seen.set(key, row.id);
  }
  return errors;
}

/** Whether the editor's rows differ from the saved variables (order does not matter). */
export function rowsChanged(rows: EnvRow[], saved: Record<string, string> | undefined): boolean {
  const current = variablesFromRows(rows);
  const base = saved ?? {};
  const keys = new Set([...Object.keys(current), ...Object.keys(base)]);
  for (const k of keys) if (current[k] !== base[k]) return true;
  return false;
}
