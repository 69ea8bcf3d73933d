/**
 * The asynchronous invocation queue (Invoke with InvocationType Event, InvokeAsync, Lambda
 * destinations). `enqueue` returns once the event's row committed — only then is the 202 sent. A worker
 * runs due events through the runtime, within the environment cap and each function's reserved
 * concurrency, and applies the rules in policy.ts: function errors are retried (attempts counted),
 * throttles and system errors are retried with backoff (not counted), events older than their maximum
 * age end as EventAgeExceeded. An ended event is removed in the same transaction that queues its Lambda
 * destination delivery. Rows stay until then, so on start pending and in-flight events simply run.
 */
import { parseFunctionRef } from "../../lib/lambda-model/arns";
import { assertInvocable, versionToRun } from "../api/invoke";
import type { EmulatorContext } from "../context";
import { LambdaError } from "../errors";
import type { FunctionConfig } from "../store/functions-repo";
import { KIND } from "../store/kinds";
import type { InvocationLog, InvocationRecord } from "../runtime/invocation-log";
import type { InvokeParams, InvokeResult } from "../runtime/manager";
import { deliverOutcome, deliveryLogLines, type Outcome } from "./destinations";
import { maxAgeMs, policyFor, retryDelayMs, throttleDelayMs, type AsyncPolicy } from "./policy";
import { QueueStore, type QueuedEvent, type QueuedSummary } from "./queue-store";
import type { AsyncDetail, Delivery } from "./record-detail";

/** What the queue needs from the runtime. */
export interface AsyncRunner {
  invoke(params: InvokeParams): Promise<InvokeResult>;
  /** The invocation record a finished run would get (the queue adds its async detail and writes it). */
  recordOf(params: InvokeParams, result: InvokeResult): InvocationRecord;
  records: InvocationLog;
}

export type EventParams = Omit<InvokeParams, "invocationType" | "recordSeparately">;

/** setTimeout's ceiling; later wake-ups re-arm. */
const MAX_TIMER_MS = 2_147_483_647;
/** Due rows read beyond the free slots, so events of a function at its limit do not hide the rest. */
const SCAN_EXTRA = 100;

