/**
 * Emulator extension API: invocation records. AWS has no such action (its answer is CloudWatch Logs and
 * metrics), so these live under their own version prefix and are SigV4-verified like every other call;
 * the console reaches them with a signed request, exactly as it reaches the rest of the API.
 *
 *   GET /2026-01-01/functions/{FunctionName}/invocations-log?Marker=&MaxItems=&Status=Success|Error|Timeout
 *       → { Invocations: InvocationSummary[], NextMarker? }   newest first
 *   GET /2026-01-01/invocations/{RequestId}
 *       → InvocationDetail (summary + RequestPayload, ResponsePayload, Log, *Truncated flags)
 *   GET /2026-01-01/functions/{FunctionName}/async-queue?MaxItems=
 *       → { Events: QueuedEventSummary[] }   asynchronous invocations not ended yet, oldest first
 */
import { asyncView, parseDetail } from "../async/record-detail";
import type {
  AsyncInvocationView,
  InvocationDetail,
  InvocationSummary,
} from "../../lib/lambda-model/invocation-records";
import type { EmulatorContext } from "../context";
import { functionNotFound, invalidParameter, resourceNotFound } from "../errors";
import { arnOf, parseTarget } from "../functions/resolve";
import type { ExtensionRoute } from "../server";
import { MAX_STORED_LOG, MAX_STORED_PAYLOAD, type InvocationStatus, type StoredSummary } from "./invocation-log";

const LIST = /^\/2026-01-01\/functions\/([^/]+)\/invocations-log$/;
const GET = /^\/2026-01-01\/invocations\/([^/]+)$/;
const QUEUE = /^\/2026-01-01\/functions\/([^/]+)\/async-queue$/;
const STATUSES: Record<string, InvocationStatus> = { Success: "success", Error: "error", Timeout: "timeout" };

const STATUS_NAMES = { success: "Success", error: "Error", timeout: "Timeout" } as const;

function summary(row: StoredSummary): InvocationSummary {
  return {
    RequestId: row.request_id,
    FunctionName: row.function_name,
    Version: row.version,
    InvocationType: row.invocation_type,
    StartTime: new Date(row.start_time).toISOString(),
    EndTime: new Date(row.end_time).toISOString(),
    DurationMs: Math.round(row.duration_ms * 100) / 100,
    BilledDurationMs: row.billed_duration_ms,
    MemorySizeMB: row.memory_size_mb,
    MaxMemoryUsedMB: row.max_memory_used_mb,
    ...(row.init_duration_ms !== null ? { InitDurationMs: Math.round(row.init_duration_ms * 100) / 100 } : {}),
    Status: STATUS_NAMES[row.status],
    ...(row.error_type !== null ? { ErrorType: row.error_type } : {}),
    ...(row.error_message !== null ? { ErrorMessage: row.error_message } : {}),
    RequestPayloadBytes: row.request_bytes,
    ResponsePayloadBytes: row.response_bytes,
    ResponseStreamed: row.response_streamed === 1,
    ...withAsync(row.async_detail),
  };
}

function withAsync(json: string | null): { Async?: AsyncInvocationView } {
  const detail = parseDetail(json);
  return detail ? { Async: asyncView(detail) } : {};
}

function single(query: Record<string, string | string[]>, key: string): string | undefined {
  const v = query[key];
  return Array.isArray(v) ? v[v.length - 1] : v;
}

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw invalidParameter("Malformed path parameter.");
  }
}

/** The records and queue lists both take an existing function and `MaxItems` 1–1000 (default 50). */
function listTarget(ctx: EmulatorContext, functionName: string, query: Record<string, string | string[]>) {
  const target = parseTarget(ctx, functionName);
  if (!ctx.functions.exists(target.name)) throw functionNotFound(arnOf(ctx, target.name));
  const maxItems = single(query, "MaxItems");
  const limit = maxItems === undefined ? 50 : Number(maxItems);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw invalidParameter(
      `1 validation error detected: Value '${maxItems}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000`,
    );
  }
  return { target, limit };
}

