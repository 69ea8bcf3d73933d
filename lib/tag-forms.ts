/**
 * Tags as the API limits them. The reference states these limits in prose (TagResource has no member
 * constraints): at most 50 tags per resource, keys 1–128 characters, values up to 256, and the `aws:`
 * prefix reserved for AWS.
 */
import { z } from "zod";

export const TAG_LIMITS = { maxTags: 50, keyMax: 128, valueMax: 256 } as const;

export const TagKeySchema = z
  .string()
  .min(1, { error: "Enter a key." })
  .max(TAG_LIMITS.keyMax, { error: `Keys are at most ${TAG_LIMITS.keyMax} characters.` })
  .refine((k) => !k.toLowerCase().startsWith("aws:"), { error: "The aws: prefix is reserved for AWS." });

export const TagValueSchema = z
  .string()
  .max(TAG_LIMITS.valueMax, { error: `Values are at most ${TAG_LIMITS.valueMax} characters.` });

export const TagsSchema = z
  .record(z.string(), TagValueSchema)
  .superRefine((tags, ctx) => {
    for (const key of Object.keys(tags)) {
      const r = TagKeySchema.safeParse(key);
      if (!r.success)
        ctx.addIssue({ code: "custom", path: [key], message: r.error.issues[0]?.message ?? "Invalid key." });
    }
  })
  .refine((tags) => Object.keys(tags).length <= TAG_LIMITS.maxTags, {
    error: `A resource has at most ${TAG_LIMITS.maxTags} tags.`,
  });

/** Replacing a resource's tags: the complete new set, applied as tag + untag calls. */
export const UpdateTagsFormSchema = z.object({
  /** The resource ARN (an unqualified function ARN, a mapping, a code signing config, a capacity provider). */
  resource: z.string().regex(/^arn:aws[a-zA-Z-]*:lambda:/, { error: "Tags need the resource's ARN." }),
  tags: TagsSchema,
  /** The tags the form started from, so only the difference is sent. */
  previous: z.record(z.string(), z.string()),
});
export type UpdateTagsFormSchema = z.infer<typeof UpdateTagsFormSchema>;
