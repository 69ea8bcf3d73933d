/**
 * The function URL server: an internal route of the emulator's HTTP server that answers requests to
 * function URLs (see address.ts for the two ways to spell one) the way Lambda's URL front end does —
 * CORS preflights, auth (auth.ts), the payload-2.0 event (event.ts), and the function's answer mapped
 * to an HTTP response (response.ts), buffered or streamed as the URL's InvokeMode says.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { assertInvocable, SYNC_PAYLOAD_LIMIT, versionToRun } from "../api/invoke";
import type { EmulatorContext } from "../context";
import { LambdaError } from "../errors";
import { findFunctionUrl, functionUrlHost, type FunctionUrlDoc } from "../functions/function-url";
import { arnOf } from "../functions/resolve";
import { LiveResponse } from "../live-response";
import type { InvokeParams, InvokeResult, StreamingInvocation } from "../runtime/manager";
import type { InternalRoute } from "../server";
import { addressOf, type UrlAddress } from "./address";
import { authorize, UrlDenied } from "./auth";
import { isPreflight, preflightHeaders, responseCorsHeaders, withoutCorsHeaders } from "./cors";
import { buildUrlEvent } from "./event";
import {
  BadFunctionResponse,
  bufferedAnswer,
  HTTP_INTEGRATION_CONTENT_TYPE,
  PreludeReader,
  type HttpHead,
} from "./response";

/** Function URL requests carry at most 6 MB, like synchronous invocations. */
const REQUEST_LIMIT = SYNC_PAYLOAD_LIMIT;

// Synchronous for requests that are not for a URL: this runs before every API call.
export const functionUrlRoute: InternalRoute = (req, res, ctx) => {
  const address = addressOf(ctx, req);
  if (!address) return false;
  return answer(ctx, req, res, address);
};

async function answer(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  address: UrlAddress,
): Promise<true> {
  const requestId = randomUUID();
  try {
    await serve(ctx, req, res, address, requestId);
  } catch (e) {
    if (e instanceof UrlDenied) {
      sendMessage(res, requestId, e.status, e.message, "AccessDeniedException");
    } else if (e instanceof LambdaError) {
      sendMessage(res, requestId, e.status, e.message, e.name);
    } else {
      console.error(`[emulator] function URL ${req.method} ${req.url} failed:`, e);
      sendMessage(res, requestId, 500, "Internal Server Error");
    }
  }
  return true;
}

async function serve(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  address: UrlAddress,
  requestId: string,
): Promise<void> {
  const doc = findFunctionUrl(ctx, address.urlId);
  if (!doc) {
    req.resume();
    sendMessage(res, requestId, 404, "Not Found");
    return;
  }
  const method = req.method ?? "GET";
  if (doc.Cors && isPreflight(method, req.headers)) {
    req.resume();
    res.writeHead(200, {
      ...preflightHeaders(doc.Cors, req.headers),
      "x-amzn-RequestId": requestId,
      "Content-Length": 0,
    });
    res.end();
    return;
  }
  const body = await readBody(req, REQUEST_LIMIT);
  const caller = await authorize(ctx, doc, req, body);
  const event = buildUrlEvent({
    req,
    target: address.target,
    body,
    urlId: doc.UrlId,
    domainName: functionUrlHost(ctx, doc.UrlId),
    caller,
    requestId,
  });
  const qualifier = doc.Qualifier === "$LATEST" ? undefined : doc.Qualifier;
  const record = versionToRun(ctx, { name: doc.FunctionName, ...(qualifier ? { qualifier } : {}) });
  assertInvocable(record);
  const params: InvokeParams = {
    config: record.config,
    codeHash: record.codeHash,
    invokedArn: arnOf(ctx, doc.FunctionName, qualifier),
    payload: Buffer.from(JSON.stringify(event)),
    requestId,
    invocationType: "RequestResponse",
  };
  const reply = new Reply(res, requestId, doc, req);
  if (doc.InvokeMode === "RESPONSE_STREAM") await serveStream(ctx, params, reply);
  else await serveBuffered(ctx, params, reply);
}

async function serveBuffered(ctx: EmulatorContext, params: InvokeParams, reply: Reply): Promise<void> {
  const result = await ctx.runtime.invoke(params);
  if (result.functionError) return reply.functionError();
  let answer;
  try {
    answer = bufferedAnswer(result.payload);
  } catch (e) {
    if (e instanceof BadFunctionResponse) return reply.functionError();
    throw e;
  }
  reply.whole(answer, answer.body);
}

