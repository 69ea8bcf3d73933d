/**
 * Durable-execution actions: the SDK's checkpoint and state reads, the callback APIs, Stop, and the read
 * APIs the console uses. The orchestrator (emulator/durable/) holds the state; these handlers turn its
 * records into the reference's shapes. The router already validated ARNs, tokens and callback ids against
 * the reference's patterns.
 */
import type {
  CheckpointDurableExecutionRequest,
  GetDurableExecutionHistoryRequest,
  GetDurableExecutionRequest,
  GetDurableExecutionStateRequest,
  ListDurableExecutionsByFunctionRequest,
  SendDurableExecutionCallbackFailureRequest,
  SendDurableExecutionCallbackHeartbeatRequest,
  SendDurableExecutionCallbackSuccessRequest,
  StopDurableExecutionRequest,
} from "@aws-sdk/client-lambda";
import type { EmulatorContext } from "../context";
import type { ExecutionRecord, ErrorObject } from "../durable/types";
import type { Update } from "../durable/validate-updates";
import { DURABLE_PAGE, epochSeconds, eventOut } from "../durable/wire";
import { functionNotFound, invalidParameter, resourceNotFound } from "../errors";
import { arnOf, parseTarget, resolveVersion } from "../functions/resolve";
import { paginate } from "./paging";
import type { ApiRequest, HandlerMap, Input } from "./types";

const EXECUTION_ARN =
  /^arn:[a-zA-Z0-9-]+:lambda:([a-zA-Z0-9-]+):(\d{12}):function:([a-zA-Z0-9_-]+):([^/]+)\/durable-execution\//;

/** GetDurableExecution's payloads are limited to 256 KB; a larger input or result is left out. */
const EXECUTION_PAYLOAD_LIMIT = 262_144;

/**
 * The miss for an execution ARN: the function's own "Function not found" when the function (or its
 * version) is gone, otherwise the execution is unknown.
 */
function executionNotFound(ctx: EmulatorContext, executionArn: string) {
  const m = EXECUTION_ARN.exec(executionArn);
  if (m && m[1] === ctx.config.region && m[2] === ctx.config.accountId) {
    const [, , , name, qualifier] = m;
    if (name && !ctx.functions.exists(name)) return functionNotFound(arnOf(ctx, name));
    if (
      name &&
      qualifier &&
      qualifier !== "$LATEST" &&
      /^\d+$/.test(qualifier) &&
      !ctx.functions.get(name, qualifier)
    ) {
      return functionNotFound(arnOf(ctx, name, qualifier));
    }
  }
  return resourceNotFound(`The durable execution ${executionArn} does not exist.`);
}

function requireExecution(ctx: EmulatorContext, arn: string): ExecutionRecord {
  const exec = ctx.durable.store.getExecution(arn);
  if (!exec) throw executionNotFound(ctx, arn);
  return exec;
}

const fits = (s: string | null): s is string => s !== null && Buffer.byteLength(s) <= EXECUTION_PAYLOAD_LIMIT;

/** ErrorObject members of a request body (StopDurableExecution, SendDurableExecutionCallbackFailure). */
function errorObjectOf(input: {
  ErrorType?: unknown;
  ErrorMessage?: unknown;
  ErrorData?: unknown;
  StackTrace?: unknown;
}): ErrorObject | undefined {
  const error: ErrorObject = {
    ...(typeof input.ErrorType === "string" ? { ErrorType: input.ErrorType } : {}),
    ...(typeof input.ErrorMessage === "string" ? { ErrorMessage: input.ErrorMessage } : {}),
    ...(typeof input.ErrorData === "string" ? { ErrorData: input.ErrorData } : {}),
    ...(Array.isArray(input.StackTrace)
      ? { StackTrace: input.StackTrace.filter((l): l is string => typeof l === "string") }
      : {}),
  };
  return Object.keys(error).length > 0 ? error : undefined;
}

/** StartedAfter / StartedBefore: ISO 8601 in the query (the SDK's form), or epoch seconds. */
function timeParam(name: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value);
  const ms = /^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : Date.parse(text);
  if (Number.isNaN(ms)) throw invalidParameter(`${name} must be a timestamp (ISO 8601), not '${text}'.`);
  return ms;
}

