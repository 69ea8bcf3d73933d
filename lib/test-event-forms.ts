/**
 * Saved test events as zod schemas, shared by the Test tab's forms and the server actions. Names follow
 * the AWS console's rule, so an event can be recreated there unchanged.
 */
import { z } from "zod";
import { LIMITS } from "@/lib/lambda-model/schemas";
import { FunctionNameSchema } from "@/lib/lambda-model/schemas";

export const TEST_EVENT_NAME_MAX = 25;

export const TestEventNameSchema = z
  .string()
  .trim()
  .min(1, { error: "Enter a name for the event." })
  .max(TEST_EVENT_NAME_MAX, { error: `Event names are at most ${TEST_EVENT_NAME_MAX} characters.` })
  .regex(/^[A-Za-z0-9._-]+$/, { error: "Use letters, numbers, dots, hyphens and underscores only." });

export const TestEventPayloadSchema = z.string().superRefine((text, ctx) => {
  try {
    JSON.parse(text);
  } catch (error) {
    ctx.addIssue({
      code: "custom",
      message: `The event must be valid JSON (${error instanceof Error ? error.message : "parse error"}).`,
    });
    return;
  }
  if (new TextEncoder().encode(text).length > LIMITS.syncPayloadMaxBytes) {
    ctx.addIssue({ code: "custom", message: "Events are at most 6 MB, the synchronous payload limit." });
  }
});

export const CreateTestEventSchema = z.object({
  functionName: FunctionNameSchema,
  name: TestEventNameSchema,
  payload: TestEventPayloadSchema,
});
export type CreateTestEventSchema = z.infer<typeof CreateTestEventSchema>;

export const UpdateTestEventSchema = z.object({
  functionName: FunctionNameSchema,
  id: z.string().min(1),
  name: TestEventNameSchema.optional(),
  payload: TestEventPayloadSchema.optional(),
});
export type UpdateTestEventSchema = z.infer<typeof UpdateTestEventSchema>;

export const TestEventRefSchema = z.object({ functionName: FunctionNameSchema, id: z.string().min(1) });
export type TestEventRefSchema = z.infer<typeof TestEventRefSchema>;
