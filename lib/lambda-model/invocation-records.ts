/**
 * The emulator's invocation-record extension API, as both sides see it (the emulator serves it, the
 * console reads it through lib/aws). AWS keeps no such records — there the answer is CloudWatch Logs.
 *
 *   GET /2026-01-01/functions/{FunctionName}/invocations-log?Marker&MaxItems&Status → InvocationsPage
 *   GET /2026-01-01/invocations/{RequestId}                                        → InvocationDetail
 */

/** How an invocation ended. */
export type InvocationStatus = "Success" | "Error" | "Timeout";

/** One delivery outcome of an asynchronous invocation's record. */
export type AsyncCondition = "Success" | "RetriesExhausted" | "EventAgeExceeded";

/** The API view (PascalCase, ISO times), as InvocationSummary.Async. */
export interface AsyncInvocationView {
  State: "Retrying" | "Done";
  EnqueuedTime: string;
  Attempts: number;
  Throttles: number;
  MaximumRetryAttempts: number;
  MaximumEventAgeInSeconds: number;
  NextAttemptTime?: string;
  Condition?: AsyncCondition;
  Deliveries?: {
    Type: "OnSuccess" | "OnFailure" | "DeadLetter";
    Destination: string;
    Delivered: boolean;
    Reason?: string;
    RequestId?: string;
  }[];
  Discarded?: string;
  /** Request id of the invocation whose record this invocation received as a destination. */
  Origin?: string;
}

/** What any source knows of one run: the emulator's records, and the platform lines in CloudWatch Logs. */
export interface InvocationRun {
  RequestId: string;
  FunctionName: string;
  /** The version that ran. */
  Version: string;
  /** ISO-8601 with milliseconds. */
  StartTime: string;
  EndTime: string;
  DurationMs: number;
  BilledDurationMs: number;
  MemorySizeMB: number;
  MaxMemoryUsedMB: number;
  /** Present on cold starts only. */
  InitDurationMs?: number;
  Status: InvocationStatus;
  ErrorType?: string;
  ErrorMessage?: string;
}

export interface InvocationSummary extends InvocationRun {
  InvocationType: string;
  RequestPayloadBytes: number;
  ResponsePayloadBytes: number;
  /** The answer was streamed to the caller and not kept. */
  ResponseStreamed: boolean;
  /** Asynchronous invocations (Event, InvokeAsync, destination deliveries): attempts, state, deliveries. */
  Async?: AsyncInvocationView;
}

export interface InvocationDetail extends InvocationSummary {
  RequestPayload: string;
  RequestPayloadTruncated: boolean;
  ResponsePayload?: string;
  ResponsePayloadTruncated: boolean;
  Log: string;
  LogTruncated: boolean;
}

export interface InvocationsPage {
  Invocations: InvocationSummary[];
  NextMarker?: string;
}
