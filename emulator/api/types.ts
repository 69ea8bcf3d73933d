/** What an API handler receives and returns. Routing, SigV4, validation and encoding happen before. */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { ActionName } from "../../lib/lambda-model/model";
import type { EmulatorContext } from "../context";

/** An SDK shape as it travels as JSON: blobs are base64 strings, timestamps epoch seconds. */
export type Wire<T> = T extends Uint8Array
  ? string
  : T extends Date
    ? number
    : T extends (infer U)[]
      ? Wire<U>[]
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;

/** A validated input: the members the reference marks required are present. */
export type Input<T, K extends keyof T = never> = Wire<T> & { [P in K]-?: NonNullable<Wire<T[P]>> };

export interface ApiRequest<I = Record<string, unknown>> {
  action: ActionName;
  /** URI, query, header, payload and body members merged under their model names, validated. */
  input: I;
  headers: IncomingHttpHeaders;
  requestId: string;
  accessKeyId: string;
  /** The raw exchange, for handlers that stream their answer. */
  req: IncomingMessage;
  res: ServerResponse;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
}

export type ApiResult =
  | {
      status?: number;
      /** JSON body (output members). */
      body?: unknown;
      /** Raw body for actions whose output is a payload member (Invoke). */
      payload?: Uint8Array | string;
      headers?: Record<string, string>;
    }
  /** The handler wrote the response itself (response streaming). */
  | { handled: true };

export type Handler<I = Record<string, unknown>> = (
  request: ApiRequest<I>,
  ctx: EmulatorContext,
) => ApiResult | Promise<ApiResult>;

// Handlers keep their own input types; the registry stores them type-erased.
export type HandlerMap = Partial<Record<ActionName, Handler<never>>>;
