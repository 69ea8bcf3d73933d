/**
 * Request decoding and response encoding, driven by the model: URI, query and header members come from
 * their locations (with the model's types), the payload member is the raw body, the rest is JSON.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { ActionModel, Member } from "../lib/lambda-model/model";
import { LambdaError } from "./errors";

function coerce(member: Member, value: string | string[]): unknown {
  if (member.type === "list") return Array.isArray(value) ? value : [value];
  const v = Array.isArray(value) ? value[value.length - 1]! : value;
  switch (member.type) {
    case "integer":
    case "long":
    case "double":
      return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
    case "boolean":
      return v === "true" ? true : v === "false" ? false : v;
    default:
      return v;
  }
}

/** Where an action's input members come from, worked out once per action instead of per request. */
interface DecodePlan {
  uri: [string, Member][];
  query: [string, string, Member][];
  headers: [string, string, Member][];
  hasBodyMembers: boolean;
}

const plans = new WeakMap<ActionModel, DecodePlan>();

function planOf(action: ActionModel): DecodePlan {
  let plan = plans.get(action);
  if (plan) return plan;
  plan = { uri: [], query: [], headers: [], hasBodyMembers: false };
  for (const [name, member] of Object.entries(action.input)) {
    if (member.location === "uri") plan.uri.push([name, member]);
    else if (member.location === undefined) plan.hasBodyMembers = true;
  }
  for (const [wire, name] of Object.entries(action.query)) {
    const member = action.input[name];
    if (member) plan.query.push([wire, name, member]);
  }
  for (const [wire, name] of Object.entries(action.requestHeaders)) {
    const member = action.input[name];
    if (member) plan.headers.push([wire.toLowerCase(), name, member]);
  }
  plans.set(action, plan);
  return plan;
}

export function decodeInput(
  action: ActionModel,
  params: Record<string, string>,
  query: Record<string, string | string[]>,
  headers: IncomingHttpHeaders,
  body: Buffer,
): Record<string, unknown> {
  const plan = planOf(action);
  const input: Record<string, unknown> = {};
  // URI members have types too (a layer VersionNumber is a long).
  for (const [name, member] of plan.uri) {
    const value = params[name];
    if (value !== undefined) input[name] = coerce(member, value);
  }
  for (const [wire, name, member] of plan.query) {
    const value = query[wire];
    if (value !== undefined) input[name] = coerce(member, value);
  }
  for (const [wire, name, member] of plan.headers) {
    const value = headers[wire];
    if (value !== undefined) input[name] = coerce(member, value);
  }
  if (action.payloadMember) {
    const member = action.input[action.payloadMember];
    if (member?.type === "structure") {
      if (body.length > 0) input[action.payloadMember] = parseJson(body);
    } else {
      input[action.payloadMember] = body;
    }
  } else if (plan.hasBodyMembers && body.length > 0) {
    const parsed = parseJson(body);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw new LambdaError(
        "InvalidRequestContentException",
        400,
        "Could not parse request body into json: expected an object",
      );
    }
    for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
      // Body members never override URI/query/header members of the same name.
      const member = action.input[name];
      if (member && member.location !== undefined) continue;
      input[name] = value;
    }
  }
  return input;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch (e) {
    throw new LambdaError(
      "InvalidRequestContentException",
      400,
      `Could not parse request body into json: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** Moves output members bound to response headers out of the JSON body. */
export function splitOutput(action: ActionModel, body: unknown): { body: unknown; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  if (!body || typeof body !== "object" || Object.keys(action.responseHeaders).length === 0) return { body, headers };
  const rest: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const [header, member] of Object.entries(action.responseHeaders)) {
    const value = rest[member];
    if (value !== undefined && value !== null) headers[header] = String(value);
    delete rest[member];
  }
  return { body: rest, headers };
}
