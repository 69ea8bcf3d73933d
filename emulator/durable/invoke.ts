/**
 * Invoke of a durable function (one whose configuration has DurableConfig): the payload starts an
 * execution instead of reaching the function. `Event` answers 202 once the execution is committed;
 * `RequestResponse` waits for the whole execution — at most 15 minutes, as the service bounds synchronous
 * invocations — and answers with its result, or its error as a function error. Both carry
 * X-Amz-Durable-Execution-Arn. A repeated X-Amz-Durable-Execution-Name of a running execution with the
 * same payload re-attaches to it (see README.md for the idempotency rules).
 */
import type { EmulatorContext } from "../context";
import type { VersionRecord } from "../store/functions-repo";
import type { ApiResult } from "../api/types";
import type { ExecutionRecord } from "./types";

/** Synchronous invocations of durable functions are limited to 15 minutes. */
const SYNC_LIMIT_MS = 15 * 60_000;

export interface DurableInvoke {
  record: Readonly<VersionRecord>;
  invokedArn: string;
  payload: Buffer;
  invocationType: "RequestResponse" | "Event";
  executionName?: string;
  traceId?: string;
  tenantId?: string;
  signal?: AbortSignal;
}

export async function invokeDurable(ctx: EmulatorContext, params: DurableInvoke): Promise<ApiResult> {
  const { execution } = ctx.durable.startExecution({
    record: params.record,
    invokedArn: params.invokedArn,
    payload: params.payload,
    invocationType: params.invocationType,
    ...(params.executionName !== undefined ? { name: params.executionName } : {}),
    ...(params.traceId ? { traceId: params.traceId } : {}),
    ...(params.tenantId ? { tenantId: params.tenantId } : {}),
  });
  const headers: Record<string, string> = {
    "X-Amz-Durable-Execution-Arn": execution.arn,
    "X-Amz-Executed-Version": execution.version,
  };
  if (params.invocationType === "Event") return { status: 202, headers };

  const limit = Math.min(SYNC_LIMIT_MS, execution.executionTimeout * 1000 + 5_000);
  const ended = await ctx.durable.waitForEnd(execution.arn, limit, params.signal);
  const answer = answerOf(ended, execution);
  headers["Content-Type"] = "application/json";
  if (answer.failed) headers["X-Amz-Function-Error"] = "Unhandled";
  return { status: 200, headers, payload: answer.payload };
}

/** The synchronous answer: the result as the function's payload, or the error as a function error. */
function answerOf(ended: ExecutionRecord | undefined, started: ExecutionRecord): { payload: string; failed: boolean } {
  if (ended?.status === "SUCCEEDED") return { payload: ended.result ?? "null", failed: false };
  const error =
    ended === undefined
      ? {
          ErrorType: "ResourceNotFoundException",
          ErrorMessage: `The durable execution ${started.arn} no longer exists.`,
        }
      : ended.status === "RUNNING"
        ? {
            ErrorType: "Sandbox.Timedout",
            ErrorMessage: `The synchronous invocation ended after 15 minutes; the durable execution ${started.arn} goes on.`,
          }
        : (ended.error ?? {});
  return {
    failed: true,
    payload: JSON.stringify({
      errorType: error.ErrorType ?? ended?.status ?? "Unhandled",
      errorMessage: error.ErrorMessage ?? "",
      ...(error.ErrorData !== undefined ? { errorData: error.ErrorData } : {}),
      ...(error.StackTrace ? { stackTrace: error.StackTrace } : {}),
    }),
  };
}