function listInvocations(ctx: EmulatorContext, functionName: string, query: Record<string, string | string[]>) {
  const { target, limit } = listTarget(ctx, functionName, query);
  const statusName = single(query, "Status");
  const status = statusName === undefined ? undefined : STATUSES[statusName];
  if (statusName !== undefined && !status) {
    throw invalidParameter(
      `1 validation error detected: Value '${statusName}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Success, Error, Timeout]`,
    );
  }
  const marker = single(query, "Marker");
  let before: number | undefined;
  if (marker) {
    before = Number(Buffer.from(marker, "base64url").toString("utf8"));
    if (!Number.isInteger(before) || before < 0) throw invalidParameter("Invalid pagination token.");
  }
  const rows = ctx.runtime.records.list(target.name, {
    limit: limit + 1,
    ...(before !== undefined ? { before } : {}),
    ...(status ? { status } : {}),
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    Invocations: page.map(summary),
    ...(rows.length > limit && last ? { NextMarker: Buffer.from(String(last.seq)).toString("base64url") } : {}),
  };
}

function getInvocation(ctx: EmulatorContext, requestId: string): InvocationDetail {
  const row = ctx.runtime.records.get(requestId);
  if (!row) throw resourceNotFound(`Invocation not found: ${requestId}`);
  const request = row.request_payload ?? Buffer.alloc(0);
  const response = row.response_payload;
  return {
    ...summary(row),
    RequestPayload: request.toString("utf8"),
    RequestPayloadTruncated: row.request_bytes > MAX_STORED_PAYLOAD,
    ...(response ? { ResponsePayload: response.toString("utf8") } : {}),
    ResponsePayloadTruncated: response !== null && row.response_bytes > MAX_STORED_PAYLOAD,
    Log: row.log,
    LogTruncated: row.log_bytes > MAX_STORED_LOG,
  };
}

/** An asynchronous invocation that has not ended: waiting for its first run, or for a retry. */
export interface QueuedEventSummary {
  RequestId: string;
  FunctionName: string;
  /** The ARN it was invoked with (qualified when the caller named a version or alias). */
  InvokedFunctionArn: string;
  /** Queued: not run yet (maybe throttled); Retrying: a run failed and another is scheduled. */
  State: "Queued" | "Retrying";
  /** Running right now. */
  InFlight: boolean;
  EnqueuedTime: string;
  NextAttemptTime: string;
  Attempts: number;
  Throttles: number;
  /** When it carries another invocation's destination record: that invocation's request id. */
  Origin?: string;
}

function listQueue(ctx: EmulatorContext, functionName: string, query: Record<string, string | string[]>) {
  const { target, limit } = listTarget(ctx, functionName, query);
  const events: QueuedEventSummary[] = ctx.runtime.async.pending(target.name, limit).map((e) => ({
    RequestId: e.request_id,
    FunctionName: e.function_name,
    InvokedFunctionArn: e.invoked_arn,
    State: e.attempts > 0 ? "Retrying" : "Queued",
    InFlight: ctx.runtime.async.isInFlight(e.request_id),
    EnqueuedTime: new Date(e.enqueued_at).toISOString(),
    NextAttemptTime: new Date(e.next_attempt_at).toISOString(),
    Attempts: e.attempts,
    Throttles: e.throttles,
    ...(e.origin ? { Origin: e.origin } : {}),
  }));
  return { Events: events };
}

export const invocationsApi: ExtensionRoute = (request, ctx) => {
  if (!request.rawPath.startsWith("/2026-01-01/")) return undefined;
  if (request.method !== "GET") return undefined;
  const list = LIST.exec(request.rawPath);
  if (list?.[1]) return { body: listInvocations(ctx, decodeSegment(list[1]), request.query) };
  const get = GET.exec(request.rawPath);
  if (get?.[1]) return { body: getInvocation(ctx, decodeSegment(get[1])) };
  const queue = QUEUE.exec(request.rawPath);
  if (queue?.[1]) return { body: listQueue(ctx, decodeSegment(queue[1]), request.query) };
  return undefined;
};
