/**
 * The emulator's HTTP front door: request id, body limit, internal routes, SigV4, routing, input
 * decoding and validation, dispatch, and errors in the service's wire format.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { actionModel, type ActionName } from "../lib/lambda-model/model";
import { formatViolations, validateActionInput } from "../lib/lambda-model/validate";
import { decodeInput, splitOutput } from "./codec";
import type { EmulatorContext } from "./context";
import { LambdaError } from "./errors";
import { matchRoute } from "./router";
import { quickValid } from "./quick-validate";
import { rawTargetOf, SigV4Verifier } from "./sigv4";
import type { ApiRequest, HandlerMap, Handler } from "./api/types";

/** A handler for paths outside the API (code downloads, function URLs); returns false to pass. */
export type InternalRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  ctx: EmulatorContext,
) => boolean | Promise<boolean>;

/**
 * An emulator-only action outside the reference (e.g. runtime/invocations-api.ts), answered after the
 * same SigV4 check as every API call. Returns undefined when the request is not its own.
 */
export type ExtensionRoute = (
  request: { method: string; rawPath: string; query: Record<string, string | string[]>; requestId: string },
  ctx: EmulatorContext,
) => { status?: number; body: unknown } | undefined;

/**
 * Another AWS service answered on the emulator's port in the JSON protocol (awsJson1_1, e.g. CloudWatch
 * Logs in emulator/logs/): `POST /` with `X-Amz-Target: <targetPrefix><Action>`, signed for the service's
 * own signing name. Actions throw LambdaErrors; they go out as `{"__type": name, "message": …}`.
 */
export interface JsonProtocolService {
  targetPrefix: string;
  signingName: string;
  actions: Record<string, (input: Record<string, unknown>, ctx: EmulatorContext) => unknown>;
}

// Direct uploads may be 50 MB zipped, which is ~70 MB as base64 inside JSON (the service's own cap).
const MAX_BODY_BYTES = 70_167_211;

export function writeError(res: ServerResponse, error: LambdaError, requestId: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify(error.body());
  res.writeHead(error.status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "x-amzn-RequestId": requestId,
    "x-amzn-ErrorType": error.name,
    ...error.headers,
  });
  res.end(body);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? "0");
    if (declared > limit) {
      reject(tooLarge(limit));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit (a chunked body declares no length) the rest is read and dropped, not buffered:
      // destroying the request instead would reset the connection, and the client would never see the
      // typed 413 that says why.
      if (size <= limit) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > limit) reject(tooLarge(limit));
      else resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
    // The client went away or broke the framing mid-body: its mistake, not an internal error to log.
    req.on("error", () =>
      reject(new LambdaError("RequestAbortedException", 400, "The request body was aborted before it was complete.")),
    );
  });
}

const tooLarge = (limit: number) =>
  new LambdaError(
    "RequestEntityTooLargeException",
    413,
    `Request must be smaller than ${limit} bytes for the operation`,
  );

