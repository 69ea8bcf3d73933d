/**
 * Durable-execution forms and actions as zod schemas: the API's constraints (lib/lambda-model) with
 * messages written for people. Shared by the dialogs (client-side checks) and the server actions.
 */
import { z } from "zod";
import { inputMember, typeMember } from "@/lib/lambda-model/model";
import { memberSchema } from "@/lib/lambda-model/validate";
import { FunctionNameSchema } from "@/lib/lambda-model/schemas";
import { friendly } from "./friendly";
import { jsonProblem } from "./json-problem";

/**
 * The runtimes the console creates durable functions on: its starter uses the JavaScript durable SDK
 * (AWS also offers durable execution on some Python, Java and .NET runtimes, with their own SDKs).
 */
export const DURABLE_RUNTIMES = ["nodejs24.x", "nodejs22.x"] as const;

export function isDurableRuntime(runtime: string): boolean {
  return (DURABLE_RUNTIMES as readonly string[]).includes(runtime);
}

const executionTimeout = typeMember("DurableConfig", "ExecutionTimeout");
const retention = typeMember("DurableConfig", "RetentionPeriodInDays");

/** The ranges the forms' hints quote, from the same constraints the schemas enforce. */
export const EXECUTION_TIMEOUT_RANGE = { min: executionTimeout.min ?? 1, max: executionTimeout.max ?? 31_622_400 };
export const RETENTION_RANGE = { min: retention.min ?? 1, max: retention.max ?? 90 };

/** What a new durable function starts with: a day to finish, history kept for the API's default 30 days. */
export const DURABLE_DEFAULTS = { executionTimeout: 86_400, retentionPeriodInDays: 30 } as const;

export const DurableConfigFormSchema = z.object({
  executionTimeout: z
    .number({ error: "Enter the execution timeout in seconds." })
    .int({ error: "The execution timeout is a whole number of seconds." })
    .min(EXECUTION_TIMEOUT_RANGE.min, { error: "The execution timeout is at least 1 second." })
    .max(EXECUTION_TIMEOUT_RANGE.max, {
      error: `The execution timeout is at most ${EXECUTION_TIMEOUT_RANGE.max.toLocaleString("en")} seconds (366 days).`,
    }),
  retentionPeriodInDays: z
    .number({ error: "Enter how many days to keep the history." })
    .int({ error: "The retention period is a whole number of days." })
    .min(RETENTION_RANGE.min, { error: `Keep the history for ${RETENTION_RANGE.min} to ${RETENTION_RANGE.max} days.` })
    .max(RETENTION_RANGE.max, { error: `Keep the history for ${RETENTION_RANGE.min} to ${RETENTION_RANGE.max} days.` }),
});
export type DurableConfigFormSchema = z.infer<typeof DurableConfigFormSchema>;

export const DurableExecutionNameSchema = friendly(
  memberSchema(inputMember("Invoke", "DurableExecutionName")),
  "Execution names are 1–64 letters, numbers, hyphens and underscores.",
);

/**
 * What the start forms say under an execution name the API would refuse. Blank is no problem: Lambda
 * names the execution.
 */
export function executionNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  return trimmed && !DurableExecutionNameSchema.safeParse(trimmed).success
    ? "Use 1–64 letters, numbers, hyphens and underscores."
    : undefined;
}

export const DurableExecutionArnSchema = friendly(
  memberSchema(inputMember("GetDurableExecution", "DurableExecutionArn")),
  "This is not a durable execution ARN.",
);

export const CallbackIdSchema = friendly(
  memberSchema(inputMember("SendDurableExecutionCallbackSuccess", "CallbackId")),
  "This is not a callback ID.",
);

/** SendDurableExecutionCallbackSuccess takes at most 256 KB of result. */
export const CALLBACK_RESULT_MAX_BYTES = inputMember("SendDurableExecutionCallbackSuccess", "Result").max ?? 262_144;

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

function isJson(text: string): boolean {
  return jsonProblem(text) === undefined;
}

export const StartDurableExecutionFormSchema = z.object({
  functionName: FunctionNameSchema,
  qualifier: z.string().max(128).optional(),
  name: DurableExecutionNameSchema.optional(),
  payload: z.string().refine(isJson, { error: "The input must be valid JSON." }),
});
export type StartDurableExecutionFormSchema = z.infer<typeof StartDurableExecutionFormSchema>;

export const StopDurableExecutionFormSchema = z.object({
  executionArn: DurableExecutionArnSchema,
  errorType: z.string().max(256).optional(),
  errorMessage: z.string().max(4096).optional(),
});
export type StopDurableExecutionFormSchema = z.infer<typeof StopDurableExecutionFormSchema>;

export const CallbackResultFormatSchema = z.enum(["json", "text"]);
export type CallbackResultFormat = z.infer<typeof CallbackResultFormatSchema>;

export const SendCallbackSuccessFormSchema = z
  .object({
    /** The execution it belongs to, so the console knows which timeline to refresh. */
    executionArn: DurableExecutionArnSchema,
    callbackId: CallbackIdSchema,
    result: z.string(),
    format: CallbackResultFormatSchema,
  })
  .superRefine((input, ctx) => {
    if (input.format === "json" && !isJson(input.result)) {
      ctx.addIssue({ code: "custom", path: ["result"], message: "The result is not valid JSON (or choose Text)." });
    }
    if (byteLength(input.result) > CALLBACK_RESULT_MAX_BYTES) {
      ctx.addIssue({ code: "custom", path: ["result"], message: "A callback result is at most 256 KB." });
    }
  });
export type SendCallbackSuccessFormSchema = z.infer<typeof SendCallbackSuccessFormSchema>;

export const SendCallbackFailureFormSchema = z.object({
  executionArn: DurableExecutionArnSchema,
  callbackId: CallbackIdSchema,
  errorType: z.string().max(256).optional(),
  errorMessage: z.string().max(32_768).optional(),
  errorData: z.string().max(32_768).optional(),
});
export type SendCallbackFailureFormSchema = z.infer<typeof SendCallbackFailureFormSchema>;

export const CallbackHeartbeatFormSchema = z.object({
  executionArn: DurableExecutionArnSchema,
  callbackId: CallbackIdSchema,
});
export type CallbackHeartbeatFormSchema = z.infer<typeof CallbackHeartbeatFormSchema>;