export class AsyncQueue {
  readonly store: QueueStore;
  private readonly inflight = new Set<string>();
  private readonly inflightByFunction = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private pumpScheduled = false;
  private started = false;
  private closed = false;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly runner: AsyncRunner,
  ) {
    this.store = new QueueStore(ctx.db);
    ctx.events.on("function-deleted", (name, version) => {
      // A deleted function's queued events go with it, as in the service.
      if (version === undefined && ctx.db.open) this.store.deleteFunction(name);
    });
  }

  /** Stores an event (committed on return: acknowledge it after this) and wakes the worker. */
  enqueue(params: EventParams): void {
    const ref = parseFunctionRef(params.invokedArn);
    this.store.insert({
      request_id: params.requestId,
      function_name: params.config.FunctionName,
      qualifier: ref?.qualifier ?? null,
      invoked_arn: params.invokedArn,
      payload: params.payload,
      trace_id: params.traceId ?? null,
      tenant_id: params.tenantId ?? null,
      origin: null,
      enqueued_at: Date.now(),
    });
    this.schedule();
  }

  /** Starts working (the emulator listens now, so functions can call back into it). */
  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    this.schedule();
  }

  /** Stops taking events; runs still in flight are not recorded and their rows stay for the next start. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  stats(): { queued: number; inflight: number } {
    return { queued: this.ctx.db.open ? this.store.count() : 0, inflight: this.inflight.size };
  }

  isInFlight(requestId: string): boolean {
    return this.inflight.has(requestId);
  }

  /** Events of a function that have not ended, oldest first (for the extension API). */
  pending(name: string, limit: number): QueuedSummary[] {
    return this.store.ofFunction(name, limit);
  }

  // -------------------------------------------------------------------------------------------------

  private schedule(): void {
    if (this.pumpScheduled || !this.started || this.closed) return;
    this.pumpScheduled = true;
    setImmediate(() => this.pump());
  }

  private pump(): void {
    this.pumpScheduled = false;
    if (this.closed || !this.ctx.db.open) return;
    const now = Date.now();
    const room = Math.max(1, this.ctx.config.maxEnvironments) - this.inflight.size;
    if (room > 0) {
      let launched = 0;
      for (const row of this.store.due(now, room + this.inflight.size + SCAN_EXTRA)) {
        if (launched >= room) break;
        if (this.inflight.has(row.request_id) || this.atReservedLimit(row.function_name)) continue;
        this.launch(row);
        launched++;
      }
    }
    // Due events left waiting for a slot are picked up when a run ends; wake up for the next future one.
    clearTimeout(this.timer);
    const next = this.store.nextDue(now);
    if (next !== undefined) {
      this.timer = setTimeout(() => this.schedule(), Math.min(Math.max(0, next - now), MAX_TIMER_MS));
      this.timer.unref();
    }
  }

  /** Reserved concurrency caps how many of a function's events run at once (0 still tries: throttled). */
  private atReservedLimit(name: string): boolean {
    const reserved = this.ctx.resources.getShared<{ ReservedConcurrentExecutions: number }>(KIND.concurrency, name);
    const limit = reserved?.ReservedConcurrentExecutions;
    return limit !== undefined && limit > 0 && (this.inflightByFunction.get(name) ?? 0) >= limit;
  }

  private launch(row: QueuedEvent): void {
    const name = row.function_name;
    this.inflight.add(row.request_id);
    this.inflightByFunction.set(name, (this.inflightByFunction.get(name) ?? 0) + 1);
    this.attempt(row)
      .catch((e: unknown) => {
        if (this.ctx.db.open) console.error(`[emulator] asynchronous invocation ${row.request_id} failed:`, e);
      })
      .finally(() => {
        this.inflight.delete(row.request_id);
        const n = (this.inflightByFunction.get(name) ?? 1) - 1;
        if (n <= 0) this.inflightByFunction.delete(name);
        else this.inflightByFunction.set(name, n);
        this.schedule();
      });
  }

  private async attempt(row: QueuedEvent): Promise<void> {
    const policy = policyFor(this.ctx, row.function_name, row.qualifier);
    if (Date.now() - row.enqueued_at > maxAgeMs(this.ctx, policy)) {
      this.expire(row, policy);
      return;
    }
    let config: FunctionConfig;
    let codeHash: string | null;
    try {
      const record = versionToRun(this.ctx, {
        name: row.function_name,
        ...(row.qualifier ? { qualifier: row.qualifier } : {}),
      });
      assertInvocable(record);
      config = record.config;
      codeHash = record.codeHash;
    } catch (e) {
      // Gone (a deleted version or alias): nothing can ever run it. Not ready (Pending, Failed): later.
      if (e instanceof LambdaError && e.status === 404) this.discard(row, policy, e);
      else this.throttled(row, policy);
      return;
    }
    const params: InvokeParams = {
      config,
      codeHash,
      invokedArn: row.invoked_arn,
      payload: row.payload,
      requestId: row.request_id,
      invocationType: "Event",
      recordSeparately: true,
      ...(row.trace_id ? { traceId: row.trace_id } : {}),
      ...(row.tenant_id ? { tenantId: row.tenant_id } : {}),
    };
    let result: InvokeResult;
    try {
      result = await this.runner.invoke(params);
    } catch (e) {
      if (this.closed || !this.ctx.db.open) return;
      // 429 (reserved concurrency) and system errors go back to the queue without counting as attempts.
      if (e instanceof LambdaError && (e.status === 429 || e.status >= 500 || e.status === 409)) {
        this.throttled(row, policy);
      } else {
        this.discard(row, policy, e);
      }
      return;
    }
    // After a shutdown began the run may have been cut short by it: leave the event for the next start.
    if (this.closed || !this.ctx.db.open || !this.store.get(row.request_id)) return;
    this.ran(row, policy, params, result, config);
  }

  private ran(
    row: QueuedEvent,
    policy: AsyncPolicy,
    params: InvokeParams,
    result: InvokeResult,
    config: FunctionConfig,
  ) {
    const attempts = row.attempts + 1;
    const base = this.runner.recordOf(params, result);
    const previousLog = row.attempts > 0 ? (this.runner.records.get(row.request_id)?.log ?? "") : "";
    const detail = this.detail(row, policy, { attempts });
    const failed = result.status !== "success";
    if (failed && attempts <= policy.maximumRetryAttempts) {
      const next = Math.min(
        Date.now() + retryDelayMs(this.ctx, attempts),
        row.enqueued_at + maxAgeMs(this.ctx, policy) + 1,
      );
      this.store.attempted(row.request_id, attempts, next, {
        version: result.executedVersion,
        functionError: result.functionError ?? null,
        response: result.payload,
      });
      this.runner.records.add({
        ...base,
        log: previousLog + base.log,
        asyncDetail: { ...detail, state: "Retrying", nextAttemptAt: next },
      });
      return;
    }
    const outcome: Outcome = {
      condition: failed ? "RetriesExhausted" : "Success",
      attempts,
      executedVersion: result.executedVersion,
      statusCode: 200,
      ...(result.functionError ? { functionError: result.functionError } : {}),
      response: result.payload,
    };
    const deliveries = this.end(row, policy, outcome, config);
    this.runner.records.add({
      ...base,
      log: previousLog + base.log + deliveryLogLines(deliveries),
      asyncDetail: { ...detail, state: "Done", condition: outcome.condition, ...withDeliveries(deliveries) },
    });
  }

  /** Throttled or a system error: back to the queue with backoff, capped at the event's expiry. */
  private throttled(row: QueuedEvent, policy: AsyncPolicy): void {
    const throttles = row.throttles + 1;
    const next = Math.min(
      Date.now() + throttleDelayMs(this.ctx, throttles),
      row.enqueued_at + maxAgeMs(this.ctx, policy) + 1,
    );
    this.store.throttled(row.request_id, throttles, next);
  }

  /** Too old to run: EventAgeExceeded, with the last run's answer if it ran at all. */
  private expire(row: QueuedEvent, policy: AsyncPolicy): void {
    const config = this.configOf(row);
    const ran = row.attempts > 0;
    const outcome: Outcome = {
      condition: "EventAgeExceeded",
      attempts: row.attempts,
      executedVersion: row.last_version ?? config?.Version ?? "$LATEST",
      statusCode: ran ? 200 : 429,
      ...(row.last_function_error ? { functionError: row.last_function_error } : {}),
      ...(ran && row.last_response ? { response: row.last_response } : {}),
    };
    const deliveries = this.end(row, policy, outcome, config);
    const detail: AsyncDetail = {
      ...this.detail(row, policy, {}),
      state: "Done",
      condition: "EventAgeExceeded",
      ...withDeliveries(deliveries),
    };
    const message = `The event was not processed within MaximumEventAgeInSeconds (${policy.maximumEventAgeInSeconds} s${
      this.ctx.config.asyncDelayDivisor > 1 ? `, divided by asyncDelayDivisor ${this.ctx.config.asyncDelayDivisor}` : ""
    }) after ${row.attempts} attempt(s) and ${row.throttles} throttle(s); it was discarded.`;
    this.closeRecord(row, config, detail, "EventAgeExceeded", message, deliveryLogLines(deliveries));
  }

  /** The event cannot run (its version or alias is gone): it ends without a destination. */
  private discard(row: QueuedEvent, policy: AsyncPolicy, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const errorType = error instanceof LambdaError ? error.name : "ServiceException";
    this.store.delete(row.request_id);
    const detail: AsyncDetail = { ...this.detail(row, policy, {}), state: "Done", discarded: message };
    this.closeRecord(row, this.configOf(row), detail, errorType, message, "");
  }

  /** Removes the event and delivers its outcome, in one transaction. */
  private end(row: QueuedEvent, policy: AsyncPolicy, outcome: Outcome, config: FunctionConfig | undefined): Delivery[] {
    const deadLetter = config?.DeadLetterConfig?.TargetArn || undefined;
    const deliveries = this.store.transaction(() => {
      const out = deliverOutcome(this.ctx, row, policy, outcome, deadLetter, (e) => this.store.insert(e));
      this.store.delete(row.request_id);
      return out;
    });
    for (const d of deliveries) {
      if (!d.delivered) {
        console.error(
          `[emulator] ${d.type} of asynchronous invocation ${row.request_id}: ${d.target} — ${d.reason ?? ""}`,
        );
      }
    }
    if (deliveries.some((d) => d.delivered)) this.schedule();
    return deliveries;
  }

  /** The final state of an event that did not end with a run: updates its record, or writes one. */
  private closeRecord(
    row: QueuedEvent,
    config: FunctionConfig | undefined,
    detail: AsyncDetail,
    errorType: string,
    errorMessage: string,
    logLines: string,
  ): void {
    const records = this.runner.records;
    const line = `ASYNC_END RequestId: ${row.request_id} ${errorType}: ${errorMessage}\n${logLines}`;
    if (row.attempts > 0 && records.updateAsync(row.request_id, detail, line)) return;
    const now = Date.now();
    records.add({
      requestId: row.request_id,
      functionName: row.function_name,
      version: row.last_version ?? config?.Version ?? "$LATEST",
      invocationType: "Event",
      startTime: now,
      endTime: now,
      durationMs: 0,
      billedDurationMs: 0,
      memorySizeMB: config?.MemorySize ?? 128,
      maxMemoryUsedMB: 0,
      status: "error",
      errorType,
      errorMessage,
      requestPayload: row.payload,
      responsePayload: Buffer.alloc(0),
      responseBytes: 0,
      log: line,
      asyncDetail: detail,
    });
  }

  private detail(row: QueuedEvent, policy: AsyncPolicy, over: { attempts?: number }): AsyncDetail {
    return {
      state: "Done",
      enqueuedAt: row.enqueued_at,
      attempts: over.attempts ?? row.attempts,
      throttles: row.throttles,
      maximumRetryAttempts: policy.maximumRetryAttempts,
      maximumEventAgeInSeconds: policy.maximumEventAgeInSeconds,
      ...(row.origin ? { origin: row.origin } : {}),
    };
  }

  private configOf(row: QueuedEvent): FunctionConfig | undefined {
    try {
      return versionToRun(this.ctx, { name: row.function_name, ...(row.qualifier ? { qualifier: row.qualifier } : {}) })
        .config;
    } catch {
      return undefined;
    }
  }
}

const withDeliveries = (deliveries: Delivery[]) => (deliveries.length > 0 ? { deliveries } : {});
