/**
 * The event a function URL hands its function: the HTTP request in payload format 2.0 (the shape API
 * Gateway HTTP APIs use), with `requestContext.apiId` = the URL id and `domainName` the URL's host.
 */
import type { IncomingMessage } from "node:http";
import type { UrlCaller } from "./auth";

export interface UrlRequestEvent {
  version: "2.0";
  routeKey: "$default";
  rawPath: string;
  rawQueryString: string;
  cookies?: string[];
  headers: Record<string, string>;
  queryStringParameters?: Record<string, string>;
  requestContext: {
    accountId: string;
    apiId: string;
    authentication: null;
    authorizer?: { iam: NonNullable<UrlCaller["iam"]> };
    domainName: string;
    domainPrefix: string;
    http: { method: string; path: string; protocol: string; sourceIp: string; userAgent: string };
    requestId: string;
    routeKey: "$default";
    stage: "$default";
    time: string;
    timeEpoch: number;
  };
  body?: string;
  pathParameters: null;
  isBase64Encoded: boolean;
  stageVariables: null;
}

export interface EventInput {
  req: IncomingMessage;
  /** Path and query as the URL received them (the path form's `/_lambda-url/<id>` prefix removed). */
  target: string;
  body: Buffer;
  urlId: string;
  /** The URL's host name (no port), e.g. `<id>.lambda-url.us-east-1.localhost`. */
  domainName: string;
  caller: UrlCaller;
  requestId: string;
  now?: Date;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `12/Mar/2020:19:03:58 +0000`, the CLF timestamp requestContext.time carries. */
export function clfTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** Bodies of these types reach the function as text; everything else (or no type) as base64. */
export function isTextual(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  return (
    type.startsWith("text/") ||
    /^application\/(json|xml|javascript|x-javascript|ecmascript|yaml|x-yaml|graphql|x-www-form-urlencoded)$/.test(
      type,
    ) ||
    type.endsWith("+json") ||
    type.endsWith("+xml")
  );
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Repeated keys become one comma-joined value, as in payload format 2.0. */
function queryParameters(raw: string): Record<string, string> | undefined {
  if (!raw) return undefined;
  const out: Record<string, string> = {};
  for (const part of raw.split("&")) {
    if (!part) continue;
    const i = part.indexOf("=");
    const key = safeDecode((i < 0 ? part : part.slice(0, i)).replace(/\+/g, " "));
    const value = i < 0 ? "" : safeDecode(part.slice(i + 1).replace(/\+/g, " "));
    out[key] = key in out ? `${out[key]},${value}` : value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Lower-cased names, repeated headers comma-joined; cookies go to `cookies`, not `headers`. */
function headersAndCookies(req: IncomingMessage): { headers: Record<string, string>; cookies: string[] } {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] ?? "").toLowerCase();
    const value = raw[i + 1] ?? "";
    if (name === "cookie") {
      for (const c of value.split(";")) if (c.trim()) cookies.push(c.trim());
      continue;
    }
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  return { headers, cookies };
}

export function buildUrlEvent(input: EventInput): UrlRequestEvent {
  const { req, target, body, caller, requestId } = input;
  const now = input.now ?? new Date();
  const q = target.indexOf("?");
  const rawPath = q < 0 ? target : target.slice(0, q);
  const rawQueryString = q < 0 ? "" : target.slice(q + 1);
  const { headers, cookies } = headersAndCookies(req);
  const sourceIp = (req.socket.remoteAddress ?? "127.0.0.1").replace(/^::ffff:/, "");
  // Lambda's front end adds these; functions use them to learn the client address and scheme.
  headers["x-forwarded-for"] ??= sourceIp;
  headers["x-forwarded-proto"] ??= "http";
  headers["x-forwarded-port"] ??= String(req.socket.localPort ?? "");
  const queryStringParameters = queryParameters(rawQueryString);
  const base64 = body.length > 0 && !isTextual(headers["content-type"]);
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    requestContext: {
      accountId: caller.accountId,
      apiId: input.urlId,
      authentication: null,
      ...(caller.iam ? { authorizer: { iam: caller.iam } } : {}),
      domainName: input.domainName,
      domainPrefix: input.urlId,
      http: {
        method: req.method ?? "GET",
        path: safeDecode(rawPath),
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp,
        userAgent: headers["user-agent"] ?? "",
      },
      requestId,
      routeKey: "$default",
      stage: "$default",
      time: clfTime(now),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 ? { body: base64 ? body.toString("base64") : body.toString("utf8") } : {}),
    pathParameters: null,
    isBase64Encoded: base64,
    stageVariables: null,
  };
}
