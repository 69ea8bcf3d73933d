/**
 * One execution environment's Lambda Runtime API (`/2018-06-01/runtime/…`) on 127.0.0.1:<free port>, as
 * the official aws-lambda-ric speaks it (see shared/notes/durable-contract.md §5.3, §6a): a long-polled
 * `/invocation/next`, buffered or streamed `/response`, `/error` and `/init/error`, all answered 202.
 * It knows nothing about pools or timeouts; the environment owning it reacts to its callbacks.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ChunkStream } from "./chunk-stream";

/** Lambda's cap on a buffered response, slightly above the 6 MB request cap (the service's number). */
export const MAX_RESPONSE_BYTES = 6_291_556;

export interface RuntimeEvent {
  requestId: string;
  payload: Buffer;
  deadlineMs: number;
  invokedFunctionArn: string;
  traceId: string;
  /** JSON text (already decoded from the caller's base64 X-Amz-Client-Context). */
  clientContext?: string;
  /** JSON text. */
  cognitoIdentity?: string;
  tenantId?: string;
}

/** What our bootstraps tell about an answer besides the Runtime API's own headers. */
export interface AnswerNotes {
  /** Peak RSS of the runtime process (getrusage). */
  maxRssKb?: number;
  /** Which of [stdout, stderr] carry a log sentinel for this answer; absent = both. */
  logMarks?: [boolean, boolean];
}

export type RuntimeOutcome =
  | ({ kind: "response"; payload: Buffer } & AnswerNotes)
  | { kind: "stream"; stream: ChunkStream }
  | ({ kind: "error"; payload: Buffer; errorType?: string } & AnswerNotes)
  | { kind: "too-large"; bytes: number };

/**
 * Our bootstraps add two headers of their own: their peak RSS (getrusage), sparing a /proc read per
 * invoke, and which streams got a log sentinel. Other runtimes send neither and get the defaults.
 */
const MAX_RSS_HEADER = "lambda-console-max-rss-kb";
const LOG_MARKS_HEADER = "lambda-console-log-marks";

function notesOf(req: IncomingMessage): AnswerNotes {
  const notes: AnswerNotes = {};
  const rss = Number(req.headers[MAX_RSS_HEADER]);
  if (Number.isFinite(rss) && rss > 0) notes.maxRssKb = rss;
  const marks = req.headers[LOG_MARKS_HEADER];
  if (typeof marks === "string") notes.logMarks = [marks.includes("out"), marks.includes("err")];
  return notes;
}

export interface RuntimeApiListener {
  /** The runtime is waiting for work (the first call ends its init phase). */
  onNext(): void;
  /** The runtime answered the invocation it was given. Called at most once per request id. */
  onOutcome(requestId: string, outcome: RuntimeOutcome): void;
  onInitError(errorType: string | undefined, payload: Buffer): void;
}

const PREFIX = "/2018-06-01/runtime/";
const ACCEPTED = Buffer.from('{"status":"OK"}');

export class RuntimeApiServer {
  private readonly server: Server;
  private pendingNext: ServerResponse | undefined;
  /** The request id handed out by the last /next that has not been answered yet. */
  private current: string | undefined;
  port = 0;

