/**
 * Tables of migration 0005: executions, their operations (in start order), history events and checkpoint
 * answers kept by ClientToken. Synchronous better-sqlite3 statements; callers group a change into one
 * `transaction()` and answer only after it committed.
 */
import type { Db } from "../store/db";
import type {
  ErrorObject,
  EventDoc,
  ExecutionRecord,
  ExecutionStatus,
  OperationDoc,
  OperationMeta,
  OperationState,
} from "./types";

interface ExecutionRow {
  arn: string;
  function_name: string;
  version: string;
  name: string;
  execution_id: string;
  status: string;
  input_payload: string;
  result: string | null;
  error: string | null;
  invocation_type: string;
  invoked_arn: string;
  trace_id: string | null;
  tenant_id: string | null;
  started_at: number;
  ended_at: number | null;
  timeout_at: number;
  execution_timeout: number;
  retention_days: number;
  parent_arn: string | null;
  parent_op: string | null;
  token: string | null;
  first_token: string | null;
  invocation_id: string | null;
  invocation_started_at: number | null;
  failed_invocations: number;
  run_requested: number;
  retry_at: number | null;
  next_seq: number;
  next_event_id: number;
}

interface OperationRow {
  id: string;
  seq: number;
  doc: string;
  meta: string;
  dirty: number;
  due_at: number | null;
  callback_id: string | null;
}

/** Filters of ListDurableExecutionsByFunction. */
export interface ExecutionFilter {
  functionName: string;
  version: string;
  name?: string;
  statuses?: string[];
  startedAfter?: number;
  startedBefore?: number;
}

export type ExecutionSummary = Pick<
  ExecutionRecord,
  "arn" | "name" | "functionName" | "version" | "status" | "startedAt" | "endedAt"
>;

function toRecord(r: ExecutionRow): ExecutionRecord {
  return {
    arn: r.arn,
    functionName: r.function_name,
    version: r.version,
    name: r.name,
    executionId: r.execution_id,
    status: r.status as ExecutionStatus,
    inputPayload: r.input_payload,
    result: r.result,
    error: r.error === null ? null : (JSON.parse(r.error) as ErrorObject),
    invocationType: r.invocation_type === "Event" ? "Event" : "RequestResponse",
    invokedArn: r.invoked_arn,
    traceId: r.trace_id,
    tenantId: r.tenant_id,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    timeoutAt: r.timeout_at,
    executionTimeout: r.execution_timeout,
    retentionDays: r.retention_days,
    parentArn: r.parent_arn,
    parentOp: r.parent_op,
    token: r.token,
    firstToken: r.first_token,
    invocationId: r.invocation_id,
    invocationStartedAt: r.invocation_started_at,
    failedInvocations: r.failed_invocations,
    runRequested: r.run_requested !== 0,
    retryAt: r.retry_at,
    nextSeq: r.next_seq,
    nextEventId: r.next_event_id,
  };
}

function toRow(e: ExecutionRecord): ExecutionRow {
  return {
    arn: e.arn,
    function_name: e.functionName,
    version: e.version,
    name: e.name,
    execution_id: e.executionId,
    status: e.status,
    input_payload: e.inputPayload,
    result: e.result,
    error: e.error === null ? null : JSON.stringify(e.error),
    invocation_type: e.invocationType,
    invoked_arn: e.invokedArn,
    trace_id: e.traceId,
    tenant_id: e.tenantId,
    started_at: e.startedAt,
    ended_at: e.endedAt,
    timeout_at: e.timeoutAt,
    execution_timeout: e.executionTimeout,
    retention_days: e.retentionDays,
    parent_arn: e.parentArn,
    parent_op: e.parentOp,
    token: e.token,
    first_token: e.firstToken,
    invocation_id: e.invocationId,
    invocation_started_at: e.invocationStartedAt,
    failed_invocations: e.failedInvocations,
    run_requested: e.runRequested ? 1 : 0,
    retry_at: e.retryAt,
    next_seq: e.nextSeq,
    next_event_id: e.nextEventId,
  };
}

function toState(r: OperationRow): OperationState {
  return {
    op: JSON.parse(r.doc) as OperationDoc,
    seq: r.seq,
    meta: JSON.parse(r.meta) as OperationMeta,
    dirty: r.dirty !== 0,
    dueAt: r.due_at,
    callbackId: r.callback_id,
    changed: false,
  };
}

const EXECUTION_COLUMNS: readonly (keyof ExecutionRow)[] = [
  "arn",
  "function_name",
  "version",
  "name",
  "execution_id",
  "status",
  "input_payload",
  "result",
  "error",
  "invocation_type",
  "invoked_arn",
  "trace_id",
  "tenant_id",
  "started_at",
  "ended_at",
  "timeout_at",
  "execution_timeout",
  "retention_days",
  "parent_arn",
  "parent_op",
  "token",
  "first_token",
  "invocation_id",
  "invocation_started_at",
  "failed_invocations",
  "run_requested",
  "retry_at",
  "next_seq",
  "next_event_id",
];

