"use client";

import { useState } from "react";
import type { QueryKey } from "@tanstack/react-query";
import { toast } from "sonner";
import { ErrorPanel } from "@/components/common/error-panel";
import { SaveBar, SettingsSection } from "@/components/common/settings-section";
import type { ActionError } from "@/lib/actions/result";
import { TAG_LIMITS, UpdateTagsFormSchema } from "@/lib/tag-forms";
import { useUpdateTags } from "@/lib/queries/tags";
import { TagEditor } from "./tag-editor";
import { rowsFromTags, tagsChanged, tagsFromRows, tooManyTags, validateTagRows, type TagRow } from "./tag-rows";

/**
 * A resource's tags as a section that saves on its own: the new set is applied as TagResource +
 * UntagResource. `owner` is the query the tags were read from, refetched after saving.
 */
export function TagsSection({
  id = "tags",
  resource,
  tags,
  owner,
  description = "Key-value labels for cost allocation, search and attribute-based access control.",
}: {
  id?: string;
  resource: string;
  tags: Record<string, string>;
  owner: QueryKey;
  description?: string;
}) {
  const save = useUpdateTags(owner);
  const [rows, setRows] = useState<TagRow[]>(() => rowsFromTags(tags));
  const [base, setBase] = useState(tags);
  const [submitted, setSubmitted] = useState(false);
  const [formError, setFormError] = useState<ActionError | undefined>();
  const dirty = tagsChanged(rows, base);

  // Tags changed elsewhere (another tab, the CLI): follow them while nothing is edited here.
  if (!dirty && !save.isPending && JSON.stringify(tags) !== JSON.stringify(base)) {
    setBase(tags);
    setRows(rowsFromTags(tags));
  }

  const rowErrors = submitted ? validateTagRows(rows) : {};
  const tooMany = tooManyTags(rows);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setFormError(undefined);
    if (Object.keys(validateTagRows(rows)).length > 0 || tooMany) return;
    const parsed = UpdateTagsFormSchema.safeParse({ resource, tags: tagsFromRows(rows), previous: base });
    if (!parsed.success) {
      setFormError({ code: "ValidationError", message: parsed.error.issues[0]?.message ?? "The tags are not valid." });
      return;
    }
    const result = await save.mutateAsync(parsed.data);
    if (result.ok) {
      toast.success("Tags saved");
      setBase(result.data.tags);
      setRows(rowsFromTags(result.data.tags));
      setSubmitted(false);
    } else {
      setFormError(result.error);
    }
  }

  return (
    <SettingsSection
      id={id}
      title="Tags"
      description={description}
      onSubmit={onSubmit}
      footer={
        <SaveBar
          dirty={dirty}
          pending={save.isPending}
          onDiscard={() => {
            setRows(rowsFromTags(base));
            setSubmitted(false);
            setFormError(undefined);
          }}
        />
      }
    >
      <div className="space-y-4">
        <TagEditor
          rows={rows}
          onChange={setRows}
          rowErrors={rowErrors}
          error={tooMany ? `A resource has at most ${TAG_LIMITS.maxTags} tags.` : undefined}
          disabled={save.isPending}
        />
        {formError ? <ErrorPanel error={formError} title="Could not save the tags" /> : null}
      </div>
    </SettingsSection>
  );
}
