/**
 * From a function's answer to an HTTP response, as function URLs map it:
 * - buffered: a JSON object with `statusCode` is `{statusCode, headers, cookies, body, isBase64Encoded}`;
 *   any other JSON answer is a 200 `application/json` response whose body is the answer (a string answer
 *   is the body text itself);
 * - streamed with `awslambda.HttpResponseStream.from(...)`: the stream begins with a JSON prelude
 *   `{statusCode, headers, cookies}` and 8 NUL bytes; everything after them is the body.
 */

export const HTTP_INTEGRATION_CONTENT_TYPE = "application/vnd.awslambda.http-integration-response";
/** What separates an HttpResponseStream prelude from the body. */
const DELIMITER = Buffer.alloc(8);

export interface HttpHead {
  status: number;
  headers: Record<string, string>;
  cookies: string[];
}

export interface HttpAnswer extends HttpHead {
  body: Buffer;
}

/** The function answered something a URL cannot turn into a response (Lambda then answers 502). */
export class BadFunctionResponse extends Error {}

/** Response headers a function may not set: the front end frames the message itself. */
const FRAMING_HEADERS = new Set(["content-length", "transfer-encoding", "connection", "keep-alive"]);

function headHeaders(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw new BadFunctionResponse("headers is not an object");
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    if (FRAMING_HEADERS.has(name.toLowerCase()) || v === null || v === undefined) continue;
    if (typeof v === "object") throw new BadFunctionResponse(`header ${name} is not a string`);
    out[name] = String(v);
  }
  return out;
}

function cookieList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new BadFunctionResponse("cookies is not a list");
  return value.map(String);
}

function statusOf(value: unknown): number {
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 100 || n > 599) {
    throw new BadFunctionResponse("statusCode is not an HTTP status");
  }
  return n;
}

const hasHeader = (headers: Record<string, string>, name: string) =>
  Object.keys(headers).some((k) => k.toLowerCase() === name);

/** Maps a buffered answer; throws BadFunctionResponse for a malformed `{statusCode, …}` object. */
export function bufferedAnswer(payload: Buffer): HttpAnswer {
  const json = { "content-type": "application/json" };
  // A streaming handler behind a BUFFERED URL: its collected stream may start with an HttpResponseStream
  // prelude. JSON never holds raw NUL bytes, so a JSON object followed by 8 of them can only be that.
  const delimiter = payload[0] === 0x7b ? payload.indexOf(DELIMITER) : -1;
  if (delimiter > 0) {
    try {
      const head = preludeHead(payload.subarray(0, delimiter));
      if (!hasHeader(head.headers, "content-type")) head.headers["content-type"] = "application/octet-stream";
      return { ...head, body: payload.subarray(delimiter + DELIMITER.length) };
    } catch {
      // Not a prelude after all: mapped as an ordinary answer below.
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.toString("utf8"));
  } catch {
    // Not JSON (a custom runtime's raw answer): passed on as it is.
    return { status: 200, headers: json, cookies: [], body: payload };
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed) || !("statusCode" in parsed)) {
    const body = typeof parsed === "string" ? Buffer.from(parsed, "utf8") : payload;
    return { status: 200, headers: json, cookies: [], body };
  }
  const r = parsed as Record<string, unknown>;
  const headers = headHeaders(r.headers);
  const raw =
    r.body === undefined || r.body === null ? "" : typeof r.body === "string" ? r.body : JSON.stringify(r.body);
  const body = r.isBase64Encoded === true ? Buffer.from(raw, "base64") : Buffer.from(raw, "utf8");
  if (!hasHeader(headers, "content-type")) headers["content-type"] = "application/json";
  return { status: statusOf(r.statusCode), headers, cookies: cookieList(r.cookies), body };
}

/** A prelude is a small JSON document; past this much without the delimiter the stream is all body. */
const PRELUDE_MAX_BYTES = 1 << 20;

/**
 * Reads an HttpResponseStream prelude off the front of a stream, however the chunks cut it. `push`
 * returns the head and the first body bytes once the 8 NUL bytes went by.
 */
export class PreludeReader {
  private buffered: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): { head: HttpHead; rest: Buffer } | undefined {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const at = this.buffered.indexOf(DELIMITER);
    if (at < 0) {
      if (this.buffered.length > PRELUDE_MAX_BYTES) throw new BadFunctionResponse("no HttpResponseStream prelude");
      return undefined;
    }
    return { head: preludeHead(this.buffered.subarray(0, at)), rest: this.buffered.subarray(at + DELIMITER.length) };
  }

  /** What was read without finding the delimiter (a stream that ended early). */
  get pending(): Buffer {
    return this.buffered;
  }
}

function preludeHead(bytes: Buffer): HttpHead {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString("utf8") || "{}");
  } catch {
    throw new BadFunctionResponse("the HttpResponseStream prelude is not JSON");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new BadFunctionResponse("the HttpResponseStream prelude is not an object");
  }
  const p = parsed as Record<string, unknown>;
  return {
    status: p.statusCode === undefined ? 200 : statusOf(p.statusCode),
    headers: headHeaders(p.headers),
    cookies: cookieList(p.cookies),
  };
}
