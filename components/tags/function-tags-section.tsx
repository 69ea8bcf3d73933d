"use client";

import { SectionSkeleton, SettingsSection } from "@/components/common/settings-section";
import { queryKeys } from "@/lib/queries/keys";
import { useFunction } from "@/lib/queries/use-function";
import { TagsSection } from "./tags-form";

/** A function's tags, read with the function (GetFunction returns them) and written to its unqualified ARN. */
export function FunctionTagsSection({ name }: { name: string }) {
  const { data } = useFunction(name);
  const arn = data?.Configuration.FunctionArn;
  if (!data || !arn) {
    return (
      <SettingsSection id="tags" title="Tags">
        <SectionSkeleton rows={2} />
      </SettingsSection>
    );
  }
  return <TagsSection resource={arn} tags={data.Tags ?? {}} owner={queryKeys.functions.detail(name)} />;
}
