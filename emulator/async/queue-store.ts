/** Table `async_events` (migration 0004): the persistent queue of asynchronous invocations. */
import type { Db } from "../store/db";

export interface QueuedEvent {
  request_id: string;
  function_name: string;
  /** As invoked: alias, version or $LATEST; null for an unqualified invoke. */
  qualifier: string | null;
  invoked_arn: string;
  payload: Buffer;
  trace_id: string | null;
  tenant_id: string | null;
  /** Request id of the invocation whose destination record this event carries. */
  origin: string | null;
  enqueued_at: number;
  next_attempt_at: number;
  attempts: number;
  throttles: number;
  last_version: string | null;
  last_function_error: string | null;
  last_response: Buffer | null;
}

export type NewEvent = Pick<
  QueuedEvent,
  "request_id" | "function_name" | "qualifier" | "invoked_arn" | "payload" | "trace_id" | "tenant_id" | "origin"
> & { enqueued_at: number };

/** A pending event as the extension API lists it (without its payload). */
export type QueuedSummary = Omit<QueuedEvent, "payload" | "last_response">;

const SUMMARY_COLUMNS =
  "request_id, function_name, qualifier, invoked_arn, trace_id, tenant_id, origin, enqueued_at, next_attempt_at, attempts, throttles, last_version, last_function_error";

export class QueueStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO async_events (request_id, function_name, qualifier, invoked_arn, payload, trace_id, tenant_id, origin,
           enqueued_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      get: db.prepare<[string], QueuedEvent>("SELECT * FROM async_events WHERE request_id = ?"),
      due: db.prepare<[number, number], QueuedEvent>(
        "SELECT * FROM async_events WHERE next_attempt_at <= ? ORDER BY next_attempt_at, rowid LIMIT ?",
      ),
      nextDue: db.prepare<[], { at: number | null }>("SELECT MIN(next_attempt_at) AS at FROM async_events"),
      nextDueAfter: db.prepare<[number], { at: number | null }>(
        "SELECT MIN(next_attempt_at) AS at FROM async_events WHERE next_attempt_at > ?",
      ),
      attempted: db.prepare(
        `UPDATE async_events SET attempts = ?, next_attempt_at = ?, last_version = ?, last_function_error = ?,
           last_response = ? WHERE request_id = ?`,
      ),
      throttled: db.prepare("UPDATE async_events SET throttles = ?, next_attempt_at = ? WHERE request_id = ?"),
      delete: db.prepare("DELETE FROM async_events WHERE request_id = ?"),
      deleteFunction: db.prepare("DELETE FROM async_events WHERE function_name = ?"),
      count: db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM async_events"),
      ofFunction: db.prepare<[string, number], QueuedSummary>(
        `SELECT ${SUMMARY_COLUMNS} FROM async_events WHERE function_name = ? ORDER BY enqueued_at, rowid LIMIT ?`,
      ),
    };
  }

  /** Stores a new event; committed when this returns (outside a transaction) or with the caller's. */
  insert(event: NewEvent, nextAttemptAt = event.enqueued_at): void {
    this.s.insert.run(
      event.request_id,
      event.function_name,
      event.qualifier,
      event.invoked_arn,
      event.payload,
      event.trace_id,
      event.tenant_id,
      event.origin,
      event.enqueued_at,
      nextAttemptAt,
    );
  }

  get(requestId: string): QueuedEvent | undefined {
    return this.s.get.get(requestId);
  }

  /** Events whose next attempt is due, oldest first. */
  due(now: number, limit: number): QueuedEvent[] {
    return this.s.due.all(now, limit);
  }

  /** When the earliest event is due (after `now`, if given). */
  nextDue(after?: number): number | undefined {
    const row = after === undefined ? this.s.nextDue.get() : this.s.nextDueAfter.get(after);
    return row?.at ?? undefined;
  }

  /** A run ended in a function error and another is scheduled. */
  attempted(
    requestId: string,
    attempts: number,
    nextAttemptAt: number,
    last: { version: string; functionError: string | null; response: Buffer },
  ): void {
    this.s.attempted.run(attempts, nextAttemptAt, last.version, last.functionError, last.response, requestId);
  }

  throttled(requestId: string, throttles: number, nextAttemptAt: number): void {
    this.s.throttled.run(throttles, nextAttemptAt, requestId);
  }

  delete(requestId: string): void {
    this.s.delete.run(requestId);
  }

  deleteFunction(name: string): void {
    this.s.deleteFunction.run(name);
  }

  count(): number {
    return this.s.count.get()?.n ?? 0;
  }

  ofFunction(name: string, limit: number): QueuedSummary[] {
    return this.s.ofFunction.all(name, limit);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