/**
 * Node answers a request it cannot parse (bad request line, header, chunk framing; headers too large)
 * with a bare `400 Bad Request` and no body. Clients then see an untyped failure; this answers in the
 * service's format with the reference's common errors instead.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // Like Node's own handler: never write into a response that is already under way.
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === "ECONNRESET" || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const e =
    error.code === "ERR_HTTP_REQUEST_TIMEOUT"
      ? new LambdaError("RequestTimeoutException", 408, "The request was not received in time.")
      : new LambdaError(
          "MalformedHttpRequestException",
          400,
          error.code === "HPE_HEADER_OVERFLOW"
            ? "The request's header fields are too large."
            : "The request is not well-formed HTTP/1.1.",
        );
  const body = JSON.stringify(e.body());
  socket.end(
    `HTTP/1.1 ${e.status} ${e.status === 408 ? "Request Timeout" : "Bad Request"}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `x-amzn-RequestId: ${randomUUID()}\r\nx-amzn-ErrorType: ${e.name}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function writeJsonProtocol(res: ServerResponse, status: number, body: unknown, requestId: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "x-amzn-RequestId": requestId,
    "Content-Type": "application/x-amz-json-1.1",
    "Content-Length": Buffer.byteLength(json),
  });
  res.end(json);
}

export function createRequestListener(
  ctx: EmulatorContext,
  handlers: HandlerMap,
  internalRoutes: InternalRoute[],
  extensionRoutes: ExtensionRoute[] = [],
  jsonServices: JsonProtocolService[] = [],
): (req: IncomingMessage, res: ServerResponse) => void {
  const verifier = new SigV4Verifier(
    (key) => ctx.config.credentials.find((c) => c.accessKeyId === key)?.secretAccessKey,
  );

  const fail = (req: IncomingMessage, res: ServerResponse, requestId: string, e: unknown) => {
    const error =
      e instanceof LambdaError
        ? e
        : new LambdaError("ServiceException", 500, "The emulator hit an internal error; see its log.");
    if (!(e instanceof LambdaError)) console.error(`[emulator] ${req.method} ${req.url} failed:`, e);
    writeError(res, error, requestId);
  };

  return (req, res) => {
    const requestId = randomUUID();
    const done = handle(req, res, requestId).then(undefined, (e: unknown) => fail(req, res, requestId, e));
    if (ctx.config.verbose) {
      const started = process.hrtime.bigint();
      void done.finally(() => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        console.error(`[emulator] ${req.method} ${req.url} ${res.statusCode} ${ms.toFixed(1)}ms`);
      });
    }
  };

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    for (const route of internalRoutes) {
      const taken = route(req, res, ctx);
      if (taken === true || (taken !== false && (await taken))) return;
    }
    const amzTarget = req.headers["x-amz-target"];
    if (typeof amzTarget === "string") {
      const service = jsonServices.find((s) => amzTarget.startsWith(s.targetPrefix));
      if (service)
        return handleJsonProtocol(service, amzTarget.slice(service.targetPrefix.length), req, res, requestId);
    }
    const target = rawTargetOf(req.url ?? "/");
    const body = await readBody(req, MAX_BODY_BYTES);
    // Header-signed requests (every SDK and CLI call) verify synchronously; presigned ones need the signer.
    const caller =
      verifier.verifyHeaders(req, body, "lambda", target) ?? (await verifier.verify(req, body, "lambda", target));
    const method = req.method ?? "GET";
    for (const route of extensionRoutes) {
      const result = route({ method, rawPath: target.path, query: target.query, requestId }, ctx);
      if (!result) continue;
      const json = JSON.stringify(result.body);
      res.writeHead(result.status ?? 200, {
        "x-amzn-RequestId": requestId,
        "Content-Type": "application/json",
        "Content-Length": Buffer.byteLength(json),
      });
      res.end(json);
      return;
    }

    const match = matchRoute(method, target.path, target.query);
    if (!match || "methodNotAllowed" in match) {
      throw new LambdaError("UnknownOperationException", 404, "Unknown operation");
    }
    const action = match.action as ActionName;
    const model = actionModel(action);
    const input = decodeInput(model, match.params, target.query, req.headers, body);
    // The precompiled check passes only inputs the model's zod schema accepts; anything else (including
    // every invalid input) goes through zod, which words the violations.
    if (!quickValid(action, model, input)) {
      const violations = validateActionInput(action, input);
      if (violations.length > 0)
        throw new LambdaError("InvalidParameterValueException", 400, formatViolations(violations));
    }

    const handler = handlers[action] as Handler | undefined;
    if (!handler) {
      throw new LambdaError("ServiceException", 501, `${action} is not implemented by this emulator yet.`);
    }
    const request: ApiRequest = {
      action,
      input,
      headers: req.headers,
      requestId,
      accessKeyId: caller.accessKeyId,
      req,
      res,
      // Made on first use: most handlers never look, and a controller + listener per request adds up.
      get signal() {
        return disconnectSignal(res);
      },
    };
    const result = await handler(request, ctx);
    if ("handled" in result) return;

    const status = result.status ?? model.successStatus;
    const headers: Record<string, string | number> = { "x-amzn-RequestId": requestId, ...result.headers };
    if (result.payload !== undefined) {
      const payload = typeof result.payload === "string" ? Buffer.from(result.payload) : result.payload;
      headers["Content-Type"] ??= "application/json";
      headers["Content-Length"] = payload.length;
      res.writeHead(status, headers);
      res.end(payload);
      return;
    }
    if (result.body === undefined || status === 204) {
      headers["Content-Length"] = 0;
      res.writeHead(status, headers);
      res.end();
      return;
    }
    const split = splitOutput(model, result.body);
    const json = JSON.stringify(split.body);
    Object.assign(headers, split.headers, {
      "Content-Type": "application/json",
      "Content-Length": Buffer.byteLength(json),
    });
    res.writeHead(status, headers);
    res.end(json);
  }

  /** A JSON-protocol service's call: every failure, SigV4's included, answered in that protocol's shape. */
  async function handleJsonProtocol(
    service: JsonProtocolService,
    action: string,
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
  ): Promise<void> {
    try {
      const target = rawTargetOf(req.url ?? "/");
      const body = await readBody(req, MAX_BODY_BYTES);
      // The credential scope must name this service (`logs`), not `lambda`: SigV4 signs for one service.
      if (!verifier.verifyHeaders(req, body, service.signingName, target)) {
        await verifier.verify(req, body, service.signingName, target);
      }
      const handler = Object.hasOwn(service.actions, action) ? service.actions[action] : undefined;
      if (req.method !== "POST" || target.path !== "/" || !handler) {
        throw new LambdaError("UnknownOperationException", 400, `Unknown operation ${action}`);
      }
      let input: unknown = {};
      if (body.length > 0) {
        try {
          input = JSON.parse(body.toString("utf8"));
        } catch {
          throw new LambdaError("SerializationException", 400, "Request body is not valid JSON.");
        }
      }
      if (typeof input !== "object" || input === null || Array.isArray(input)) {
        throw new LambdaError("SerializationException", 400, "Request body must be a JSON object.");
      }
      const result = await handler(input as Record<string, unknown>, ctx);
      writeJsonProtocol(res, 200, result ?? {}, requestId);
    } catch (e) {
      if (!(e instanceof LambdaError)) console.error(`[emulator] ${service.targetPrefix}${action} failed:`, e);
      const error =
        e instanceof LambdaError
          ? e
          : new LambdaError("ServiceUnavailableException", 500, "The emulator hit an internal error; see its log.");
      writeJsonProtocol(res, error.status, { __type: error.name, message: error.message }, requestId);
    }
  }
}

const disconnectSignals = new WeakMap<ServerResponse, AbortSignal>();

/** Aborts when the client goes away before the response is complete. */
function disconnectSignal(res: ServerResponse): AbortSignal {
  let signal = disconnectSignals.get(res);
  if (!signal) {
    const abort = new AbortController();
    signal = abort.signal;
    disconnectSignals.set(res, signal);
    if (res.closed) {
      if (!res.writableFinished) abort.abort();
    } else {
      res.on("close", () => {
        if (!res.writableFinished) abort.abort();
      });
    }
  }
  return signal;
}
