/**
 * The console's function forms as zod schemas, built from lib/lambda-model's API constraints so the form
 * rejects what the API would reject, with messages written for people. Shared by the forms (client-side
 * validation) and the server actions (the same check again, server-side).
 */
import { z } from "zod";
import { inputMember } from "@/lib/lambda-model/model";
import { memberSchema } from "@/lib/lambda-model/validate";
import { DURABLE_RUNTIMES, DurableConfigFormSchema, isDurableRuntime } from "./durable-forms";
import { friendly } from "./friendly";
import {
  ArchitectureSchema,
  DescriptionSchema,
  EnvironmentVariablesSchema,
  FunctionNameSchema,
  HandlerSchema,
  MemorySizeSchema,
  RuntimeSchema,
  TimeoutSchema,
} from "@/lib/lambda-model/schemas";

const RoleMemberSchema = memberSchema(inputMember("CreateFunction", "Role"));

/** The ranges the forms' hints quote, from the same constraints the schemas enforce. */
export const MEMORY_RANGE_MB = {
  min: inputMember("CreateFunction", "MemorySize").min ?? 128,
  max: inputMember("CreateFunction", "MemorySize").max ?? 10240,
} as const;

export const RoleArnSchema = z
  .string()
  .min(1, { error: "Enter the ARN of the function's execution role." })
  .pipe(friendly(RoleMemberSchema, "Enter an IAM role ARN, like arn:aws:iam::123456789012:role/my-role."));

export const FunctionDescriptionSchema = friendly(DescriptionSchema, "Descriptions are at most 256 characters.");
export const FunctionHandlerSchema = z
  .string()
  .min(1, { error: "Enter the handler, e.g. index.handler." })
  .pipe(friendly(HandlerSchema, "Handlers are at most 128 characters, without spaces."));

export const CreateFunctionFormSchema = z
  .object({
    functionName: FunctionNameSchema,
    runtime: friendly(RuntimeSchema, "Choose a runtime Lambda supports."),
    handler: FunctionHandlerSchema,
    architecture: ArchitectureSchema,
    memorySize: MemorySizeSchema,
    timeout: TimeoutSchema,
    role: RoleArnSchema,
    description: FunctionDescriptionSchema.optional(),
    /** Present for a durable function. */
    durableConfig: DurableConfigFormSchema.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.durableConfig && !isDurableRuntime(input.runtime)) {
      ctx.addIssue({
        code: "custom",
        path: ["runtime"],
        message: `The console creates durable functions on ${DURABLE_RUNTIMES.join(" or ")}.`,
      });
    }
  });
export type CreateFunctionFormSchema = z.infer<typeof CreateFunctionFormSchema>;

export const UpdateFunctionConfigurationFormSchema = z.object({
  functionName: FunctionNameSchema,
  /** The revision the form was loaded from; the API refuses the update if the function changed since. */
  revisionId: z.string().optional(),
  description: FunctionDescriptionSchema,
  memorySize: MemorySizeSchema,
  timeout: TimeoutSchema,
  environment: EnvironmentVariablesSchema,
});
export type UpdateFunctionConfigurationFormSchema = z.infer<typeof UpdateFunctionConfigurationFormSchema>;

export const DeleteFunctionFormSchema = z.object({ functionName: FunctionNameSchema });
export type DeleteFunctionFormSchema = z.infer<typeof DeleteFunctionFormSchema>;

export const RuntimeSettingsFormSchema = z.object({
  functionName: FunctionNameSchema,
  revisionId: z.string().optional(),
  runtime: friendly(RuntimeSchema, "Choose a runtime Lambda supports."),
  handler: FunctionHandlerSchema,
});
export type RuntimeSettingsFormSchema = z.infer<typeof RuntimeSettingsFormSchema>;

export const ArchitectureFormSchema = z.object({
  functionName: FunctionNameSchema,
  revisionId: z.string().optional(),
  architecture: ArchitectureSchema,
});
export type ArchitectureFormSchema = z.infer<typeof ArchitectureFormSchema>;

const LayersMember = memberSchema(inputMember("UpdateFunctionConfiguration", "Layers"));

/** A function uses at most 5 layers, applied in order (later layers overwrite earlier files). */
export const FUNCTION_LAYERS_MAX = inputMember("UpdateFunctionConfiguration", "Layers").maxItems ?? 5;

export const FunctionLayersFormSchema = z.object({
  functionName: FunctionNameSchema,
  revisionId: z.string().optional(),
  layers: z
    .array(z.string())
    .max(FUNCTION_LAYERS_MAX, { error: `A function can use at most ${FUNCTION_LAYERS_MAX} layers.` })
    .refine((l) => new Set(l).size === l.length, { error: "Each layer can be added once." })
    .refine((l) => LayersMember.safeParse(l).success, {
      error: "Layers are layer version ARNs, like arn:aws:lambda:us-east-1:123456789012:layer:my-layer:3.",
    }),
});
export type FunctionLayersFormSchema = z.infer<typeof FunctionLayersFormSchema>;

export const DurableSettingsFormSchema = z.object({
  functionName: FunctionNameSchema,
  revisionId: z.string().optional(),
  durableConfig: DurableConfigFormSchema,
});
export type DurableSettingsFormSchema = z.infer<typeof DurableSettingsFormSchema>;