async function serveStream(ctx: EmulatorContext, params: InvokeParams, reply: Reply): Promise<void> {
  const inv = await ctx.runtime.invokeStream(params);
  const finished = await settledNow(inv.result);
  if (finished) {
    // A handler that does not stream answered in one piece: passed on as it is (no statusCode mapping).
    if (finished.functionError) return reply.functionError();
    reply.whole({ status: 200, headers: { "content-type": "application/json" }, cookies: [] }, finished.payload);
    return;
  }
  await relayStream(inv, reply);
}

/** Streams the answer as the handler writes it; the head is sent with the first body bytes. */
async function relayStream(inv: StreamingInvocation, reply: Reply): Promise<void> {
  const integration = (inv.contentType.split(";")[0] ?? "").trim().toLowerCase() === HTTP_INTEGRATION_CONTENT_TYPE;
  let prelude = integration ? new PreludeReader() : undefined;
  const plainHead: HttpHead = { status: 200, headers: { "content-type": inv.contentType }, cookies: [] };
  let malformed = false;
  // Every chunk is read even when nothing more can be sent (client gone, bad prelude): an unread stream
  // would stall the function on backpressure, and in Lambda it runs to its end either way.
  for await (const chunk of inv.chunks) {
    if (malformed) continue;
    if (prelude) {
      try {
        const got = prelude.push(chunk);
        if (!got) continue;
        prelude = undefined;
        reply.startStream(got.head);
        await reply.out.write(got.rest);
      } catch (e) {
        if (!(e instanceof BadFunctionResponse)) throw e;
        malformed = true;
      }
      continue;
    }
    if (!reply.out.started) reply.startStream(plainHead);
    await reply.out.write(chunk);
  }
  const result = await inv.result;
  if (!reply.out.started) {
    if (malformed || result.status !== "success" || prelude) return reply.functionError();
    reply.startStream(plainHead);
  }
  // A stream cut by an error or timeout after its head was sent ends where it stopped.
  reply.out.end();
}

/** The invocation's result if it is already settled (a non-streaming handler), else undefined. */
async function settledNow(result: Promise<InvokeResult>): Promise<InvokeResult | undefined> {
  // Promise.race settles with the first argument when it is already fulfilled (its reaction runs first).
  const pending = Symbol("pending");
  const first = await Promise.race([result, Promise.resolve(pending)]);
  return first === pending ? undefined : (first as InvokeResult);
}

/** The response side of one URL request: CORS headers, request id, cookies, error answers. */
class Reply {
  readonly out: LiveResponse;
  private readonly cors: Record<string, string>;

  constructor(
    private readonly res: ServerResponse,
    private readonly requestId: string,
    private readonly doc: FunctionUrlDoc,
    req: IncomingMessage,
  ) {
    this.out = new LiveResponse(res);
    this.cors = doc.Cors ? responseCorsHeaders(doc.Cors, req.headers) : {};
  }

  private headers(head: HttpHead): OutgoingHttpHeaders {
    const own = this.doc.Cors ? withoutCorsHeaders(head.headers) : head.headers;
    const merged: OutgoingHttpHeaders = {};
    // Lower-cased, so a header the function and the front end both set appears once (the latter wins).
    for (const [name, value] of Object.entries({ ...lower(own), ...lower(this.cors) })) merged[name] = value;
    if (head.cookies.length > 0) merged["set-cookie"] = head.cookies;
    merged["x-amzn-requestid"] = this.requestId;
    return merged;
  }

  whole(head: HttpHead, body: Buffer): void {
    this.res.writeHead(head.status, { ...this.headers(head), "content-length": body.length });
    this.res.end(body);
  }

  startStream(head: HttpHead): void {
    const headers = this.headers(head);
    headers["content-type"] ??= "application/octet-stream";
    this.out.start(head.status, headers);
  }

  /** A function error, timeout or unusable answer: 502 with Lambda's plain message. */
  functionError(): void {
    sendMessage(this.res, this.requestId, 502, "Internal Server Error", undefined, this.cors);
  }
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/**
 * The front end's own answers: `{"Message": …}` JSON (403 Forbidden, 404, 413), or for a failed function
 * the bare text `Internal Server Error` with 502.
 */
function sendMessage(
  res: ServerResponse,
  requestId: string,
  status: number,
  message: string,
  errorType?: string,
  extra: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = status === 502 ? message : JSON.stringify({ Message: message });
  res.writeHead(status, {
    ...extra,
    "Content-Type": status === 502 ? "text/plain; charset=utf-8" : "application/json",
    "Content-Length": Buffer.byteLength(text),
    "x-amzn-RequestId": requestId,
    ...(errorType ? { "x-amzn-ErrorType": errorType } : {}),
  });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () =>
    new LambdaError(
      "RequestTooLargeException",
      413,
      `Request must be smaller than ${limit} bytes for the InvokeFunction operation`,
    );
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? "0") > limit) {
      req.resume();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
