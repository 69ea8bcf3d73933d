/**
 * Timer-driven transitions, applied when due — by the orchestrator's timer, and at the start of every
 * checkpoint so an empty poll sees them: a wait ends (SUCCEEDED), a retry comes due (PENDING → READY, the
 * SDK then starts the step again), a callback runs out of time or of heartbeats (TIMED_OUT, with the
 * service's messages).
 */
import { callbackDue } from "./apply-updates";
import type { ExecutionSession } from "./session";
import { eventError } from "./wire";
import type { ErrorObject, OperationState } from "./types";

/** Applies every due timer of the execution; returns whether any operation changed. */
export function applyDue(session: ExecutionSession, now: number): boolean {
  let changed = false;
  for (const o of session.ordered()) {
    if (o.dueAt === null || o.dueAt > now) continue;
    changed = fire(session, o, now) || changed;
  }
  return changed;
}

function fire(session: ExecutionSession, o: OperationState, now: number): boolean {
  const op = o.op;
  o.dueAt = null;
  o.changed = true;
  if (op.Type === "WAIT" && op.Status === "STARTED") {
    op.Status = "SUCCEEDED";
    op.EndTimestamp = now;
    session.touch(o);
    session.event("WaitSucceeded", now, op, { Duration: o.meta.waitSeconds ?? 0 });
    return true;
  }
  if (op.Type === "STEP" && op.Status === "PENDING") {
    op.Status = "READY";
    session.touch(o);
    return true;
  }
  if (op.Type === "CALLBACK" && op.Status === "STARTED") {
    const timedOut = o.meta.callbackTimeoutAt !== undefined && o.meta.callbackTimeoutAt <= now;
    const missedHeartbeat = o.meta.heartbeatAt !== undefined && o.meta.heartbeatAt <= now;
    if (!timedOut && !missedHeartbeat) {
      o.dueAt = callbackDue(o);
      return false;
    }
    const error: ErrorObject = { ErrorMessage: timedOut ? "Callback timed out" : "Callback timed out on heartbeat" };
    op.Status = "TIMED_OUT";
    op.EndTimestamp = now;
    op.CallbackDetails = { ...op.CallbackDetails, Error: error };
    session.touch(o);
    session.event("CallbackTimedOut", now, op, { Error: eventError(error) });
    return true;
  }
  return false;
}

/**
 * Whether something will wake the execution later: a wait, a retry, a callback or a chained invoke still
 * running. A PENDING answer without any of them can never resume.
 */
export function hasPendingWork(session: ExecutionSession): boolean {
  for (const { op } of session.ops.values()) {
    if (op.Status === "STARTED" && (op.Type === "WAIT" || op.Type === "CALLBACK" || op.Type === "CHAINED_INVOKE")) {
      return true;
    }
    if (op.Type === "STEP" && (op.Status === "PENDING" || op.Status === "READY")) return true;
  }
  return false;
}

/** A step the SDK must run now (READY): the function is re-invoked rather than left to wait. */
export function hasReadyWork(session: ExecutionSession): boolean {
  for (const { op } of session.ops.values()) if (op.Type === "STEP" && op.Status === "READY") return true;
  return false;
}
