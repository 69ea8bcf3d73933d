"use client";

import { MONO_FIELD } from "@/components/common/mono-field";
import { PlusIcon, Trash2Icon } from "lucide-react";
import { formatBytes } from "@/components/common/format-bytes";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { LIMITS } from "@/lib/lambda-model/schemas";
import { cn } from "@/lib/utils";
import { environmentBytes, newRowId, variablesFromRows, type EnvRow } from "./env-rows";

/** Key/value rows for `Environment.Variables`, with per-row errors and the 4 KB budget always in view. */
export function EnvEditor({
  rows,
  onChange,
  rowErrors,
  error,
  disabled,
}: {
  rows: EnvRow[];
  onChange: (rows: EnvRow[]) => void;
  /** Messages by row id. */
  rowErrors: Record<string, string>;
  /** A message about the whole set (e.g. over 4 KB, or the API's reserved-key error). */
  error?: string;
  disabled?: boolean;
}) {
  const bytes = environmentBytes(variablesFromRows(rows));
  const ratio = Math.min(1, bytes / LIMITS.environmentMaxBytes);
  const over = bytes > LIMITS.environmentMaxBytes;

  function update(id: string, patch: Partial<EnvRow>) {
    onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  }

  function add() {
    const id = newRowId();
    onChange([...rows, { id, key: "", value: "" }]);
    // Focus the new key box once React has rendered it.
    requestAnimationFrame(() => document.getElementById(`${id}-key`)?.focus());
  }

  return (
    <div className="space-y-3">
      {rows.length === 0 ? (
        <p className="text-muted-foreground rounded-md border border-dashed px-4 py-6 text-center text-sm">
          No environment variables. Add one to pass configuration to your code without changing it.
        </p>
      ) : (
        <div role="group" aria-label="Environment variables" className="space-y-2">
          <div className="text-muted-foreground grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_2.25rem] gap-2 px-0.5 text-xs font-medium">
            <span>Key</span>
            <span>Value</span>
          </div>
          {rows.map((row, i) => {
            const rowError = rowErrors[row.id];
            const n = i + 1;
            return (
              <div key={row.id} className="space-y-1">
                <div className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_2.25rem] items-center gap-2">
                  <Input
                    id={`${row.id}-key`}
                    aria-label={`Key of variable ${n}`}
                    aria-invalid={rowError ? true : undefined}
                    aria-describedby={rowError ? `${row.id}-error` : undefined}
                    placeholder="KEY"
                    autoComplete="off"
                    spellCheck={false}
                    className={cn("h-9", MONO_FIELD)}
                    value={row.key}
                    disabled={disabled}
                    onChange={(e) => update(row.id, { key: e.target.value })}
                  />
                  <Input
                    aria-label={`Value of variable ${n}`}
                    placeholder="value"
                    autoComplete="off"
                    spellCheck={false}
                    className={cn("h-9", MONO_FIELD)}
                    value={row.value}
                    disabled={disabled}
                    onChange={(e) => update(row.id, { value: e.target.value })}
                  />
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon-sm"
                    className="text-muted-foreground hover:text-destructive size-9"
                    aria-label={`Remove variable ${row.key || n}`}
                    disabled={disabled}
                    onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
                  >
                    <Trash2Icon aria-hidden />
                  </Button>
                </div>
                {rowError ? (
                  <p id={`${row.id}-error`} className="text-destructive px-0.5 text-xs">
                    {rowError}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Button type="button" variant="outline" size="sm" onClick={add} disabled={disabled}>
          <PlusIcon aria-hidden /> Add variable
        </Button>
        <div className="flex items-center gap-2.5 text-xs" aria-live="polite">
          <div
            role="meter"
            aria-label="Environment size"
            aria-valuemin={0}
            aria-valuemax={LIMITS.environmentMaxBytes}
            aria-valuenow={bytes}
            className="bg-muted h-1.5 w-28 overflow-hidden rounded-full"
          >
            <div
              className={cn(
                "h-full rounded-full transition-all",
                over ? "bg-destructive" : ratio > 0.8 ? "bg-warning" : "bg-primary",
              )}
              style={{ width: `${ratio * 100}%` }}
            />
          </div>
          <span className={cn("tabular", over ? "text-destructive font-medium" : "text-muted-foreground")}>
            {formatBytes(bytes)} of 4 KB
          </span>
        </div>
      </div>
      {error ? (
        <p role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
    </div>
  );
}
