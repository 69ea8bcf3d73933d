/** SDK and network failures → the console's `ConsoleError` (AWS error name, message, request id, status). */
import "server-only";
import type { Connection } from "@/lib/connection";
import type { ConsoleError } from "@/lib/console-error";
import { serverConfig } from "@/lib/connection-registry";

interface SdkErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $response?: { statusCode?: number };
}

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT", "EAI_AGAIN"]);

function networkCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as SdkErrorLike).code;
  if (typeof code === "string" && NETWORK_CODES.has(code)) return code;
  // Node wraps happy-eyeballs failures in an AggregateError whose members carry the code.
  if (error instanceof AggregateError) return error.errors.map(networkCode).find(Boolean);
  const cause = (error as { cause?: unknown }).cause;
  return cause ? networkCode(cause) : undefined;
}

export function toAwsError(error: unknown, connection: Connection = serverConfig().connection): ConsoleError {
  const net = networkCode(error);
  if (net) {
    const what = connection.kind === "emulator" ? "the Lambda emulator" : "the Lambda endpoint";
    return {
      code: "EndpointUnreachable",
      message: `Could not reach ${what} at ${connection.endpoint} (${net}).`,
      status: 503,
    };
  }
  const e = (typeof error === "object" && error !== null ? error : {}) as SdkErrorLike;
  const name = typeof e.name === "string" && e.name !== "Error" ? e.name : "UnexpectedError";
  const message = typeof e.message === "string" && e.message ? e.message : String(error);
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  const requestId = e.$metadata?.requestId;
  return {
    code: name === "TimeoutError" ? "RequestTimeout" : name,
    message,
    ...(requestId ? { requestId } : {}),
    ...(status !== undefined ? { status } : {}),
  };
}

export function isNotFound(error: ConsoleError): boolean {
  return error.code === "ResourceNotFoundException";
}

/** Thrown by lib/aws verbs: carries the converted error so callers need not convert again. */
export class AwsCallError extends Error {
  readonly detail: ConsoleError;
  constructor(detail: ConsoleError) {
    super(detail.message);
    this.name = detail.code;
    this.detail = detail;
  }
}
