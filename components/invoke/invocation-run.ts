/**
 * One Test-tab invocation as the browser sees it, built from the invoke-stream events in arrival order
 * (a pure reducer), and what to show for it: the response body (an HTTP-integration prelude split off),
 * the function error, and the REPORT metrics from the log tail.
 */
import type { ConsoleError } from "@/lib/console-error";
import {
  base64ToBytes,
  decodeLogResult,
  type InvocationType,
  type InvokeCompleteEvent,
  type InvokeMetaEvent,
  type InvokeMode,
  type InvokeStreamEvent,
} from "@/lib/invoke-stream";
import { parseReport, type InvokeReport } from "./log-lines";

export interface RunRequest {
  payload: string;
  invocationType: InvocationType;
  mode: InvokeMode;
  qualifier?: string;
  /** For durable functions: the name of the execution this invoke starts. */
  durableExecutionName?: string;
}

export interface RunChunk {
  bytes: Uint8Array;
  /** Milliseconds since the invoke was sent. */
  at: number;
}

export interface InvocationRun {
  request: RunRequest;
  /** `performance.now()` when the invoke was sent: the origin of every `at`. */
  startedAt: number;
  status: "running" | "done" | "failed" | "aborted";
  meta?: InvokeMetaEvent;
  /** When the response headers arrived (ms since the invoke was sent). */
  metaAt?: number;
  chunks: RunChunk[];
  totalBytes: number;
  complete?: InvokeCompleteEvent;
  /** Wall time until the stream ended, as the browser saw it. */
  elapsedMs?: number;
  error?: ConsoleError;
}

export type RunAction =
  | { type: "event"; event: InvokeStreamEvent; at: number }
  | { type: "failed"; error: ConsoleError; at: number }
  | { type: "closed"; at: number }
  | { type: "aborted"; at: number };

export function startRun(request: RunRequest, startedAt = 0): InvocationRun {
  return { request, startedAt, status: "running", chunks: [], totalBytes: 0 };
}

export function runReducer(run: InvocationRun, action: RunAction): InvocationRun {
  if (run.status !== "running") return run;
  switch (action.type) {
    case "event": {
      const e = action.event;
      if (e.type === "meta") return { ...run, meta: e, metaAt: action.at };
      if (e.type === "chunk") {
        const bytes = base64ToBytes(e.base64);
        return { ...run, chunks: [...run.chunks, { bytes, at: action.at }], totalBytes: run.totalBytes + bytes.length };
      }
      if (e.type === "complete") return { ...run, complete: e, status: "done", elapsedMs: action.at };
      const { type: _type, ...error } = e;
      return { ...run, status: "failed", error, elapsedMs: action.at };
    }
    case "failed":
      return { ...run, status: "failed", error: action.error, elapsedMs: action.at };
    case "closed":
      // The stream ended without `complete` or `error`: the console server went away mid-answer.
      return {
        ...run,
        status: "failed",
        elapsedMs: action.at,
        error: { code: "StreamInterrupted", message: "The connection closed before the invocation completed." },
      };
    case "aborted":
      return { ...run, status: "aborted", elapsedMs: action.at };
  }
}

export const HTTP_INTEGRATION_CONTENT_TYPE = "application/vnd.awslambda.http-integration-response";

export interface HttpPrelude {
  statusCode?: number;
  headers?: Record<string, string>;
  cookies?: string[];
}

/** The bytes in arrival order, as one buffer. */
export function joinChunks(chunks: RunChunk[]): Uint8Array {
  const total = chunks.reduce((n, c) => n + c.bytes.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c.bytes, offset);
    offset += c.bytes.length;
  }
  return out;
}

/**
 * `HttpResponseStream.from` writes a JSON prelude, then 8 NUL bytes, then the body. Until the delimiter
 * arrives the prelude is pending; a prelude that is not JSON is left in the body.
 */
export function splitHttpPrelude(bytes: Uint8Array): { prelude?: HttpPrelude; pending: boolean; body: Uint8Array } {
  for (let i = 0; i + 8 <= bytes.length; i++) {
    if (bytes[i] !== 0) continue;
    let zeros = 1;
    while (zeros < 8 && bytes[i + zeros] === 0) zeros++;
    if (zeros < 8) continue;
    try {
      const prelude = JSON.parse(new TextDecoder().decode(bytes.subarray(0, i))) as HttpPrelude;
      return { prelude, pending: false, body: bytes.subarray(i + 8) };
    } catch {
      return { pending: false, body: bytes };
    }
  }
  return { pending: true, body: new Uint8Array(0) };
}

export interface RunView {
  /** The response body as text (what follows the HTTP prelude, for HTTP-integration streams). */
  body: string;
  http?: HttpPrelude;
  /** Waiting for the HTTP prelude's delimiter. */
  preludePending: boolean;
  /** `Unhandled` / error code when the function failed. */
  functionError?: string;
  errorType?: string;
  errorMessage?: string;
  log?: string;
  report?: InvokeReport;
}

function errorFields(text: string | undefined): { errorType?: string; errorMessage?: string } {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    return {
      ...(typeof value.errorType === "string" ? { errorType: value.errorType } : {}),
      ...(typeof value.errorMessage === "string" ? { errorMessage: value.errorMessage } : {}),
    };
  } catch {
    return { errorMessage: text };
  }
}

const OPEN_BRACE = 0x7b;

/**
 * Whether the stream is an HTTP-integration response. The content type says so when the endpoint
 * passes it on; otherwise (the response's Content-Type is the event stream's own) the prelude itself is
 * recognised: a JSON object followed by 8 NUL bytes, which ordinary text output never contains.
 */
function isHttpIntegration(run: InvocationRun, bytes: Uint8Array): boolean {
  if (run.meta?.contentType?.startsWith(HTTP_INTEGRATION_CONTENT_TYPE)) return true;
  if (bytes[0] !== OPEN_BRACE) return false;
  const split = splitHttpPrelude(bytes);
  return split.prelude !== undefined && typeof split.prelude === "object" && !Array.isArray(split.prelude);
}

/**
 * Invoke reports `Unhandled` and puts `{errorType, errorMessage}` in the payload; InvokeComplete puts the
 * error type in ErrorCode and the message (or that JSON) in ErrorDetails.
 */
function functionErrorFields(errorCode: string, details: string | undefined, body: string) {
  const fields = errorFields(details ?? (body || undefined));
  if (fields.errorType === undefined && errorCode !== "Unhandled" && errorCode !== "Handled") {
    return { ...fields, errorType: errorCode };
  }
  return fields;
}

export function viewRun(run: InvocationRun): RunView {
  const bytes = joinChunks(run.chunks);
  const isHttp = isHttpIntegration(run, bytes);
  const split = isHttp ? splitHttpPrelude(bytes) : undefined;
  const body = new TextDecoder().decode(split ? split.body : bytes);
  const log = decodeLogResult(run.complete?.logResult);
  const report = parseReport(log);
  const functionError = run.complete?.errorCode;
  return {
    body,
    ...(split?.prelude ? { http: split.prelude } : {}),
    preludePending: Boolean(split?.pending) && run.status === "running",
    ...(functionError
      ? { functionError, ...functionErrorFields(functionError, run.complete?.errorDetails, body) }
      : {}),
    ...(log !== undefined ? { log } : {}),
    ...(report ? { report } : {}),
  };
}