export class DurableStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      insertExecution: db.prepare(
        `INSERT INTO durable_executions (${EXECUTION_COLUMNS.join(", ")}) VALUES (${EXECUTION_COLUMNS.map((c) => `@${c}`).join(", ")})`,
      ),
      updateExecution: db.prepare(
        `UPDATE durable_executions SET ${EXECUTION_COLUMNS.filter((c) => c !== "arn")
          .map((c) => `${c} = @${c}`)
          .join(", ")} WHERE arn = @arn`,
      ),
      getExecution: db.prepare<[string], ExecutionRow>("SELECT * FROM durable_executions WHERE arn = ?"),
      byName: db.prepare<[string, string], ExecutionRow>(
        "SELECT * FROM durable_executions WHERE function_name = ? AND name = ?",
      ),
      ops: db.prepare<[string], OperationRow>(
        "SELECT id, seq, doc, meta, dirty, due_at, callback_id FROM durable_operations WHERE execution_arn = ? ORDER BY seq",
      ),
      opsPage: db.prepare<[string, number, number], OperationRow>(
        "SELECT id, seq, doc, meta, dirty, due_at, callback_id FROM durable_operations WHERE execution_arn = ? AND seq > ? ORDER BY seq LIMIT ?",
      ),
      upsertOp: db.prepare(
        `INSERT INTO durable_operations (execution_arn, id, seq, doc, meta, dirty, due_at, callback_id)
           VALUES (@arn, @id, @seq, @doc, @meta, @dirty, @due_at, @callback_id)
         ON CONFLICT (execution_arn, id) DO UPDATE SET doc = excluded.doc, meta = excluded.meta,
           dirty = excluded.dirty, due_at = excluded.due_at, callback_id = excluded.callback_id`,
      ),
      byCallback: db.prepare<[string], { execution_arn: string; id: string }>(
        "SELECT execution_arn, id FROM durable_operations WHERE callback_id = ?",
      ),
      insertEvent: db.prepare("INSERT INTO durable_events (execution_arn, event_id, doc) VALUES (?, ?, ?)"),
      eventsAsc: db.prepare<[string, number, number], { doc: string }>(
        "SELECT doc FROM durable_events WHERE execution_arn = ? AND event_id > ? ORDER BY event_id LIMIT ?",
      ),
      eventsDesc: db.prepare<[string, number, number], { doc: string }>(
        "SELECT doc FROM durable_events WHERE execution_arn = ? AND event_id < ? ORDER BY event_id DESC LIMIT ?",
      ),
      getCheckpoint: db.prepare<[string, string], { request_token: string; response: string }>(
        "SELECT request_token, response FROM durable_checkpoints WHERE execution_arn = ? AND client_token = ?",
      ),
      putCheckpoint: db.prepare(
        "INSERT OR REPLACE INTO durable_checkpoints (execution_arn, client_token, request_token, response, created_at) VALUES (?, ?, ?, ?, ?)",
      ),
      pruneCheckpoints: db.prepare("DELETE FROM durable_checkpoints WHERE created_at < ?"),
      nextDue: db.prepare<[], { at: number | null }>(
        `SELECT MIN(t) AS at FROM (
           SELECT MIN(o.due_at) AS t FROM durable_operations o JOIN durable_executions e ON e.arn = o.execution_arn
             WHERE o.due_at IS NOT NULL AND e.status = 'RUNNING'
           UNION ALL SELECT MIN(timeout_at) FROM durable_executions WHERE status = 'RUNNING'
           UNION ALL SELECT MIN(retry_at) FROM durable_executions WHERE status = 'RUNNING' AND run_requested = 1
         )`,
      ),
      due: db.prepare<[number, number, number], { arn: string }>(
        `SELECT DISTINCT o.execution_arn AS arn FROM durable_operations o JOIN durable_executions e ON e.arn = o.execution_arn
           WHERE o.due_at IS NOT NULL AND o.due_at <= ? AND e.status = 'RUNNING'
         UNION SELECT arn FROM durable_executions WHERE status = 'RUNNING' AND timeout_at <= ?
         UNION SELECT arn FROM durable_executions WHERE status = 'RUNNING' AND run_requested = 1
           AND (retry_at IS NULL OR retry_at <= ?)`,
      ),
      running: db.prepare<[], { arn: string }>("SELECT arn FROM durable_executions WHERE status = 'RUNNING'"),
      children: db.prepare<[string], { arn: string }>(
        "SELECT arn FROM durable_executions WHERE parent_arn = ? AND status = 'RUNNING'",
      ),
      ofFunction: db.prepare<[string], { arn: string }>("SELECT arn FROM durable_executions WHERE function_name = ?"),
      ofVersion: db.prepare<[string, string], { arn: string }>(
        "SELECT arn FROM durable_executions WHERE function_name = ? AND version = ?",
      ),
      deleteExecution: db.prepare("DELETE FROM durable_executions WHERE arn = ?"),
      expired: db.prepare<[number], { arn: string }>(
        "SELECT arn FROM durable_executions WHERE ended_at IS NOT NULL AND ended_at + retention_days * 86400000 <= ?",
      ),
    };
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  get open(): boolean {
    return this.db.open;
  }

  insertExecution(e: ExecutionRecord): void {
    this.s.insertExecution.run(toRow(e));
  }

  updateExecution(e: ExecutionRecord): void {
    this.s.updateExecution.run(toRow(e));
  }

  getExecution(arn: string): ExecutionRecord | undefined {
    const row = this.s.getExecution.get(arn);
    return row ? toRecord(row) : undefined;
  }

  byName(functionName: string, name: string): ExecutionRecord | undefined {
    const row = this.s.byName.get(functionName, name);
    return row ? toRecord(row) : undefined;
  }

  operations(arn: string): OperationState[] {
    return this.s.ops.all(arn).map(toState);
  }

  /** Operations after `afterSeq` in start order (GetDurableExecutionState, the invocation event). */
  operationsPage(arn: string, afterSeq: number, limit: number): OperationState[] {
    return this.s.opsPage.all(arn, afterSeq, limit).map(toState);
  }

  saveOperation(arn: string, o: OperationState): void {
    this.s.upsertOp.run({
      arn,
      id: o.op.Id,
      seq: o.seq,
      doc: JSON.stringify(o.op),
      meta: JSON.stringify(o.meta),
      dirty: o.dirty ? 1 : 0,
      due_at: o.dueAt,
      callback_id: o.callbackId,
    });
  }

  callbackOwner(callbackId: string): { arn: string; opId: string } | undefined {
    const row = this.s.byCallback.get(callbackId);
    return row ? { arn: row.execution_arn, opId: row.id } : undefined;
  }

  insertEvent(arn: string, event: EventDoc): void {
    this.s.insertEvent.run(arn, event.EventId, JSON.stringify(event));
  }

  /** Events after (ascending) or before (descending) an event id. */
  events(arn: string, from: number, limit: number, descending: boolean): EventDoc[] {
    const rows = descending ? this.s.eventsDesc.all(arn, from, limit) : this.s.eventsAsc.all(arn, from, limit);
    return rows.map((r) => JSON.parse(r.doc) as EventDoc);
  }

  checkpointReplay(arn: string, clientToken: string): { requestToken: string; response: string } | undefined {
    const row = this.s.getCheckpoint.get(arn, clientToken);
    return row ? { requestToken: row.request_token, response: row.response } : undefined;
  }

  rememberCheckpoint(arn: string, clientToken: string, requestToken: string, response: string, now: number): void {
    this.s.putCheckpoint.run(arn, clientToken, requestToken, response, now);
  }

  pruneCheckpoints(before: number): void {
    this.s.pruneCheckpoints.run(before);
  }

  /** The earliest timer of any running execution: an operation's, a timeout, a retry. */
  nextDue(): number | undefined {
    return this.s.nextDue.get()?.at ?? undefined;
  }

  /** Running executions with a timer due, a timeout reached, or an invocation wanted and allowed now. */
  due(now: number): string[] {
    return this.s.due.all(now, now, now).map((r) => r.arn);
  }

  running(): string[] {
    return this.s.running.all().map((r) => r.arn);
  }

  runningChildren(parentArn: string): string[] {
    return this.s.children.all(parentArn).map((r) => r.arn);
  }

  /** Executions of a function, or of one of its versions. */
  ofFunction(functionName: string, version?: string): string[] {
    const rows =
      version === undefined ? this.s.ofFunction.all(functionName) : this.s.ofVersion.all(functionName, version);
    return rows.map((r) => r.arn);
  }

  deleteExecution(arn: string): void {
    this.s.deleteExecution.run(arn);
  }

  /** Closed executions whose retention period has passed. */
  expired(now: number): string[] {
    return this.s.expired.all(now).map((r) => r.arn);
  }

  /** ListDurableExecutionsByFunction: matching executions, oldest first (the caller pages). */
  list(filter: ExecutionFilter): ExecutionSummary[] {
    const where = ["function_name = @functionName", "version = @version"];
    const params: Record<string, unknown> = { functionName: filter.functionName, version: filter.version };
    if (filter.name !== undefined) {
      where.push("name = @name");
      params.name = filter.name;
    }
    if (filter.statuses && filter.statuses.length > 0) {
      const keys = filter.statuses.map((s, i) => {
        params[`s${i}`] = s;
        return `@s${i}`;
      });
      where.push(`status IN (${keys.join(", ")})`);
    }
    if (filter.startedAfter !== undefined) {
      where.push("started_at > @after");
      params.after = filter.startedAfter;
    }
    if (filter.startedBefore !== undefined) {
      where.push("started_at < @before");
      params.before = filter.startedBefore;
    }
    const rows = this.db
      .prepare(
        `SELECT arn, name, function_name, version, status, started_at, ended_at FROM durable_executions
         WHERE ${where.join(" AND ")} ORDER BY started_at, rowid`,
      )
      .all(params) as Pick<
      ExecutionRow,
      "arn" | "name" | "function_name" | "version" | "status" | "started_at" | "ended_at"
    >[];
    return rows.map((r) => ({
      arn: r.arn,
      name: r.name,
      functionName: r.function_name,
      version: r.version,
      status: r.status as ExecutionStatus,
      startedAt: r.started_at,
      endedAt: r.ended_at,
    }));
  }
}
