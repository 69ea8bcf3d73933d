/** Reserved and provisioned concurrency inputs, from PutFunctionConcurrency / PutProvisionedConcurrencyConfig. */
import { z } from "zod";
import { inputMember } from "@/lib/lambda-model/model";
import { FunctionNameSchema } from "@/lib/lambda-model/schemas";
import { memberSchema } from "@/lib/lambda-model/validate";
import { friendly } from "./friendly";

export const ReservedConcurrencyFormSchema = z.object({
  functionName: FunctionNameSchema,
  /** Undefined: stop reserving (DeleteFunctionConcurrency); the function shares the unreserved pool. */
  reserved: z
    .number({ error: "Enter a number of concurrent executions." })
    .int({ error: "Whole executions only." })
    .min(inputMember("PutFunctionConcurrency", "ReservedConcurrentExecutions").min ?? 0, {
      error: "At least 0.",
    })
    .optional(),
});
export type ReservedConcurrencyFormSchema = z.infer<typeof ReservedConcurrencyFormSchema>;

export const ProvisionedConcurrencyFormSchema = z.object({
  functionName: FunctionNameSchema,
  qualifier: z
    .string()
    .min(1, { error: "Choose a version or an alias." })
    .refine((q) => q !== "$LATEST", { error: "Provisioned concurrency needs a published version or an alias." })
    .pipe(friendly(memberSchema(inputMember("PutProvisionedConcurrencyConfig", "Qualifier")), "Not a qualifier.")),
  amount: z
    .number({ error: "Enter how many environments to keep ready." })
    .int({ error: "Whole environments only." })
    .min(inputMember("PutProvisionedConcurrencyConfig", "ProvisionedConcurrentExecutions").min ?? 1, {
      error: "At least 1.",
    }),
});
export type ProvisionedConcurrencyFormSchema = z.infer<typeof ProvisionedConcurrencyFormSchema>;

export const ProvisionedConcurrencyRefSchema = z.object({
  functionName: FunctionNameSchema,
  qualifier: z.string().min(1),
});
