/**
 * The route table, generated from the reference: method + path template (+ literal query keys such as
 * `?find=LayerVersion`) → action name and URI parameters. No route is written by hand.
 */
import { lambdaModel } from "../lib/lambda-model/model";

export interface RouteMatch {
  action: string;
  params: Record<string, string>;
}

interface Route {
  action: string;
  method: string;
  segments: (string | { param: string })[];
  queryLiterals: Record<string, string>;
}

function compile(): Route[] {
  const routes: Route[] = [];
  for (const [action, model] of Object.entries(lambdaModel.actions)) {
    const segments = model.path
      .split("/")
      .filter(Boolean)
      .map((s) => {
        const m = /^\{([A-Za-z0-9]+)\+?\}$/.exec(s);
        return m ? { param: m[1]! } : s;
      });
    routes.push({ action, method: model.method, segments, queryLiterals: model.queryLiterals });
  }
  // Routes that need a literal query key must be tried before their plain twins (ListLayers vs
  // GetLayerVersionByArn share a path); more static segments win over parameters.
  routes.sort((a, b) => {
    const lit = Object.keys(b.queryLiterals).length - Object.keys(a.queryLiterals).length;
    if (lit !== 0) return lit;
    const statics = (r: Route) => r.segments.filter((s) => typeof s === "string").length;
    return statics(b) - statics(a);
  });
  return routes;
}

const routes = compile();

/** Routes by segment count, in priority order: a request is only compared with routes of its length. */
const routesByLength = new Map<number, Route[]>();
for (const route of routes) {
  const list = routesByLength.get(route.segments.length) ?? [];
  list.push(route);
  routesByLength.set(route.segments.length, list);
}

function decodeSegment(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/**
 * Matches a request. `rawPath` is still percent-encoded: we split on '/' first and decode each segment,
 * because an execution ARN or callback id may contain an encoded '/'.
 */
export function matchRoute(
  method: string,
  rawPath: string,
  query: Record<string, string | string[]>,
): RouteMatch | { methodNotAllowed: true } | undefined {
  const parts = rawPath.split("/").filter(Boolean);
  const candidates = routesByLength.get(parts.length);
  if (!candidates) return undefined;
  // Decoded once per request (undefined = malformed, matches no route), not once per route tried.
  const decoded = parts.map(decodeSegment);
  let pathMatched = false;
  for (const route of candidates) {
    let ok = true;
    for (let i = 0; i < decoded.length && ok; i++) {
      const seg = route.segments[i];
      const part = decoded[i];
      if (part === undefined) ok = false;
      else if (typeof seg === "string") ok = seg === part;
    }
    if (!ok) continue;
    if (!Object.entries(route.queryLiterals).every(([k, v]) => query[k] === v)) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const params: Record<string, string> = {};
    route.segments.forEach((seg, i) => {
      if (typeof seg !== "string") params[seg.param] = decoded[i] as string;
    });
    return { action: route.action, params };
  }
  return pathMatched ? { methodNotAllowed: true } : undefined;
}
