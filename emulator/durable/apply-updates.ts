/**
 * What each validated update does to its operation (shared/notes/durable-contract.md §2.5, §3.2): the
 * status it moves to, the details the service fills in (attempts, retry and wait times, callback ids),
 * the timers it arms, and the history event it records. Chained invokes are started by the orchestrator
 * through `hooks.chainedStart`, in the same transaction.
 */
import { randomBytes } from "node:crypto";
import type { ExecutionSession } from "./session";
import type { Update } from "./validate-updates";
import { eventError, eventPayload } from "./wire";
import type { ErrorObject, OperationDoc, OperationState } from "./types";

export interface ApplyHooks {
  /** A CHAINED_INVOKE started: begin the invocation; returns what ChainedInvokeStarted records. */
  chainedStart(session: ExecutionSession, o: OperationState): { childArn?: string; executedVersion?: string };
  /** A CHAINED_INVOKE was cancelled: stop its child execution, if any. */
  chainedCancel(session: ExecutionSession, o: OperationState): void;
}

/** A callback id: standard base64 (the reference's pattern), random, routed through the store's index. */
export function newCallbackId(): string {
  return randomBytes(33).toString("base64");
}

const payloadOf = (u: Update): string | undefined => (u.Payload === null ? undefined : u.Payload);
const errorOf = (u: Update): ErrorObject | undefined => (u.Error ? (u.Error as ErrorObject) : undefined);

export function applyUpdates(
  session: ExecutionSession,
  updates: readonly Update[],
  now: number,
  hooks: ApplyHooks,
): void {
  for (const u of updates) applyUpdate(session, u, now, hooks);
}

function ensure(session: ExecutionSession, u: Update, now: number): OperationState {
  const existing = session.ops.get(u.Id);
  if (existing) return existing;
  const op: OperationDoc = {
    Id: u.Id,
    Type: u.Type,
    Status: "STARTED",
    StartTimestamp: now,
    ...(u.ParentId ? { ParentId: u.ParentId } : {}),
    ...(u.Name ? { Name: u.Name } : {}),
    ...(u.SubType ? { SubType: u.SubType } : {}),
  };
  return session.add(op);
}

function finish(o: OperationState, status: OperationDoc["Status"], now: number): void {
  o.op.Status = status;
  o.op.EndTimestamp = now;
  o.dueAt = null;
}

function applyUpdate(session: ExecutionSession, u: Update, now: number, hooks: ApplyHooks): void {
  if (u.Type === "EXECUTION") {
    // The large-result path: whatever its Id, the update belongs to the execution's own operation; the
    // execution closes when the invocation returns (so its closing event stays the last one).
    const exec = session.executionOp();
    if (!exec) return;
    if (u.Action === "SUCCEED") exec.meta.checkpointedResult = payloadOf(u) ?? "";
    else exec.meta.checkpointedError = errorOf(u) ?? {};
    exec.changed = true;
    return;
  }
  const o = ensure(session, u, now);
  session.touch(o);
  const op = o.op;
  switch (u.Type) {
    case "STEP":
      return applyStep(session, o, u, now);
    case "WAIT":
      if (u.Action === "START") {
        const seconds = u.WaitOptions?.WaitSeconds ?? 1;
        op.Status = "STARTED";
        op.WaitDetails = { ScheduledEndTimestamp: now + seconds * 1000 };
        o.meta.waitSeconds = seconds;
        o.dueAt = op.WaitDetails.ScheduledEndTimestamp ?? null;
        session.event("WaitStarted", now, op, { Duration: seconds, ScheduledEndTimestamp: o.dueAt });
      } else {
        finish(o, "CANCELLED", now);
        session.event("WaitCancelled", now, op, u.Error ? { Error: eventError(errorOf(u)) } : {});
      }
      return;
    case "CALLBACK":
      if (u.Action === "START") {
        const timeout = u.CallbackOptions?.TimeoutSeconds ?? 0;
        const heartbeat = u.CallbackOptions?.HeartbeatTimeoutSeconds ?? 0;
        o.callbackId = newCallbackId();
        op.Status = "STARTED";
        op.CallbackDetails = { CallbackId: o.callbackId };
        if (timeout > 0) o.meta.callbackTimeoutAt = now + timeout * 1000;
        if (heartbeat > 0) {
          o.meta.heartbeatSeconds = heartbeat;
          o.meta.heartbeatAt = now + heartbeat * 1000;
        }
        o.dueAt = callbackDue(o);
        session.event("CallbackStarted", now, op, {
          CallbackId: o.callbackId,
          ...(timeout > 0 ? { Timeout: timeout } : {}),
          ...(heartbeat > 0 ? { HeartbeatTimeout: heartbeat } : {}),
        });
      } else {
        finish(o, "CANCELLED", now);
      }
      return;
    case "CONTEXT":
      if (u.Action === "START") {
        op.Status = "STARTED";
        op.ContextDetails = {};
        session.event("ContextStarted", now, op);
      } else if (u.Action === "SUCCEED") {
        finish(o, "SUCCEEDED", now);
        const result = payloadOf(u);
        op.ContextDetails = {
          ...(result !== undefined ? { Result: result } : {}),
          ...(u.ContextOptions?.ReplayChildren ? { ReplayChildren: true } : {}),
        };
        session.event("ContextSucceeded", now, op, { Result: eventPayload(result) });
      } else {
        finish(o, "FAILED", now);
        const error = errorOf(u) ?? {};
        op.ContextDetails = { Error: error };
        session.event("ContextFailed", now, op, { Error: eventError(error) });
      }
      return;
    case "CHAINED_INVOKE":
      if (u.Action === "START") {
        op.Status = "STARTED";
        const functionName = u.ChainedInvokeOptions?.FunctionName ?? "";
        const tenantId = u.ChainedInvokeOptions?.TenantId ?? undefined;
        const payload = payloadOf(u);
        o.meta.chained = {
          functionName,
          ...(payload !== undefined ? { payload } : {}),
          ...(tenantId ? { tenantId } : {}),
        };
        const started = hooks.chainedStart(session, o);
        session.event("ChainedInvokeStarted", now, op, {
          FunctionName: functionName,
          Input: eventPayload(payload),
          ...(tenantId ? { TenantId: tenantId } : {}),
          ...(started.childArn ? { DurableExecutionArn: started.childArn } : {}),
          ...(started.executedVersion ? { ExecutedVersion: started.executedVersion } : {}),
        });
      } else {
        hooks.chainedCancel(session, o);
        finish(o, "STOPPED", now);
        const error = errorOf(u) ?? { ErrorMessage: "The chained invocation was cancelled." };
        op.ChainedInvokeDetails = { Error: error };
        session.event("ChainedInvokeStopped", now, op, { Error: eventError(error) });
      }
      return;
  }
}

