/** Publishing and deleting versions: the inputs of the version actions, from the API's constraints. */
import { z } from "zod";
import { inputMember } from "@/lib/lambda-model/model";
import { FunctionNameSchema } from "@/lib/lambda-model/schemas";
import { memberSchema } from "@/lib/lambda-model/validate";
import { friendly } from "./friendly";

export const VersionDescriptionSchema = friendly(
  memberSchema(inputMember("PublishVersion", "Description")),
  "Descriptions are at most 256 characters.",
);

export const PublishVersionFormSchema = z.object({
  functionName: FunctionNameSchema,
  description: VersionDescriptionSchema.optional(),
  /** $LATEST's code hash when the dialog opened: Lambda refuses to publish other code. */
  codeSha256: z.string().optional(),
  /** $LATEST's revision when the dialog opened: Lambda refuses if the configuration changed since. */
  revisionId: z.string().optional(),
});
export type PublishVersionFormSchema = z.infer<typeof PublishVersionFormSchema>;

export const DeleteVersionFormSchema = z.object({
  functionName: FunctionNameSchema,
  // Only published versions can be deleted on their own; $LATEST goes with the function.
  version: z.string().regex(/^\d+$/, { error: "Only published (numbered) versions can be deleted." }),
});
export type DeleteVersionFormSchema = z.infer<typeof DeleteVersionFormSchema>;
