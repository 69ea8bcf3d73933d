/**
 * Reading an invocation's answer: the function's DurableExecutionInvocationOutput, or the ErrorObject of
 * an invocation that failed (thrown, crashed, timed out, or could not run at all).
 */
import { LambdaError } from "../errors";
import type { InvokeResult } from "../runtime/manager";
import type { ErrorObject } from "./types";

/** The ErrorObject of a failed invocation (function error, crash, timeout, or one that could not run). */
export function invocationFailure(outcome: InvokeResult | LambdaError): ErrorObject | undefined {
  if (outcome instanceof LambdaError) return { ErrorType: outcome.name, ErrorMessage: outcome.message };
  if (outcome.status === "success") return undefined;
  let parsed: { errorType?: unknown; errorMessage?: unknown; trace?: unknown; stackTrace?: unknown } = {};
  try {
    const value: unknown = JSON.parse(outcome.payload.toString("utf8"));
    if (value !== null && typeof value === "object") parsed = value;
  } catch {
    // a custom runtime's free text
  }
  const trace = Array.isArray(parsed.trace)
    ? parsed.trace
    : Array.isArray(parsed.stackTrace)
      ? parsed.stackTrace
      : undefined;
  return {
    ErrorType: typeof parsed.errorType === "string" ? parsed.errorType : (outcome.errorType ?? "Unhandled"),
    ErrorMessage: typeof parsed.errorMessage === "string" ? parsed.errorMessage : outcome.payload.toString("utf8"),
    ...(trace ? { StackTrace: trace.filter((l): l is string => typeof l === "string") } : {}),
  };
}

export interface InvocationOutput {
  Status: "SUCCEEDED" | "FAILED" | "PENDING";
  Result?: string;
  Error?: ErrorObject;
}

/** The function's DurableExecutionInvocationOutput, or undefined when the answer is not one. */
export function parseOutput(payload: Buffer): InvocationOutput | undefined {
  try {
    const value = JSON.parse(payload.toString("utf8")) as Partial<InvocationOutput> | null;
    if (!value || typeof value !== "object") return undefined;
    if (value.Status !== "SUCCEEDED" && value.Status !== "FAILED" && value.Status !== "PENDING") return undefined;
    return {
      Status: value.Status,
      ...(typeof value.Result === "string" ? { Result: value.Result } : {}),
      ...(value.Error && typeof value.Error === "object" ? { Error: value.Error } : {}),
    };
  } catch {
    return undefined;
  }
}