function applyStep(session: ExecutionSession, o: OperationState, u: Update, now: number): void {
  const op = o.op;
  const details = (op.StepDetails ??= {});
  if (u.Action === "START") {
    op.Status = "STARTED";
    delete details.NextAttemptTimestamp;
    o.dueAt = null;
    session.event("StepStarted", now, op);
    return;
  }
  const attempt = (details.Attempt ?? 0) + 1;
  details.Attempt = attempt;
  const payload = payloadOf(u);
  const error = errorOf(u);
  if (u.Action === "SUCCEED") {
    finish(o, "SUCCEEDED", now);
    delete details.NextAttemptTimestamp;
    delete details.Error;
    if (payload !== undefined) details.Result = payload;
    session.event("StepSucceeded", now, op, {
      Result: eventPayload(payload),
      RetryDetails: { CurrentAttempt: attempt },
    });
    return;
  }
  if (u.Action === "FAIL") {
    finish(o, "FAILED", now);
    delete details.NextAttemptTimestamp;
    details.Error = error ?? {};
    session.event("StepFailed", now, op, {
      Error: eventError(details.Error),
      RetryDetails: { CurrentAttempt: attempt },
    });
    return;
  }
  // RETRY: PENDING until the delay passes, then READY (the orchestrator's timer) and re-invoked.
  const delay = u.StepOptions?.NextAttemptDelaySeconds ?? 1;
  op.Status = "PENDING";
  details.NextAttemptTimestamp = now + delay * 1000;
  o.dueAt = details.NextAttemptTimestamp;
  // waitForCondition keeps its state in the Payload of a RETRY; the SDK reads it back from Result.
  if (payload !== undefined) details.Result = payload;
  if (error) details.Error = error;
  else delete details.Error;
  const retry = { CurrentAttempt: attempt, NextAttemptDelaySeconds: delay };
  if (error) session.event("StepFailed", now, op, { Error: eventError(error), RetryDetails: retry });
  else session.event("StepSucceeded", now, op, { Result: eventPayload(payload), RetryDetails: retry });
}

/** A started callback's next deadline: its timeout or its heartbeat, whichever comes first. */
export function callbackDue(o: OperationState): number | null {
  const times = [o.meta.callbackTimeoutAt, o.meta.heartbeatAt].filter((t): t is number => t !== undefined);
  return times.length > 0 ? Math.min(...times) : null;
}
