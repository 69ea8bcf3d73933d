/**
 * The one error shape the UI renders: the AWS error name as `code`, its message, and the request id to
 * quote in a support ticket. Server code builds it from SDK errors (lib/aws/errors.ts); route handlers
 * send it as JSON; client fetchers rethrow it as an `ApiError` so error boundaries receive it intact.
 */
export interface ConsoleError {
  /** AWS error name, e.g. `ResourceNotFoundException`, or a console code like `EndpointUnreachable`. */
  code: string;
  message: string;
  requestId?: string;
  /** HTTP status of the failed call, when there was one. */
  status?: number;
}

export class ApiError extends Error implements ConsoleError {
  readonly code: string;
  readonly requestId?: string;
  readonly status?: number;

  constructor(error: ConsoleError) {
    super(error.message);
    this.name = "ApiError";
    this.code = error.code;
    if (error.requestId) this.requestId = error.requestId;
    if (error.status !== undefined) this.status = error.status;
  }

  toJSON(): ConsoleError {
    return {
      code: this.code,
      message: this.message,
      ...(this.requestId ? { requestId: this.requestId } : {}),
      ...(this.status !== undefined ? { status: this.status } : {}),
    };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Reads a ConsoleError out of anything thrown; Next's sanitized server errors become a generic one. */
export function toConsoleError(error: unknown): ConsoleError {
  if (error instanceof ApiError) return error.toJSON();
  if (isRecord(error) && typeof error.code === "string" && typeof error.message === "string") {
    return {
      code: error.code,
      message: error.message,
      ...(typeof error.requestId === "string" ? { requestId: error.requestId } : {}),
      ...(typeof error.status === "number" ? { status: error.status } : {}),
    };
  }
  if (error instanceof Error) {
    const digest = (error as Error & { digest?: unknown }).digest;
    return {
      code: error.name && error.name !== "Error" ? error.name : "UnexpectedError",
      message: error.message || "Something went wrong.",
      ...(typeof digest === "string" ? { requestId: `digest ${digest}` } : {}),
    };
  }
  return { code: "UnexpectedError", message: String(error) };
}
