/**
 * Invocation records (table `invocations`, migration 0003). Writes are queued and inserted in batches,
 * one transaction per batch, off the invocation's path: a batch closes FLUSH_MS after its first record
 * (or at MAX_BATCH records) — one commit per several invocations instead of one per event-loop turn.
 * Reads flush first, so they always see every finished invocation. Each function keeps its newest
 * RECORDS_PER_FUNCTION rows. Read by the extension API (invocations-api.ts).
 */
import type { AsyncDetail } from "../async/record-detail";
import type { Db } from "../store/db";

export const RECORDS_PER_FUNCTION = 1000;
/** Payloads and logs above these sizes are stored cut (the byte counts keep the real sizes). */
export const MAX_STORED_PAYLOAD = 64 * 1024;
export const MAX_STORED_LOG = 256 * 1024;
const PRUNE_EVERY = 50;
const FLUSH_MS = 50;
const MAX_BATCH = 500;

export type InvocationStatus = "success" | "error" | "timeout";

export interface InvocationRecord {
  requestId: string;
  functionName: string;
  version: string;
  invocationType: string;
  startTime: number;
  endTime: number;
  durationMs: number;
  billedDurationMs: number;
  memorySizeMB: number;
  maxMemoryUsedMB: number;
  initDurationMs?: number;
  status: InvocationStatus;
  errorType?: string;
  errorMessage?: string;
  requestPayload: Buffer;
  /** Undefined for a streamed response (its bytes went to the caller, not through us). */
  responsePayload?: Buffer;
  responseBytes: number;
  log: string;
  /** Asynchronous invocations: attempts, state, deliveries (stored as JSON). */
  asyncDetail?: AsyncDetail;
  /** CloudWatch Logs placement (emulator/logs/): the function's log group when it ran… */
  logGroup?: string;
  /** …and its execution environment's stream; absent when it never ran in one. */
  logStream?: string;
}

export interface StoredInvocation {
  seq: number;
  request_id: string;
  function_name: string;
  version: string;
  invocation_type: string;
  start_time: number;
  end_time: number;
  duration_ms: number;
  billed_duration_ms: number;
  memory_size_mb: number;
  max_memory_used_mb: number;
  init_duration_ms: number | null;
  status: InvocationStatus;
  error_type: string | null;
  error_message: string | null;
  request_payload: Buffer | null;
  request_bytes: number;
  response_payload: Buffer | null;
  response_bytes: number;
  response_streamed: number;
  log: string;
  log_bytes: number;
  async_detail: string | null;
  log_group: string | null;
  log_stream: string | null;
}

export type StoredSummary = Omit<
  StoredInvocation,
  "request_payload" | "response_payload" | "log" | "log_group" | "log_stream"
>;

const SUMMARY_COLUMNS =
  "seq, request_id, function_name, version, invocation_type, start_time, end_time, duration_ms, billed_duration_ms, memory_size_mb, max_memory_used_mb, init_duration_ms, status, error_type, error_message, request_bytes, response_bytes, response_streamed, log_bytes, async_detail";

const cap = (buf: Buffer, max: number) => (buf.length > max ? buf.subarray(0, max) : buf);

export class InvocationLog {
  private queue: InvocationRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly sinceprune = new Map<string, number>();
  private readonly s;

