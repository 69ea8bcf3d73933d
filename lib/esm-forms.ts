/**
 * Event source mapping writes, validated with the model's own schema for the whole action input, so the
 * form refuses exactly what CreateEventSourceMapping / UpdateEventSourceMapping would (ranges, patterns,
 * enums). The per-source rules the model cannot express are left to the API, whose message is shown.
 */
import { z } from "zod";
import { actionInputSchema } from "@/lib/lambda-model/validate";

/** The request as the API takes it (PascalCase members), checked member by member against the model. */
const request = (action: string) =>
  actionInputSchema(action) as z.ZodType<Record<string, unknown>, Record<string, unknown>>;

export const CreateEventSourceMappingSchema = z.object({ request: request("CreateEventSourceMapping") });
export type CreateEventSourceMappingSchema = z.infer<typeof CreateEventSourceMappingSchema>;

export const UpdateEventSourceMappingSchema = z.object({ request: request("UpdateEventSourceMapping") });
export type UpdateEventSourceMappingSchema = z.infer<typeof UpdateEventSourceMappingSchema>;

export const EventSourceMappingRefSchema = z.object({
  uuid: z.string().regex(/^[0-9a-fA-F-]{36}$/, { error: "Not an event source mapping UUID." }),
});
export type EventSourceMappingRefSchema = z.infer<typeof EventSourceMappingRefSchema>;

export const SetMappingEnabledSchema = EventSourceMappingRefSchema.extend({ enabled: z.boolean() });
export type SetMappingEnabledSchema = z.infer<typeof SetMappingEnabledSchema>;
