"use client";

import { KeyValueEditor, type KeyValueRowsProps } from "@/components/common/key-value-editor";
import { TAG_LIMITS } from "@/lib/tag-forms";
import { cn } from "@/lib/utils";
import { newTagRowId, tagsFromRows } from "./tag-rows";

/** Key/value rows for a resource's tags, with per-row errors and the 50-tag limit in view. */
export function TagEditor(props: KeyValueRowsProps) {
  const count = Object.keys(tagsFromRows(props.rows)).length;

  return (
    <KeyValueEditor
      {...props}
      noun="tag"
      label="Tags"
      emptyText="No tags. Tags label resources for cost allocation, search and access control (ABAC)."
      placeholders={{ key: "team", value: "payments" }}
      keyMaxLength={TAG_LIMITS.keyMax + 1}
      newRowId={newTagRowId}
      canAdd={count < TAG_LIMITS.maxTags}
      summary={
        <span
          className={cn("tabular text-xs", count > TAG_LIMITS.maxTags ? "text-destructive" : "text-muted-foreground")}
        >
          {count} of {TAG_LIMITS.maxTags} tags
        </span>
      }
    />
  );
}
