/**
 * Ending things inside a session: an invocation (its InvocationCompleted event; the execution no longer
 * holds a token) and the execution itself (status, result or error, its operation, its timers, the closing
 * event — always the history's last).
 */
import type { ExecutionSession } from "./session";
import type { ErrorObject, ExecutionStatus } from "./types";
import { eventError, eventPayload } from "./wire";

/** Records the running invocation's end; from now on the execution accepts no token of it. */
export function invocationCompleted(session: ExecutionSession, now: number, error: ErrorObject | undefined): void {
  const exec = session.exec;
  if (exec.invocationId === null) return;
  session.event("InvocationCompleted", now, undefined, {
    StartTimestamp: exec.invocationStartedAt ?? now,
    EndTimestamp: now,
    RequestId: exec.invocationId,
    ...(error ? { Error: eventError(error) } : {}),
  });
  exec.invocationId = null;
  exec.invocationStartedAt = null;
  exec.token = null;
  exec.firstToken = null;
}

/** Closes an execution: its status, result or error, its operation, its timers, its closing event. */
export function closeExecution(
  session: ExecutionSession,
  status: Exclude<ExecutionStatus, "RUNNING">,
  now: number,
  outcome: { result?: string; error?: ErrorObject },
): void {
  const exec = session.exec;
  if (exec.invocationId !== null) {
    // The invocation still running is cut loose (its checkpoints are refused from now on); its
    // InvocationCompleted goes before the closing event, which stays the history's last.
    invocationCompleted(session, now, {
      ErrorType: "DurableExecution." + status,
      ErrorMessage: `The durable execution ended (${status}) while this invocation ran.`,
    });
  }
  exec.status = status;
  exec.endedAt = now;
  exec.result = outcome.result ?? null;
  exec.error = outcome.error ?? null;
  exec.runRequested = false;
  exec.retryAt = null;
  for (const o of session.ops.values()) {
    if (o.dueAt !== null) {
      o.dueAt = null;
      o.changed = true;
    }
  }
  const executionOp = session.executionOp();
  if (executionOp) {
    executionOp.op.Status = status;
    executionOp.op.EndTimestamp = now;
    session.touch(executionOp);
  }
  const op = executionOp?.op;
  if (status === "SUCCEEDED") session.event("ExecutionSucceeded", now, op, { Result: eventPayload(outcome.result) });
  else {
    const type =
      status === "FAILED" ? "ExecutionFailed" : status === "TIMED_OUT" ? "ExecutionTimedOut" : "ExecutionStopped";
    session.event(type, now, op, { Error: eventError(outcome.error ?? {}) });
  }
}
