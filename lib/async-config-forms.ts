/** Asynchronous invocation settings (PutFunctionEventInvokeConfig), from the reference's ranges and patterns. */
import { z } from "zod";
import { inputMember, typeMember } from "@/lib/lambda-model/model";
import { FunctionNameSchema } from "@/lib/lambda-model/schemas";
import { memberSchema } from "@/lib/lambda-model/validate";
import { friendly } from "./friendly";

const retries = inputMember("PutFunctionEventInvokeConfig", "MaximumRetryAttempts");
const age = inputMember("PutFunctionEventInvokeConfig", "MaximumEventAgeInSeconds");

export const ASYNC_LIMITS = {
  retriesMin: retries.min ?? 0,
  retriesMax: retries.max ?? 2,
  ageMin: age.min ?? 60,
  ageMax: age.max ?? 21600,
} as const;

const Destination = z
  .string()
  .max(350, { error: "Destination ARNs are at most 350 characters." })
  .pipe(
    friendly(
      memberSchema(typeMember("OnSuccess", "Destination")),
      "Enter the ARN of an SQS queue, SNS topic, EventBridge bus, Lambda function or S3 bucket.",
    ),
  );

export const EventInvokeConfigFormSchema = z.object({
  functionName: FunctionNameSchema,
  maximumRetryAttempts: z
    .number()
    .int()
    .min(ASYNC_LIMITS.retriesMin)
    .max(ASYNC_LIMITS.retriesMax, { error: `Lambda retries at most ${ASYNC_LIMITS.retriesMax} times.` }),
  maximumEventAgeInSeconds: z
    .number({ error: "Enter the maximum age in seconds." })
    .int({ error: "Whole seconds only." })
    .min(ASYNC_LIMITS.ageMin, { error: `At least ${ASYNC_LIMITS.ageMin} seconds.` })
    .max(ASYNC_LIMITS.ageMax, { error: `At most ${ASYNC_LIMITS.ageMax} seconds (6 hours).` }),
  onSuccess: Destination.optional(),
  onFailure: Destination.optional(),
});
export type EventInvokeConfigFormSchema = z.infer<typeof EventInvokeConfigFormSchema>;

export const EventInvokeConfigRefSchema = z.object({ functionName: FunctionNameSchema });
