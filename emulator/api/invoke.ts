/**
 * Invoking functions: Invoke (RequestResponse, Event, DryRun) and the deprecated InvokeAsync. The
 * helpers are exported for InvokeWithResponseStream, which resolves and validates the same way.
 */
import type { InvocationRequest, InvokeAsyncRequest } from "@aws-sdk/client-lambda";
import type { EmulatorContext } from "../context";
import { invalidRequestContent, requestTooLarge, resourceConflict } from "../errors";
import {
  arnOf,
  isVersionQualifier,
  parseTarget,
  resolveVersion,
  type AliasDoc,
  type FunctionTarget,
} from "../functions/resolve";
import { invokeDurable } from "../durable/invoke";
import { submitEventInvocation } from "../runtime/event-invoke";
import type { VersionRecord } from "../store/functions-repo";
import { KIND } from "../store/kinds";
import type { ApiRequest, ApiResult, HandlerMap, Input } from "./types";

/** The service's payload quotas: 6 MB synchronous, 1 MB asynchronous. */
export const SYNC_PAYLOAD_LIMIT = 6_291_456;
const ASYNC_PAYLOAD_LIMIT = 1_048_576;
const CLIENT_CONTEXT_LIMIT = 3_583;
/** X-Amz-Log-Result carries the last 4 KB of the log. */
const LOG_TAIL_BYTES = 4_096;
const EMPTY_EVENT = Buffer.from("{}");

// The payload member arrives as the raw body (a Buffer), not as base64 inside JSON.
type InvokeInput = Omit<Input<InvocationRequest, "FunctionName">, "Payload"> & { Payload?: Buffer };
type InvokeAsyncInput = Omit<Input<InvokeAsyncRequest, "FunctionName">, "InvokeArgs"> & { InvokeArgs?: Buffer };

/**
 * The version an invocation runs: the one named, or for an alias its primary version — or, with
 * RoutingConfig.AdditionalVersionWeights, one of the extra versions with its weight's probability.
 */
export function versionToRun(ctx: EmulatorContext, target: FunctionTarget): Readonly<VersionRecord> {
  const qualifier = target.qualifier;
  // Hot path: cached, shared records (read-only); resolveVersion only to word a not-found error.
  if (!qualifier || isVersionQualifier(qualifier)) {
    return ctx.functions.getShared(target.name, qualifier ?? "$LATEST") ?? resolveVersion(ctx, target);
  }
  const alias = ctx.resources.getShared<AliasDoc>(KIND.alias, `${target.name}:${qualifier}`);
  const primary = (alias && ctx.functions.getShared(target.name, alias.FunctionVersion)) || resolveVersion(ctx, target);
  const weights = alias?.RoutingConfig?.AdditionalVersionWeights;
  if (!weights) return primary;
  let roll = Math.random();
  for (const [version, weight] of Object.entries(weights)) {
    if (roll < weight) return ctx.functions.getShared(target.name, version) ?? primary;
    roll -= weight;
  }
  return primary;
}

/** Functions still being created, or whose code could not be prepared, cannot run. */
export function assertInvocable(record: Readonly<VersionRecord>): void {
  const state = record.config.State;
  if (state === "Pending" || state === "Failed") {
    throw resourceConflict(
      `The operation cannot be performed at this time. The function is currently in the following state: ${state}`,
    );
  }
}

