/**
 * The browser ↔ console contract for invoking: `POST /api/functions/{name}/invoke-stream` takes an
 * `InvokeRequest` and answers `text/event-stream` with `InvokeStreamEvent`s. Every Test-tab invoke uses
 * it — streamed or buffered, RequestResponse, Event or DryRun — so invokes never queue behind server
 * actions, and closing the tab aborts the call upstream. Pure: shared by the route and the client.
 */
import { z } from "zod";
import { LIMITS } from "@/lib/lambda-model/schemas";
import { DurableExecutionNameSchema } from "./durable-forms";

export const InvocationTypeSchema = z.enum(["RequestResponse", "Event", "DryRun"]);
export type InvocationType = z.infer<typeof InvocationTypeSchema>;

/** `buffered` calls Invoke; `stream` calls InvokeWithResponseStream (RequestResponse and DryRun only). */
export const InvokeModeSchema = z.enum(["buffered", "stream"]);
export type InvokeMode = z.infer<typeof InvokeModeSchema>;

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

export const InvokeRequestSchema = z
  .object({
    payload: z.string(),
    qualifier: z
      .string()
      .max(128)
      .regex(/^[a-zA-Z0-9$_.-]+$/, { error: "Qualifiers are $LATEST, a version number or an alias name." })
      .optional(),
    invocationType: InvocationTypeSchema.default("RequestResponse"),
    mode: InvokeModeSchema.default("buffered"),
    /** Names the durable execution a durable function's invoke starts (X-Amz-Durable-Execution-Name). */
    durableExecutionName: DurableExecutionNameSchema.optional(),
  })
  .superRefine((input, ctx) => {
    try {
      JSON.parse(input.payload);
    } catch {
      ctx.addIssue({ code: "custom", path: ["payload"], message: "The event must be valid JSON." });
      return;
    }
    // The service's quotas: 6 MB for synchronous payloads, 1 MB for asynchronous (Event) ones.
    const limit = input.invocationType === "Event" ? LIMITS.asyncPayloadMaxBytes : LIMITS.syncPayloadMaxBytes;
    if (byteLength(input.payload) > limit) {
      ctx.addIssue({
        code: "custom",
        path: ["payload"],
        message: `${input.invocationType === "Event" ? "Asynchronous" : "Synchronous"} events are at most ${limit / 1024 / 1024} MB.`,
      });
    }
    if (input.mode === "stream" && input.invocationType === "Event") {
      ctx.addIssue({
        code: "custom",
        path: ["invocationType"],
        message: "InvokeWithResponseStream has no Event type; invoke asynchronously with the buffered API.",
      });
    }
  });
export type InvokeRequest = z.input<typeof InvokeRequestSchema>;

export interface InvokeMetaEvent {
  type: "meta";
  mode: InvokeMode;
  invocationType: InvocationType;
  /** 200 RequestResponse, 202 Event, 204 DryRun. */
  statusCode: number;
  requestId?: string;
  executedVersion?: string;
  /** The stream's content type; `application/vnd.awslambda.http-integration-response` for HttpResponseStream. */
  contentType?: string;
  /** The execution a durable function's invoke started (X-Amz-Durable-Execution-Arn). */
  durableExecutionArn?: string;
}

export interface InvokeChunkEvent {
  type: "chunk";
  /** The chunk's bytes, base64. */
  base64: string;
}

export interface InvokeCompleteEvent {
  type: "complete";
  /** InvokeComplete.ErrorCode, or Invoke's X-Amz-Function-Error (`Unhandled`). */
  errorCode?: string;
  errorDetails?: string;
  /** Base64 of the last 4 KB of the log, as Lambda sends it. */
  logResult?: string;
}

export interface InvokeErrorEvent {
  type: "error";
  code: string;
  message: string;
  requestId?: string;
  status?: number;
}

export type InvokeStreamEvent = InvokeMetaEvent | InvokeChunkEvent | InvokeCompleteEvent | InvokeErrorEvent;

/** One event on the wire: `event: <type>` and the JSON of the rest. */
export function encodeSseEvent(event: InvokeStreamEvent): string {
  const { type, ...data } = event;
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

const TYPES = new Set(["meta", "chunk", "complete", "error"]);

/**
 * Incremental `text/event-stream` parser: push text as it arrives (any split, including mid-line and
 * `\r\n` endings) and get whole events back. Unknown event types and comments are skipped.
 */
export function createSseParser() {
  let buffer = "";
  let eventType = "";
  let data: string[] = [];

  function dispatch(out: InvokeStreamEvent[]) {
    if (data.length > 0 && TYPES.has(eventType)) {
      try {
        const parsed = JSON.parse(data.join("\n")) as Record<string, unknown>;
        out.push({ ...parsed, type: eventType } as InvokeStreamEvent);
      } catch {
        // A malformed event is dropped rather than ending the stream.
      }
    }
    eventType = "";
    data = [];
  }

  function lines(text: string, flush: boolean): InvokeStreamEvent[] {
    buffer += text;
    const out: InvokeStreamEvent[] = [];
    let start = 0;
    for (;;) {
      const nl = buffer.indexOf("\n", start);
      if (nl < 0) break;
      const line = buffer.slice(start, nl).replace(/\r$/, "");
      start = nl + 1;
      if (line === "") dispatch(out);
      else if (line.startsWith(":")) continue;
      else {
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "event") eventType = value;
        else if (field === "data") data.push(value);
      }
    }
    buffer = buffer.slice(start);
    if (flush) dispatch(out);
    return out;
  }

  return {
    push: (text: string) => lines(text, false),
    /** The stream closed: a final event without its blank line still counts. */
    end: () => lines(buffer.length > 0 ? "\n" : "", true),
  };
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** LogResult (base64 UTF-8) → text. */
export function decodeLogResult(logResult: string | undefined): string | undefined {
  if (!logResult) return undefined;
  try {
    return new TextDecoder().decode(base64ToBytes(logResult));
  } catch {
    return undefined;
  }
}