// POST /2025-12-01/durable-executions/{DurableExecutionArn}/checkpoint — CheckpointDurableExecution
const checkpointDurableExecution = (
  req: ApiRequest<Input<CheckpointDurableExecutionRequest, "DurableExecutionArn" | "CheckpointToken">>,
  ctx: EmulatorContext,
) => ({
  body: ctx.durable.checkpoint(req.input.DurableExecutionArn, {
    token: req.input.CheckpointToken,
    ...(req.input.ClientToken ? { clientToken: req.input.ClientToken } : {}),
    updates: (req.input.Updates ?? []) as Update[],
  }),
});

// GET /2025-12-01/durable-executions/{DurableExecutionArn} — GetDurableExecution
const getDurableExecution = (
  req: ApiRequest<Input<GetDurableExecutionRequest, "DurableExecutionArn">>,
  ctx: EmulatorContext,
) => {
  const e = requireExecution(ctx, req.input.DurableExecutionArn);
  return {
    body: {
      DurableExecutionArn: e.arn,
      DurableExecutionName: e.name,
      FunctionArn: arnOf(ctx, e.functionName, e.version),
      ...(fits(e.inputPayload) ? { InputPayload: e.inputPayload } : {}),
      ...(fits(e.result) ? { Result: e.result } : {}),
      ...(e.error ? { Error: e.error } : {}),
      StartTimestamp: epochSeconds(e.startedAt),
      ...(e.endedAt !== null ? { EndTimestamp: epochSeconds(e.endedAt) } : {}),
      Status: e.status,
      Version: e.version,
      ...(e.traceId ? { TraceHeader: { XAmznTraceId: e.traceId } } : {}),
    },
  };
};

// GET /2025-12-01/durable-executions/{DurableExecutionArn}/history — GetDurableExecutionHistory
const getDurableExecutionHistory = (
  req: ApiRequest<Input<GetDurableExecutionHistoryRequest, "DurableExecutionArn">>,
  ctx: EmulatorContext,
) => {
  const { DurableExecutionArn: arn, IncludeExecutionData, ReverseOrder, Marker, MaxItems } = req.input;
  const e = requireExecution(ctx, arn);
  const descending = ReverseOrder === true;
  const events = ctx.durable.store.events(e.arn, descending ? e.nextEventId : 0, e.nextEventId, descending);
  const page = paginate(
    events,
    (ev) => ev.EventId,
    { Marker, MaxItems: MaxItems || undefined },
    { ...DURABLE_PAGE, descending },
  );
  const includeData = IncludeExecutionData !== false;
  return {
    body: {
      Events: page.items.map((ev) => eventOut(ev, includeData)),
      ...(page.nextMarker ? { NextMarker: page.nextMarker } : {}),
    },
  };
};

// GET /2025-12-01/durable-executions/{DurableExecutionArn}/state — GetDurableExecutionState
const getDurableExecutionState = (
  req: ApiRequest<Input<GetDurableExecutionStateRequest, "DurableExecutionArn" | "CheckpointToken">>,
  ctx: EmulatorContext,
) => ({
  body: ctx.durable.state(req.input.DurableExecutionArn, req.input.CheckpointToken, {
    Marker: req.input.Marker,
    MaxItems: req.input.MaxItems,
  }),
});

