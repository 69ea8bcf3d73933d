"use client";

import { PlusIcon, Trash2Icon } from "lucide-react";
import { MONO_FIELD } from "@/components/common/mono-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

export interface KeyValueRow {
  id: string;
  key: string;
  value: string;
}

const ROW_GRID = "grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_2.25rem] gap-2";

/** What a form hands a key/value editor: the rows and their errors. */
export interface KeyValueRowsProps {
  rows: KeyValueRow[];
  onChange: (rows: KeyValueRow[]) => void;
  /** Messages by row id. */
  rowErrors: Record<string, string>;
  /** A message about the whole set (too large, too many, the API's own error). */
  error?: string | undefined;
  disabled?: boolean | undefined;
}

/**
 * Editable key/value rows (environment variables, tags) with per-row errors. The caller owns what differs:
 * row ids, validation, and the summary beside the Add button (a size meter, a tag count).
 */
export function KeyValueEditor({
  rows,
  onChange,
  rowErrors,
  error,
  disabled,
  noun,
  label,
  emptyText,
  placeholders,
  keyMaxLength,
  newRowId,
  canAdd = true,
  summary,
}: KeyValueRowsProps & {
  /** One row, in the accessible names: "Key of tag 2", "Remove tag team", "Add tag". */
  noun: string;
  /** The group's accessible name. */
  label: string;
  emptyText: string;
  placeholders: { key: string; value: string };
  keyMaxLength?: number;
  newRowId: () => string;
  canAdd?: boolean;
  summary: React.ReactNode;
}) {
  function update(id: string, patch: Partial<KeyValueRow>) {
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
          {emptyText}
        </p>
      ) : (
        <div role="group" aria-label={label} className="space-y-2">
          <div className={cn(ROW_GRID, "text-muted-foreground px-0.5 text-xs font-medium")}>
            <span>Key</span>
            <span>Value</span>
          </div>
          {rows.map((row, i) => {
            const rowError = rowErrors[row.id];
            const n = i + 1;
            return (
              <div key={row.id} className="space-y-1">
                <div className={cn(ROW_GRID, "items-center")}>
                  <Input
                    id={`${row.id}-key`}
                    aria-label={`Key of ${noun} ${n}`}
                    aria-invalid={rowError ? true : undefined}
                    aria-describedby={rowError ? `${row.id}-error` : undefined}
                    placeholder={placeholders.key}
                    maxLength={keyMaxLength}
                    autoComplete="off"
                    spellCheck={false}
                    className={cn("h-9", MONO_FIELD)}
                    value={row.key}
                    disabled={disabled}
                    onChange={(e) => update(row.id, { key: e.target.value })}
                  />
                  <Input
                    aria-label={`Value of ${noun} ${n}`}
                    placeholder={placeholders.value}
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
                    aria-label={`Remove ${noun} ${row.key || n}`}
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
        <Button type="button" variant="outline" size="sm" onClick={add} disabled={disabled || !canAdd}>
          <PlusIcon aria-hidden /> Add {noun}
        </Button>
        {summary}
      </div>
      {error ? (
        <p role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
    </div>
  );
}
