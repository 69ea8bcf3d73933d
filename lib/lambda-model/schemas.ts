/**
 * Zod schemas for console forms, each taken from the reference's constraints for the same member, so a
 * form rejects exactly what the API would reject (plus the documented limits the model lacks).
 */
import { z } from "zod";
import { inputMember, typeMember } from "./model";
import { memberSchema } from "./validate";

/** Limits the reference states in prose rather than as member constraints. */
export const LIMITS = {
  timeoutMaxSeconds: 900,
  environmentMaxBytes: 4096,
  zipDirectUploadMaxBytes: 50 * 1024 * 1024,
  unzippedMaxBytes: 250 * 1024 * 1024,
  syncPayloadMaxBytes: 6 * 1024 * 1024,
  asyncPayloadMaxBytes: 1024 * 1024,
} as const;

/** Environment variables Lambda sets itself; Create/UpdateFunctionConfiguration refuse them as keys. */
export const RESERVED_ENVIRONMENT_KEYS: ReadonlySet<string> = new Set([
  "_HANDLER",
  "_X_AMZN_TRACE_ID",
  "AWS_DEFAULT_REGION",
  "AWS_REGION",
  "AWS_EXECUTION_ENV",
  "AWS_LAMBDA_FUNCTION_NAME",
  "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
  "AWS_LAMBDA_FUNCTION_VERSION",
  "AWS_LAMBDA_INITIALIZATION_TYPE",
  "AWS_LAMBDA_LOG_GROUP_NAME",
  "AWS_LAMBDA_LOG_STREAM_NAME",
  "AWS_ACCESS_KEY",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_LAMBDA_RUNTIME_API",
  "LAMBDA_TASK_ROOT",
  "LAMBDA_RUNTIME_DIR",
]);

export const FunctionNameSchema = z
  .string()
  .min(1, { error: "Enter a function name." })
  .max(64, { error: "Function names are at most 64 characters." })
  .regex(/^[a-zA-Z0-9_-]+$/, { error: "Use letters, numbers, hyphens and underscores only." });

export const DescriptionSchema = memberSchema(inputMember("UpdateFunctionConfiguration", "Description"));
export const HandlerSchema = memberSchema(inputMember("CreateFunction", "Handler"));
export const RuntimeSchema = memberSchema(inputMember("CreateFunction", "Runtime"));
export const MemorySizeSchema = z
  .number({ error: "Enter the memory in MB." })
  .int()
  .min(inputMember("CreateFunction", "MemorySize").min ?? 128, { error: "Memory is at least 128 MB." })
  .max(inputMember("CreateFunction", "MemorySize").max ?? 10240, {
    error: `Memory is at most ${inputMember("CreateFunction", "MemorySize").max ?? 10240} MB.`,
  });
export const TimeoutSchema = z
  .number({ error: "Enter the timeout in seconds." })
  .int()
  .min(1, { error: "Timeout is at least 1 second." })
  .max(LIMITS.timeoutMaxSeconds, { error: `Timeout is at most ${LIMITS.timeoutMaxSeconds} seconds.` });

const envKeyPattern = new RegExp(`^(?:${typeMember("Environment", "Variables").keyPattern ?? ".+"})$`);
export const EnvironmentVariableKeySchema = z.string().regex(envKeyPattern, {
  error: "Keys start with a letter and contain only letters, digits and underscores (2+ characters).",
});

/** Environment variables as a map, with the 4 KB total the reference allows. */
export const EnvironmentVariablesSchema = z
  .record(EnvironmentVariableKeySchema, z.string())
  .refine((vars) => new TextEncoder().encode(JSON.stringify(vars)).length <= LIMITS.environmentMaxBytes, {
    error: `Environment variables may total at most ${LIMITS.environmentMaxBytes} bytes.`,
  });

export const ArchitectureSchema = z.enum(["x86_64", "arm64"]);
