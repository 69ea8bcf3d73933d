/**
 * Invoke and InvokeWithResponseStream, as one sequence of `InvokeStreamEvent`s (lib/invoke-stream.ts):
 * meta (status, request id, executed version), chunks as Lambda sends them, then complete (error code,
 * log tail) — or error. The route handler pipes this to the browser; `signal` aborts the call upstream.
 */
import "server-only";
import { InvokeCommand, InvokeWithResponseStreamCommand } from "@aws-sdk/client-lambda";
import {
  bytesToBase64,
  InvokeRequestSchema,
  type InvocationType,
  type InvokeMode,
  type InvokeStreamEvent,
} from "@/lib/invoke-stream";
import type { z } from "zod";
import { lambdaClient } from "./client";
import { toAwsError } from "./errors";

type InvokeInput = z.output<typeof InvokeRequestSchema> & { functionName: string };

function errorEvent(error: unknown): InvokeStreamEvent {
  const detail = toAwsError(error);
  return { type: "error", ...detail };
}

function aborted(signal: AbortSignal | undefined, error: unknown): boolean {
  return Boolean(signal?.aborted) || (error instanceof Error && error.name === "AbortError");
}

/** Invoke (buffered): the whole answer arrives as one chunk after the function returns. */
export async function* invoke(input: InvokeInput, signal?: AbortSignal): AsyncGenerator<InvokeStreamEvent> {
  const invocationType: InvocationType = input.invocationType;
  let out;
  try {
    out = await lambdaClient().send(
      new InvokeCommand({
        FunctionName: input.functionName,
        Qualifier: input.qualifier,
        InvocationType: invocationType,
        // The log tail only exists for synchronous calls.
        LogType: invocationType === "RequestResponse" ? "Tail" : "None",
        Payload: new TextEncoder().encode(input.payload),
        DurableExecutionName: input.durableExecutionName,
      }),
      { abortSignal: signal },
    );
  } catch (error) {
    if (!aborted(signal, error)) yield errorEvent(error);
    return;
  }
  yield meta(
    "buffered",
    invocationType,
    out.StatusCode,
    out.$metadata.requestId,
    out.ExecutedVersion,
    undefined,
    out.DurableExecutionArn,
  );
  if (out.Payload && out.Payload.length > 0) yield { type: "chunk", base64: bytesToBase64(out.Payload) };
  yield {
    type: "complete",
    ...(out.FunctionError ? { errorCode: out.FunctionError } : {}),
    ...(out.LogResult ? { logResult: out.LogResult } : {}),
  };
}

/** InvokeWithResponseStream: chunks are forwarded as the function writes them. */
export async function* invokeWithResponseStream(
  input: InvokeInput,
  signal?: AbortSignal,
): AsyncGenerator<InvokeStreamEvent> {
  const invocationType = input.invocationType === "DryRun" ? "DryRun" : "RequestResponse";
  try {
    const out = await lambdaClient().send(
      new InvokeWithResponseStreamCommand({
        FunctionName: input.functionName,
        Qualifier: input.qualifier,
        InvocationType: invocationType,
        LogType: invocationType === "RequestResponse" ? "Tail" : "None",
        Payload: new TextEncoder().encode(input.payload),
      }),
      { abortSignal: signal },
    );
    yield meta(
      "stream",
      invocationType,
      out.StatusCode,
      out.$metadata.requestId,
      out.ExecutedVersion,
      out.ResponseStreamContentType,
    );
    let completed = false;
    for await (const event of out.EventStream ?? []) {
      if (event.PayloadChunk?.Payload && event.PayloadChunk.Payload.length > 0) {
        yield { type: "chunk", base64: bytesToBase64(event.PayloadChunk.Payload) };
      } else if (event.InvokeComplete) {
        const c = event.InvokeComplete;
        completed = true;
        yield {
          type: "complete",
          ...(c.ErrorCode ? { errorCode: c.ErrorCode } : {}),
          ...(c.ErrorDetails ? { errorDetails: c.ErrorDetails } : {}),
          ...(c.LogResult ? { logResult: c.LogResult } : {}),
        };
      }
    }
    // DryRun (204) has no event stream at all; it is complete once the headers are in.
    if (!completed) yield { type: "complete" };
  } catch (error) {
    if (!aborted(signal, error)) yield errorEvent(error);
  }
}

function meta(
  mode: InvokeMode,
  invocationType: InvocationType,
  statusCode: number | undefined,
  requestId: string | undefined,
  executedVersion: string | undefined,
  contentType?: string,
  durableExecutionArn?: string,
): InvokeStreamEvent {
  return {
    type: "meta",
    mode,
    invocationType,
    statusCode: statusCode ?? (invocationType === "Event" ? 202 : invocationType === "DryRun" ? 204 : 200),
    ...(requestId ? { requestId } : {}),
    ...(executedVersion ? { executedVersion } : {}),
    ...(contentType ? { contentType } : {}),
    ...(durableExecutionArn ? { durableExecutionArn } : {}),
  };
}

/** Invoke or InvokeWithResponseStream, as the request's mode says. */
export function invocationEvents(input: InvokeInput, signal?: AbortSignal): AsyncGenerator<InvokeStreamEvent> {
  return input.mode === "stream" ? invokeWithResponseStream(input, signal) : invoke(input, signal);
}
