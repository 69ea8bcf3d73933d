/**
 * CORS for a function URL with a stored `Cors` setting, answered by Lambda itself as the service does:
 * preflights (OPTIONS with Origin + Access-Control-Request-Method) never reach the function, and actual
 * requests from an allowed origin get Access-Control-Allow-Origin / -Expose-Headers / -Allow-Credentials,
 * replacing any CORS headers the function set. Without a Cors setting, everything goes to the function.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { FunctionUrlDoc } from "../functions/function-url";

type Cors = NonNullable<FunctionUrlDoc["Cors"]>;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

const listed = (list: string[] | undefined, value: string): boolean =>
  (list ?? []).some((item) => item === "*" || item.toLowerCase() === value.toLowerCase());

/** The Allow-Origin value for `origin`, or undefined when the origin is not allowed. */
function allowOrigin(cors: Cors, origin: string): string | undefined {
  if (!listed(cors.AllowOrigins, origin)) return undefined;
  // "*" cannot be combined with credentials; echo the origin then.
  return cors.AllowOrigins?.includes("*") && !cors.AllowCredentials ? "*" : origin;
}

export function isPreflight(method: string, headers: IncomingHttpHeaders): boolean {
  return method === "OPTIONS" && !!header(headers, "origin") && !!header(headers, "access-control-request-method");
}

/** Headers of the answer to a preflight (empty of Allow-* when the origin or method is not allowed). */
export function preflightHeaders(cors: Cors, headers: IncomingHttpHeaders): Record<string, string> {
  const origin = header(headers, "origin") ?? "";
  const method = header(headers, "access-control-request-method") ?? "";
  const requested = header(headers, "access-control-request-headers");
  const out: Record<string, string> = { Vary: "Origin" };
  const allowedOrigin = allowOrigin(cors, origin);
  if (!allowedOrigin || !listed(cors.AllowMethods, method)) return out;
  out["Access-Control-Allow-Origin"] = allowedOrigin;
  out["Access-Control-Allow-Methods"] = (cors.AllowMethods ?? []).includes("*")
    ? method
    : (cors.AllowMethods ?? []).join(",");
  if (requested && cors.AllowHeaders?.length) {
    out["Access-Control-Allow-Headers"] = cors.AllowHeaders.includes("*") ? requested : cors.AllowHeaders.join(",");
  }
  if (cors.AllowCredentials) out["Access-Control-Allow-Credentials"] = "true";
  if (cors.MaxAge !== undefined && cors.MaxAge !== null) out["Access-Control-Max-Age"] = String(cors.MaxAge);
  return out;
}

/** Headers added to an actual (non-preflight) response for the request's origin. */
export function responseCorsHeaders(cors: Cors, headers: IncomingHttpHeaders): Record<string, string> {
  const origin = header(headers, "origin");
  if (!origin) return {};
  const allowedOrigin = allowOrigin(cors, origin);
  if (!allowedOrigin) return { Vary: "Origin" };
  return {
    "Access-Control-Allow-Origin": allowedOrigin,
    ...(cors.ExposeHeaders?.length ? { "Access-Control-Expose-Headers": cors.ExposeHeaders.join(",") } : {}),
    ...(cors.AllowCredentials ? { "Access-Control-Allow-Credentials": "true" } : {}),
    Vary: "Origin",
  };
}

/** Drops the function's own CORS headers when the URL's Cors setting governs them. */
export function withoutCorsHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !k.toLowerCase().startsWith("access-control-")));
}