  constructor(
    private readonly db: Db,
    private readonly limits = { perFunction: RECORDS_PER_FUNCTION, pruneEvery: PRUNE_EVERY },
  ) {
    this.s = {
      // Positional parameters: binding a named-parameter object costs noticeably more per row.
      insert: db.prepare(
        `INSERT OR REPLACE INTO invocations (request_id, function_name, version, invocation_type, start_time, end_time,
           duration_ms, billed_duration_ms, memory_size_mb, max_memory_used_mb, init_duration_ms, status, error_type,
           error_message, request_payload, request_bytes, response_payload, response_bytes, response_streamed, log, log_bytes,
           async_detail, log_group, log_stream)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      // Lambda creates a function's log group at its first logged invocation; it outlives the function.
      createGroup: db.prepare("INSERT OR IGNORE INTO log_groups (name, created_at) VALUES (?, ?)"),
      prune: db.prepare(
        `DELETE FROM invocations WHERE function_name = @name AND seq < (
           SELECT seq FROM invocations WHERE function_name = @name ORDER BY seq DESC LIMIT 1 OFFSET @keep)`,
      ),
      deleteFunction: db.prepare("DELETE FROM invocations WHERE function_name = ?"),
      updateAsync: db.prepare(
        "UPDATE invocations SET async_detail = ?, log = log || ?, log_bytes = log_bytes + ? WHERE request_id = ?",
      ),
      get: db.prepare<[string], StoredInvocation>("SELECT * FROM invocations WHERE request_id = ?"),
    };
  }

  /** Queues a record; it is written with its batch shortly. */
  add(record: InvocationRecord): void {
    this.queue.push(record);
    if (this.queue.length >= MAX_BATCH) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_MS).unref();
  }

  /** Writes what is queued now (also called before reads, so a reader sees every finished invocation). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0 || !this.db.open) return;
    const batch = this.queue;
    this.queue = [];
    const touched = new Set<string>();
    this.db.transaction(() => {
      for (const r of batch) {
        const logBytes = Buffer.byteLength(r.log);
        const storedLog =
          logBytes > MAX_STORED_LOG
            ? Buffer.from(r.log, "utf8")
                .subarray(logBytes - MAX_STORED_LOG)
                .toString("utf8")
            : r.log;
        this.s.insert.run(
          r.requestId,
          r.functionName,
          r.version,
          r.invocationType,
          r.startTime,
          r.endTime,
          r.durationMs,
          r.billedDurationMs,
          r.memorySizeMB,
          r.maxMemoryUsedMB,
          r.initDurationMs ?? null,
          r.status,
          r.errorType ?? null,
          r.errorMessage ?? null,
          cap(r.requestPayload, MAX_STORED_PAYLOAD),
          r.requestPayload.length,
          r.responsePayload ? cap(r.responsePayload, MAX_STORED_PAYLOAD) : null,
          r.responseBytes,
          r.responsePayload ? 0 : 1,
          storedLog,
          logBytes,
          r.asyncDetail ? JSON.stringify(r.asyncDetail) : null,
          r.logGroup ?? null,
          r.logStream ?? null,
        );
        if (r.logGroup && r.logStream) {
          this.s.createGroup.run(r.logGroup, Math.floor(r.startTime - (r.initDurationMs ?? 0)));
        }
        const n = (this.sinceprune.get(r.functionName) ?? 0) + 1;
        this.sinceprune.set(r.functionName, n);
        if (n >= this.limits.pruneEvery) touched.add(r.functionName);
      }
      for (const name of touched) {
        this.s.prune.run({ name, keep: this.limits.perFunction - 1 });
        this.sinceprune.set(name, 0);
      }
    })();
  }

  /**
   * Sets a stored record's async detail and appends lines to its log (an asynchronous invocation that
   * ended after its last run: too old to retry, or undeliverable). False when there is no such record.
   */
  updateAsync(requestId: string, detail: AsyncDetail, appendLog: string): boolean {
    this.flush();
    if (!this.db.open) return false;
    return (
      this.s.updateAsync.run(JSON.stringify(detail), appendLog, Buffer.byteLength(appendLog), requestId).changes > 0
    );
  }

  get(requestId: string): StoredInvocation | undefined {
    this.flush();
    return this.s.get.get(requestId);
  }

  /** Newest first; `before` is the seq of the last row of the previous page. */
  list(functionName: string, options: { before?: number; limit: number; status?: InvocationStatus }): StoredSummary[] {
    this.flush();
    const where = ["function_name = @functionName"];
    const params: Record<string, string | number> = { functionName, limit: options.limit };
    if (options.before !== undefined) {
      where.push("seq < @before");
      params.before = options.before;
    }
    if (options.status) {
      where.push("status = @status");
      params.status = options.status;
    }
    return this.db
      .prepare<Record<string, string | number>, StoredSummary>(
        `SELECT ${SUMMARY_COLUMNS} FROM invocations WHERE ${where.join(" AND ")} ORDER BY seq DESC LIMIT @limit`,
      )
      .all(params);
  }

  deleteFunction(name: string): void {
    this.flush();
    if (this.db.open) this.s.deleteFunction.run(name);
    this.sinceprune.delete(name);
  }
}
