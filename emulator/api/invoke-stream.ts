/**
 * InvokeWithResponseStream: the function's answer leaves as an event stream while the function writes it —
 * one `PayloadChunk` per write (a non-streaming handler's whole answer as one chunk, as the service does),
 * then one `InvokeComplete` carrying the error, if any, and the log tail. Errors found before the function
 * runs (unknown function, bad payload, throttling) are ordinary error responses.
 */
import type { InvokeWithResponseStreamRequest } from "@aws-sdk/client-lambda";
import type { EmulatorContext } from "../context";
import {
  EVENT_STREAM_CONTENT_TYPE,
  invokeCompleteFrame,
  payloadChunkFrame,
  type InvokeCompleteEvent,
} from "../eventstream";
import { invalidParameter } from "../errors";
import { arnOf, parseTarget } from "../functions/resolve";
import { LiveResponse } from "../live-response";
import type { InvokeResult } from "../runtime/manager";
import { assertInvocable, clientContextJson, eventPayload, SYNC_PAYLOAD_LIMIT, versionToRun } from "./invoke";
import type { ApiRequest, ApiResult, HandlerMap, Input } from "./types";

/** InvokeComplete.LogResult, like X-Amz-Log-Result, is the last 4 KB of the log. */
const LOG_TAIL_BYTES = 4_096;

// The payload member arrives as the raw body (a Buffer), not as base64 inside JSON.
type InvokeStreamInput = Omit<Input<InvokeWithResponseStreamRequest, "FunctionName">, "Payload"> & {
  Payload?: Buffer;
};

export function logTail(logs: string): string {
  const log = Buffer.from(logs, "utf8");
  return log.subarray(Math.max(0, log.length - LOG_TAIL_BYTES)).toString("base64");
}

/** ErrorCode/ErrorDetails of a failed invocation: the error type and message of its error body. */
export function errorSummary(result: InvokeResult): Pick<InvokeCompleteEvent, "ErrorCode" | "ErrorDetails"> {
  let parsed: { errorType?: unknown; errorMessage?: unknown } = {};
  try {
    const value: unknown = JSON.parse(result.payload.toString("utf8"));
    if (value !== null && typeof value === "object") parsed = value;
  } catch {
    // Not JSON (a custom runtime's free text): the text itself is the detail.
  }
  const code = result.errorType ?? (typeof parsed.errorType === "string" ? parsed.errorType : "Unhandled");
  const details = typeof parsed.errorMessage === "string" ? parsed.errorMessage : result.payload.toString("utf8");
  return { ErrorCode: code, ...(details ? { ErrorDetails: details } : {}) };
}

function traceIdOf(req: ApiRequest<unknown>): string | undefined {
  const header = req.headers["x-amzn-trace-id"];
  return typeof header === "string" && header.startsWith("Root=") ? header : undefined;
}

// POST /2021-11-15/functions/{FunctionName}/response-streaming-invocations — InvokeWithResponseStream
async function invokeWithResponseStream(req: ApiRequest<InvokeStreamInput>, ctx: EmulatorContext): Promise<ApiResult> {
  const input = req.input;
  const target = parseTarget(ctx, input.FunctionName, input.Qualifier);
  const record = versionToRun(ctx, target);
  assertInvocable(record);
  const payload = eventPayload(input.Payload, SYNC_PAYLOAD_LIMIT);
  const clientContext = clientContextJson(input.ClientContext);
  if (input.InvocationType === "DryRun") return { status: 204 };
  if (record.config.DurableConfig) {
    // A durable function's answer is its execution's result, which no stream carries; Invoke returns it.
    throw invalidParameter(
      "InvokeWithResponseStream does not support durable functions. Use Invoke (RequestResponse or Event) to start a durable execution.",
    );
  }

  const traceId = traceIdOf(req);
  // Throws (→ a normal error response) when the invocation cannot start: throttled, runtime unavailable.
  const inv = await ctx.runtime.invokeStream({
    config: record.config,
    codeHash: record.codeHash,
    invokedArn: arnOf(ctx, target.name, target.qualifier),
    payload,
    requestId: req.requestId,
    invocationType: "RequestResponse",
    ...(clientContext !== undefined ? { clientContext } : {}),
    ...(input.TenantId ? { tenantId: input.TenantId } : {}),
    ...(traceId ? { traceId } : {}),
  });

  const out = new LiveResponse(req.res);
  out.start(200, {
    "x-amzn-RequestId": req.requestId,
    "Content-Type": EVENT_STREAM_CONTENT_TYPE,
    "X-Amz-Executed-Version": inv.executedVersion,
  });
  // After a disconnect the chunks are still read (and dropped): an unread stream would stall the
  // function on backpressure, and in Lambda it runs to its end either way.
  for await (const chunk of inv.chunks) await out.write(payloadChunkFrame(chunk));
  const result = await inv.result;
  out.end(
    invokeCompleteFrame({
      ...(result.status !== "success" ? errorSummary(result) : {}),
      ...(input.LogType === "Tail" ? { LogResult: logTail(result.logs) } : {}),
    }),
  );
  return { handled: true };
}

export const invokeStreamHandlers: HandlerMap = {
  InvokeWithResponseStream: invokeWithResponseStream,
};
