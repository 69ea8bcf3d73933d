/**
 * Which function URL a request is for. Two spellings reach the same URL:
 * - the URL itself, `http://<url-id>.lambda-url.<region>.localhost:<port>/<path>` (what FunctionUrl says;
 *   browsers resolve `*.localhost` to loopback by themselves), recognised by its Host header;
 * - `http://<emulator host:port>/_lambda-url/<url-id>/<path>`, for clients whose resolver does not know
 *   `*.localhost` (Node's fetch and curl on most Linux hosts). The function sees `<path>` either way.
 */
import type { IncomingMessage } from "node:http";
import type { EmulatorContext } from "../context";
import { urlIdFromHost } from "../functions/function-url";

export const PATH_PREFIX = "/_lambda-url/";

export interface UrlAddress {
  urlId: string;
  /** The request target as the function URL saw it: path (still percent-encoded) and query. */
  target: string;
}

/** The function URL a request addresses, or undefined when it is an API call (or anything else). */
export function addressOf(ctx: EmulatorContext, req: IncomingMessage): UrlAddress | undefined {
  const url = req.url ?? "/";
  if (url.startsWith(PATH_PREFIX)) {
    const rest = url.slice(PATH_PREFIX.length);
    const end = rest.search(/[/?]/);
    const urlId = end < 0 ? rest : rest.slice(0, end);
    const tail = end < 0 ? "" : rest.slice(end);
    return { urlId: urlId.toLowerCase(), target: tail.startsWith("/") ? tail : `/${tail}` };
  }
  // Cheap test first: this runs before every API call.
  const host = req.headers.host;
  if (!host || !host.includes(".lambda-url.")) return undefined;
  const urlId = urlIdFromHost(ctx, host);
  return urlId ? { urlId, target: url } : undefined;
}

/** The path-form address of a URL id on this emulator (for clients that cannot resolve `*.localhost`). */
export function pathFormUrl(ctx: EmulatorContext, urlId: string): string {
  return `${ctx.baseUrl}${PATH_PREFIX}${urlId}/`;
}
