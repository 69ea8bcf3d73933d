"use client";

import { formatBytes } from "@/components/common/format-bytes";
import { KeyValueEditor, type KeyValueRowsProps } from "@/components/common/key-value-editor";
import { LIMITS } from "@/lib/lambda-model/schemas";
import { cn } from "@/lib/utils";
import { environmentBytes, newRowId, variablesFromRows } from "./env-rows";

/** Key/value rows for `Environment.Variables`, with per-row errors and the 4 KB budget always in view. */
export function EnvEditor(props: KeyValueRowsProps) {
  const bytes = environmentBytes(variablesFromRows(props.rows));
  const ratio = Math.min(1, bytes / LIMITS.environmentMaxBytes);
  const over = bytes > LIMITS.environmentMaxBytes;

  return (
    <KeyValueEditor
      {...props}
      noun="variable"
      label="Environment variables"
      emptyText="No environment variables. Add one to pass configuration to your code without changing it."
      placeholders={{ key: "KEY", value: "value" }}
      newRowId={newRowId}
      summary={
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
      }
    />
  );
}
