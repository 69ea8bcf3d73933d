"use client";

import { PlusIcon, Trash2Icon } from "lucide-react";
import { MONO_FIELD } from "@/components/common/mono-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { TAG_LIMITS } from "@/lib/tag-forms";
import { cn } from "@/lib/utils";
import { newTagRowId, tagsFromRows, type TagRow } from "./tag-rows";

/** Key/value rows for a resource's tags, with per-row errors and the 50-tag limit in view. */
export function TagEditor({
  rows,
  onChange,
  rowErrors,
  error,
  disabled,
}: {
  rows: TagRow[];
  onChange: (rows: TagRow[]) => void;
  rowErrors: Record<string, string>;
  error?: string;
  disabled?: boolean;
}) {
  const count = Object.keys(tagsFromRows(rows)).length;
  const full = count >= TAG_LIMITS.maxTags;

  function update(id: string, patch: Partial<TagRow>) {
    onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  }

  function add() {
    const id = newTagRowId();
    onChange([...rows, { id, key: "", value: "" }]);
    requestAnimationFrame(() => document.getElementById(`${id}-key`)?.focus());
  }

  return (
    <div className="space-y-3">
      {rows.length === 0 ? (
        <p className="text-muted-foreground rounded-md border border-dashed px-4 py-5 text-center text-sm">
          No tags. Tags label resources for cost allocation, search and access control (ABAC).
        </p>
      ) : (
        <div role="group" aria-label="Tags" className="space-y-2">
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
                    aria-label={`Key of tag ${n}`}
                    aria-invalid={rowError ? true : undefined}
                    aria-describedby={rowError ? `${row.id}-error` : undefined}
                    placeholder="team"
                    maxLength={TAG_LIMITS.keyMax + 1}
                    autoComplete="off"
                    spellCheck={false}
                    className={cn("h-9", MONO_FIELD)}
                    value={row.key}
                    disabled={disabled}
                    onChange={(e) => update(row.id, { key: e.target.value })}
                  />
                  <Input
                    aria-label={`Value of tag ${n}`}
                    placeholder="payments"
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
                    aria-label={`Remove tag ${row.key || n}`}
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
        <Button type="button" variant="outline" size="sm" onClick={add} disabled={disabled || full}>
          <PlusIcon aria-hidden /> Add tag
        </Button>
        <span
          className={cn("tabular text-xs", count > TAG_LIMITS.maxTags ? "text-destructive" : "text-muted-foreground")}
        >
          {count} of {TAG_LIMITS.maxTags} tags
        </span>
      </div>
      {error ? (
        <p role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
    </div>
  );
}
