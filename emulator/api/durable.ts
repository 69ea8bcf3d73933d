/**
 * Durable-execution actions, answering as the service does for executions and callbacks that do not
 * exist. The orchestrator (executions, checkpoints, timers, callbacks, history) lands in a later issue
 * (emulator/durable/); until then no execution ever exists, so every lookup misses. The router already
 * validated ARNs, tokens and callback ids against the reference's patterns.
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
import { functionNotFound, invalidParameter, resourceNotFound } from "../errors";
import { arnOf, parseTarget, resolveVersion } from "../functions/resolve";
import type { ApiRequest, HandlerMap, Input } from "./types";

const EXECUTION_ARN =
  /^arn:[a-zA-Z0-9-]+:lambda:([a-zA-Z0-9-]+):(\d{12}):function:([a-zA-Z0-9_-]+):([^/]+)\/durable-execution\//;

/**
 * The miss for an execution ARN: the function's own "Function not found" when the function (or its
 * version) is gone, otherwise the execution is unknown.
 */
function executionNotFound(ctx: EmulatorContext, executionArn: string) {
  const m = EXECUTION_ARN.exec(executionArn);
  if (m && m[1] === ctx.config.region && m[2] === ctx.config.accountId) {
    const [, , , name, qualifier] = m;
    if (!ctx.functions.exists(name!)) return functionNotFound(arnOf(ctx, name!));
    if (qualifier !== "$LATEST" && /^\d+$/.test(qualifier!) && !ctx.functions.get(name!, qualifier)) {
      return functionNotFound(arnOf(ctx, name!, qualifier));
    }
  }
  return resourceNotFound(`The durable execution ${executionArn} does not exist.`);
}

/**
 * Checkpoint and state reads carry a checkpoint token, which cannot belong to an unknown execution. The
 * reference lists no ResourceNotFoundException for them; the SDK treats this prefix as a bad token.
 */
const invalidToken = (executionArn: string) =>
  invalidParameter(`Invalid Checkpoint Token: no durable execution ${executionArn} holds this token.`);

const callbackNotFound = (callbackId: string) =>
  resourceNotFound(`The callback ${callbackId} does not exist or has already completed.`);

// POST /2025-12-01/durable-executions/{DurableExecutionArn}/checkpoint — CheckpointDurableExecution
const checkpointDurableExecution = (
  req: ApiRequest<Input<CheckpointDurableExecutionRequest, "DurableExecutionArn" | "CheckpointToken">>,
) => {
  throw invalidToken(req.input.DurableExecutionArn);
};

// GET /2025-12-01/durable-executions/{DurableExecutionArn} — GetDurableExecution
const getDurableExecution = (
  req: ApiRequest<Input<GetDurableExecutionRequest, "DurableExecutionArn">>,
  ctx: EmulatorContext,
) => {
  throw executionNotFound(ctx, req.input.DurableExecutionArn);
};

// GET /2025-12-01/durable-executions/{DurableExecutionArn}/history — GetDurableExecutionHistory
const getDurableExecutionHistory = (
  req: ApiRequest<Input<GetDurableExecutionHistoryRequest, "DurableExecutionArn">>,
  ctx: EmulatorContext,
) => {
  throw executionNotFound(ctx, req.input.DurableExecutionArn);
};

// GET /2025-12-01/durable-executions/{DurableExecutionArn}/state — GetDurableExecutionState
const getDurableExecutionState = (
  req: ApiRequest<Input<GetDurableExecutionStateRequest, "DurableExecutionArn" | "CheckpointToken">>,
) => {
  throw invalidToken(req.input.DurableExecutionArn);
};

// GET /2025-12-01/functions/{FunctionName}/durable-executions — ListDurableExecutionsByFunction
const listDurableExecutionsByFunction = (
  req: ApiRequest<Input<ListDurableExecutionsByFunctionRequest, "FunctionName">>,
  ctx: EmulatorContext,
) => {
  const target = parseTarget(ctx, req.input.FunctionName, req.input.Qualifier);
  resolveVersion(ctx, target);
  return { body: { DurableExecutions: [] } };
};

// POST /2025-12-01/durable-execution-callbacks/{CallbackId}/succeed — SendDurableExecutionCallbackSuccess
const sendDurableExecutionCallbackSuccess = (
  req: ApiRequest<Input<SendDurableExecutionCallbackSuccessRequest, "CallbackId">>,
) => {
  throw callbackNotFound(req.input.CallbackId);
};

// POST /2025-12-01/durable-execution-callbacks/{CallbackId}/fail — SendDurableExecutionCallbackFailure
const sendDurableExecutionCallbackFailure = (
  req: ApiRequest<Input<SendDurableExecutionCallbackFailureRequest, "CallbackId">>,
) => {
  throw callbackNotFound(req.input.CallbackId);
};

// POST /2025-12-01/durable-execution-callbacks/{CallbackId}/heartbeat — SendDurableExecutionCallbackHeartbeat
const sendDurableExecutionCallbackHeartbeat = (
  req: ApiRequest<Input<SendDurableExecutionCallbackHeartbeatRequest, "CallbackId">>,
) => {
  throw callbackNotFound(req.input.CallbackId);
};

// POST /2025-12-01/durable-executions/{DurableExecutionArn}/stop — StopDurableExecution
const stopDurableExecution = (
  req: ApiRequest<Input<StopDurableExecutionRequest, "DurableExecutionArn">>,
  ctx: EmulatorContext,
) => {
  throw executionNotFound(ctx, req.input.DurableExecutionArn);
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