// GET /2025-12-01/functions/{FunctionName}/durable-executions — ListDurableExecutionsByFunction
const listDurableExecutionsByFunction = (
  req: ApiRequest<Input<ListDurableExecutionsByFunctionRequest, "FunctionName">>,
  ctx: EmulatorContext,
) => {
  const input = req.input;
  const target = parseTarget(ctx, input.FunctionName, input.Qualifier);
  // Without a qualifier: $LATEST's executions; an alias lists those of the version it points to.
  const version = resolveVersion(ctx, target).config.Version;
  const startedAfter = timeParam("StartedAfter", input.StartedAfter);
  const startedBefore = timeParam("StartedBefore", input.StartedBefore);
  const found = ctx.durable.store.list({
    functionName: target.name,
    version,
    ...(input.DurableExecutionName ? { name: input.DurableExecutionName } : {}),
    ...(input.Statuses?.length ? { statuses: input.Statuses } : {}),
    ...(startedAfter !== undefined ? { startedAfter } : {}),
    ...(startedBefore !== undefined ? { startedBefore } : {}),
  });
  // Newest first unless ReverseOrder (the reference: "true to return results in chronological order").
  const chronological = input.ReverseOrder === true;
  const keyed = found.map((e, i) => ({
    e,
    key: `${String(e.startedAt).padStart(15, "0")}:${String(i).padStart(9, "0")}`,
  }));
  if (!chronological) keyed.reverse();
  const page = paginate(
    keyed,
    (k) => k.key,
    { Marker: input.Marker, MaxItems: input.MaxItems || undefined },
    { ...DURABLE_PAGE, descending: !chronological },
  );
  return {
    body: {
      DurableExecutions: page.items.map(({ e }) => ({
        DurableExecutionArn: e.arn,
        DurableExecutionName: e.name,
        FunctionArn: arnOf(ctx, e.functionName, e.version),
        Status: e.status,
        StartTimestamp: epochSeconds(e.startedAt),
        ...(e.endedAt !== null ? { EndTimestamp: epochSeconds(e.endedAt) } : {}),
      })),
      ...(page.nextMarker ? { NextMarker: page.nextMarker } : {}),
    },
  };
};

// POST /2025-12-01/durable-execution-callbacks/{CallbackId}/succeed — SendDurableExecutionCallbackSuccess
const sendDurableExecutionCallbackSuccess = (
  req: ApiRequest<
    Omit<Input<SendDurableExecutionCallbackSuccessRequest, "CallbackId">, "Result"> & { Result?: Buffer }
  >,
  ctx: EmulatorContext,
) => {
  // The raw body is the result; the callback's Result is its text (the SDK parses it with its serdes).
  ctx.durable.callbackSucceeded(req.input.CallbackId, req.input.Result ?? Buffer.alloc(0));
  return {};
};

// POST /2025-12-01/durable-execution-callbacks/{CallbackId}/fail — SendDurableExecutionCallbackFailure
const sendDurableExecutionCallbackFailure = (
  req: ApiRequest<Input<SendDurableExecutionCallbackFailureRequest, "CallbackId"> & ErrorObject>,
  ctx: EmulatorContext,
) => {
  ctx.durable.callbackFailed(req.input.CallbackId, errorObjectOf(req.input) ?? {});
  return {};
};

// POST /2025-12-01/durable-execution-callbacks/{CallbackId}/heartbeat — SendDurableExecutionCallbackHeartbeat
const sendDurableExecutionCallbackHeartbeat = (
  req: ApiRequest<Input<SendDurableExecutionCallbackHeartbeatRequest, "CallbackId">>,
  ctx: EmulatorContext,
) => {
  ctx.durable.callbackHeartbeat(req.input.CallbackId);
  return {};
};

// POST /2025-12-01/durable-executions/{DurableExecutionArn}/stop — StopDurableExecution
const stopDurableExecution = (
  req: ApiRequest<Input<StopDurableExecutionRequest, "DurableExecutionArn"> & ErrorObject>,
  ctx: EmulatorContext,
) => {
  requireExecution(ctx, req.input.DurableExecutionArn);
  const stoppedAt = ctx.durable.stop(req.input.DurableExecutionArn, errorObjectOf(req.input));
  return { body: { StopTimestamp: epochSeconds(stoppedAt) } };
};

export const durableHandlers: HandlerMap = {
  CheckpointDurableExecution: checkpointDurableExecution,
  GetDurableExecution: getDurableExecution,
  GetDurableExecutionHistory: getDurableExecutionHistory,
  GetDurableExecutionState: getDurableExecutionState,
  ListDurableExecutionsByFunction: listDurableExecutionsByFunction,
  SendDurableExecutionCallbackSuccess: sendDurableExecutionCallbackSuccess,
  SendDurableExecutionCallbackFailure: sendDurableExecutionCallbackFailure,
  SendDurableExecutionCallbackHeartbeat: sendDurableExecutionCallbackHeartbeat,
  StopDurableExecution: stopDurableExecution,
};