  constructor(private readonly listener: RuntimeApiListener) {
    this.server = createServer((req, res) => this.route(req, res));
    // /next is a long poll and an invocation may run 15 minutes between two requests on one connection:
    // no request, header or keep-alive timeouts (the runtime's single connection must stay reusable).
    this.server.requestTimeout = 0;
    this.server.headersTimeout = 0;
    this.server.keepAliveTimeout = 0;
    this.server.timeout = 0;
    // Whatever a function does to its listener must not become an unhandled 'error' in the emulator.
    this.server.on("error", () => undefined);
    this.server.on("clientError", (_error, socket) => socket.destroy());
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => {
        this.server.off("error", reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
    return `127.0.0.1:${this.port}`;
  }

  /** Whether the runtime is parked in /next, ready for dispatch(). */
  get waiting(): boolean {
    return this.pendingNext !== undefined;
  }

  /** Answers the parked /next with an event. The caller checks `waiting` first. */
  dispatch(event: RuntimeEvent): boolean {
    const res = this.pendingNext;
    if (!res) return false;
    this.pendingNext = undefined;
    this.current = event.requestId;
    const headers: Record<string, string | number> = {
      // aws-lambda-ric's native client hangs without a Content-Type (durable-contract.md §5.3).
      "Content-Type": "application/json",
      "Content-Length": event.payload.length,
      "Lambda-Runtime-Aws-Request-Id": event.requestId,
      "Lambda-Runtime-Deadline-Ms": event.deadlineMs,
      "Lambda-Runtime-Invoked-Function-Arn": event.invokedFunctionArn,
      "Lambda-Runtime-Trace-Id": event.traceId,
    };
    if (event.clientContext !== undefined) headers["Lambda-Runtime-Client-Context"] = event.clientContext;
    if (event.cognitoIdentity !== undefined) headers["Lambda-Runtime-Cognito-Identity"] = event.cognitoIdentity;
    if (event.tenantId !== undefined) headers["Lambda-Runtime-Aws-Tenant-Id"] = event.tenantId;
    res.writeHead(200, headers);
    res.end(event.payload);
    return true;
  }

  /** Forgets the current request (timed out or the process died): late answers get 400. */
  abandon(): void {
    this.current = undefined;
  }

  async close(): Promise<void> {
    this.pendingNext = undefined;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private route(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? "";
    if (!url.startsWith(PREFIX)) return reply(res, 404, "UnknownPath", `Unknown path ${url}`);
    const rest = url.slice(PREFIX.length);
    if (rest === "invocation/next" && req.method === "GET") return this.next(res);
    if (rest === "init/error" && req.method === "POST") return this.initError(req, res);
    if (rest.startsWith("invocation/") && req.method === "POST") {
      const slash = rest.lastIndexOf("/");
      const kind = rest.slice(slash + 1);
      let id: string;
      try {
        id = decodeURIComponent(rest.slice("invocation/".length, slash));
      } catch {
        return reply(res, 400, "InvalidRequestID", "Malformed request id");
      }
      if (kind === "response") return this.response(id, req, res);
      if (kind === "error") return this.error(id, req, res);
    }
    req.resume();
    reply(res, 404, "UnknownPath", `Unknown path ${req.method ?? ""} ${url}`);
  }

  private next(res: ServerResponse): void {
    if (this.pendingNext) this.pendingNext.destroy();
    this.pendingNext = res;
    res.on("close", () => {
      if (this.pendingNext === res) this.pendingNext = undefined;
    });
    this.listener.onNext();
  }

  /** Claims the current request id for an answer; false (and a 400) when it is not the one handed out. */
  private claim(id: string, req: IncomingMessage, res: ServerResponse): boolean {
    if (id !== this.current) {
      req.resume();
      reply(res, 400, "InvalidRequestID", `Request id ${id} is not the current invocation`);
      return false;
    }
    this.current = undefined;
    return true;
  }

  private response(id: string, req: IncomingMessage, res: ServerResponse): void {
    if (!this.claim(id, req, res)) return;
    if (String(req.headers["lambda-runtime-function-response-mode"]).toLowerCase() === "streaming") {
      const stream = new ChunkStream(String(req.headers["content-type"] ?? "application/octet-stream"), {
        pause: () => req.pause(),
        resume: () => req.resume(),
      });
      req.on("data", (chunk: Buffer) => stream.push(chunk));
      req.on("end", () => {
        const errorType = req.trailers["lambda-runtime-function-error-type"];
        const errorBody = req.trailers["lambda-runtime-function-error-body"];
        stream.end(
          errorType ? { errorType, ...(errorBody ? { errorBody: Buffer.from(errorBody, "base64") } : {}) } : {},
        );
        accepted(res);
      });
      // The runtime went away mid-stream (ended() is idempotent; a complete stream already ended).
      const truncated = () => stream.end({ errorType: "Runtime.TruncatedResponse" });
      req.on("error", truncated);
      req.on("close", () => {
        if (!req.complete) truncated();
      });
      this.listener.onOutcome(id, { kind: "stream", stream });
      return;
    }
    readBody(req, MAX_RESPONSE_BYTES, (body, tooLarge) => {
      if (tooLarge !== undefined) {
        reply(
          res,
          413,
          "RequestEntityTooLarge",
          `Exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
        );
        this.listener.onOutcome(id, { kind: "too-large", bytes: tooLarge });
        return;
      }
      this.listener.onOutcome(id, { kind: "response", payload: body, ...notesOf(req) });
      acceptSoon(res);
    });
  }

  private error(id: string, req: IncomingMessage, res: ServerResponse): void {
    if (!this.claim(id, req, res)) return;
    const header = req.headers["lambda-runtime-function-error-type"];
    readBody(req, MAX_RESPONSE_BYTES, (body) => {
      this.listener.onOutcome(id, {
        kind: "error",
        payload: body,
        ...(typeof header === "string" ? { errorType: header } : {}),
        ...notesOf(req),
      });
      acceptSoon(res);
    });
  }

  private initError(req: IncomingMessage, res: ServerResponse): void {
    const header = req.headers["lambda-runtime-function-error-type"];
    readBody(req, MAX_RESPONSE_BYTES, (body) => {
      accepted(res);
      this.listener.onInitError(typeof header === "string" ? header : undefined, body);
    });
  }
}

/** Reads a body up to `limit` bytes; past it, calls back with the size seen so far and drops the rest. */
function readBody(req: IncomingMessage, limit: number, done: (body: Buffer, tooLarge?: number) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (over) return;
    if (size > limit) {
      over = true;
      chunks.length = 0;
      return;
    }
    chunks.push(chunk);
  });
  req.on("end", () => {
    if (over) done(Buffer.alloc(0), size);
    else done(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
  });
  req.on("error", () => done(Buffer.concat(chunks)));
}

/**
 * The 202 for an answer, after the work this turn does with it: the invocation's caller is answered
 * first (in this turn's microtasks), and only then is the runtime woken with its acknowledgement — on a
 * busy machine, waking it first can put it ahead of the caller's answer on the CPU.
 */
function acceptSoon(res: ServerResponse): void {
  setImmediate(accepted, res);
}

function accepted(res: ServerResponse): void {
  res.writeHead(202, { "Content-Type": "application/json", "Content-Length": ACCEPTED.length });
  res.end(ACCEPTED);
}

function reply(res: ServerResponse, status: number, errorType: string, errorMessage: string): void {
  const body = JSON.stringify({ errorType, errorMessage });
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}