/** The payload as the function gets it: validated JSON bytes, passed on untouched. */
export function eventPayload(body: Buffer | undefined, limit: number): Buffer {
  if (!body || body.length === 0) return EMPTY_EVENT;
  if (body.length > limit) {
    throw requestTooLarge(`Request must be smaller than ${limit} bytes for the InvokeFunction operation`);
  }
  try {
    JSON.parse(body.toString("utf8"));
  } catch (e) {
    throw invalidRequestContent(
      `Could not parse request body into json: Could not parse payload into json: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  return body;
}

/** X-Amz-Client-Context is base64 JSON; the runtime gets the JSON text. */
export function clientContextJson(value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (value.length > CLIENT_CONTEXT_LIMIT) {
    throw invalidRequestContent(`Client context must be smaller than ${CLIENT_CONTEXT_LIMIT} bytes.`);
  }
  const text = Buffer.from(value, "base64").toString("utf8");
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) return text;
  } catch {
    // fall through to the service's error
  }
  throw invalidRequestContent("Client context must be a valid Base64-encoded JSON object.");
}

function traceIdOf(req: ApiRequest<unknown>): string | undefined {
  const header = req.headers["x-amzn-trace-id"];
  return typeof header === "string" && header.startsWith("Root=") ? header : undefined;
}

// POST /2015-03-31/functions/{FunctionName}/invocations — Invoke
async function invoke(req: ApiRequest<InvokeInput>, ctx: EmulatorContext): Promise<ApiResult> {
  const input = req.input;
  const type = input.InvocationType ?? "RequestResponse";
  const target = parseTarget(ctx, input.FunctionName, input.Qualifier);
  const record = versionToRun(ctx, target);
  assertInvocable(record);
  const payload = eventPayload(input.Payload, type === "Event" ? ASYNC_PAYLOAD_LIMIT : SYNC_PAYLOAD_LIMIT);
  const clientContext = clientContextJson(input.ClientContext);
  if (type === "DryRun") return { status: 204 };

  const traceId = traceIdOf(req);
  const params = {
    config: record.config,
    codeHash: record.codeHash,
    invokedArn: arnOf(ctx, target.name, target.qualifier),
    payload,
    requestId: req.requestId,
    ...(input.TenantId ? { tenantId: input.TenantId } : {}),
    ...(traceId ? { traceId } : {}),
  };
  if (record.config.DurableConfig) {
    // The payload starts a durable execution; the function gets the execution's envelope instead.
    return invokeDurable(ctx, {
      record,
      invokedArn: params.invokedArn,
      payload,
      invocationType: type,
      ...(input.DurableExecutionName !== undefined ? { executionName: input.DurableExecutionName } : {}),
      ...(traceId ? { traceId } : {}),
      ...(input.TenantId ? { tenantId: input.TenantId } : {}),
      signal: req.signal,
    });
  }
  if (type === "Event") {
    // ClientContext is passed to synchronous invocations only (see the Invoke reference).
    submitEventInvocation(ctx, params);
    return { status: 202 };
  }

  const result = await ctx.runtime.invoke({
    ...params,
    invocationType: "RequestResponse",
    ...(clientContext !== undefined ? { clientContext } : {}),
  });
  const headers: Record<string, string> = {
    "X-Amz-Executed-Version": result.executedVersion,
    "Content-Type": "application/json",
  };
  if (result.functionError) headers["X-Amz-Function-Error"] = result.functionError;
  if (input.LogType === "Tail") {
    const log = Buffer.from(result.logs, "utf8");
    headers["X-Amz-Log-Result"] = log.subarray(Math.max(0, log.length - LOG_TAIL_BYTES)).toString("base64");
  }
  return { status: 200, payload: result.payload, headers };
}

// POST /2014-11-13/functions/{FunctionName}/invoke-async — InvokeAsync (deprecated; runs as Event)
async function invokeAsync(req: ApiRequest<InvokeAsyncInput>, ctx: EmulatorContext): Promise<ApiResult> {
  const target = parseTarget(ctx, req.input.FunctionName);
  const record = versionToRun(ctx, target);
  assertInvocable(record);
  const payload = eventPayload(req.input.InvokeArgs, ASYNC_PAYLOAD_LIMIT);
  if (record.config.DurableConfig) {
    await invokeDurable(ctx, {
      record,
      invokedArn: arnOf(ctx, target.name, target.qualifier),
      payload,
      invocationType: "Event",
    });
    return { status: 202, body: { Status: 202 } };
  }
  submitEventInvocation(ctx, {
    config: record.config,
    codeHash: record.codeHash,
    invokedArn: arnOf(ctx, target.name, target.qualifier),
    payload,
    requestId: req.requestId,
  });
  return { status: 202, body: { Status: 202 } };
}

export const invokeHandlers: HandlerMap = {
  Invoke: invoke,
  InvokeAsync: invokeAsync,
};
