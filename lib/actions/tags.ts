"use server";
/** Tag writes for any taggable resource: the form's complete new set, applied as TagResource + UntagResource. */
import { tagResource, untagResource } from "@/lib/aws/tags";
import { UpdateTagsFormSchema } from "@/lib/tag-forms";
import { defineAction } from "./define-action";

export const updateTagsAction = defineAction(UpdateTagsFormSchema, async (input) => {
  const set: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.tags)) if (input.previous[k] !== v) set[k] = v;
  const removed = Object.keys(input.previous).filter((k) => !(k in input.tags));
  // Removing first keeps a rename (old key gone, new key added) under the 50-tag limit.
  if (removed.length > 0) await untagResource(input.resource, removed);
  if (Object.keys(set).length > 0) await tagResource(input.resource, set);
  return { resource: input.resource, tags: input.tags };
});
