/**
 * The durable-execution orchestrator (`ctx.durable`). It owns every execution's lifecycle: starting one
 * for an Invoke, running at most one invocation of it at a time with a fresh checkpoint token, answering
 * the SDK's checkpoints and state reads, applying timers, callbacks and chained invokes, and closing the
 * execution (SUCCEEDED, FAILED, TIMED_OUT, STOPPED). Everything it decides is committed to SQLite before
 * anyone hears of it, so a restart re-arms timers and re-invokes executions whose invocation was cut short.
 * See README.md beside this file for the state machine.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { assertInvocable, versionToRun } from "../api/invoke";
import { paginate } from "../api/paging";
import type { EmulatorContext } from "../context";
import { invalidParameter, LambdaError, resourceNotFound } from "../errors";
import { arnOf } from "../functions/resolve";
import type { InvokeResult } from "../runtime/manager";
import type { VersionRecord } from "../store/functions-repo";
import { applyUpdates } from "./apply-updates";
import { ChainedInvokes } from "./chained";
import { closeExecution, invocationCompleted } from "./close";
import { invocationEvent } from "./invocation-event";
import { invocationFailure, parseOutput } from "./invocation-output";
import { ExecutionSession } from "./session";
import { DurableStore } from "./store";
import { applyDue, hasPendingWork, hasReadyWork } from "./timers";
import type { ErrorObject, ExecutionRecord, OperationState } from "./types";
import { validateUpdates, type Update } from "./validate-updates";
import { DURABLE_PAGE, epochSeconds, eventError, eventPayload, operationOut } from "./wire";

/** DurableConfig defaults when a function leaves them out. */
export const DEFAULT_EXECUTION_TIMEOUT_S = 86_400;
export const DEFAULT_RETENTION_DAYS = 30;
/** Failed invocations (error, crash, timeout) are retried after 1 s, 2 s, 4 s … at most this long. */
const MAX_RETRY_DELAY_MS = 60_000;
/** ClientToken replays are honoured within 15 minutes (CheckpointDurableExecution reference). */
const CLIENT_TOKEN_WINDOW_MS = 15 * 60_000;
const PURGE_EVERY_MS = 60_000;
const MAX_TIMER_MS = 2_147_483_647;

export interface StartRequest {
  record: Readonly<VersionRecord>;
  invokedArn: string;
  payload: Buffer;
  name?: string;
  invocationType: "RequestResponse" | "Event";
  traceId?: string;
  tenantId?: string;
  parent?: { arn: string; opId: string };
}

export interface CheckpointInput {
  token: string;
  clientToken?: string;
  updates: readonly Update[];
}

/** The closed-execution messages of the callback APIs (CallbackTimeoutException in the reference). */
const callbackClosed = () =>
  new LambdaError(
    "CallbackTimeoutException",
    400,
    "The callback ID token has either expired or the callback associated with the token has already been closed.",
  );

const invalidToken = (why: string) => invalidParameter(`Invalid Checkpoint Token: ${why}`);

/** A new opaque token: standard base64, as the reference's pattern wants. */
const newToken = () => randomBytes(36).toString("base64");

export class DurableOrchestrator {
  readonly store: DurableStore;
  /** Executions with an invocation running in this process. */
  private readonly inflight = new Set<string>();
  /** Synchronous Invokes waiting for an execution to close. */
  private readonly waiters = new Map<string, Set<() => void>>();
  private timer: NodeJS.Timeout | undefined;
  private pumpScheduled = false;
  private started = false;
  private isClosed = false;
  private readonly chained: ChainedInvokes;
  private lastPurge = 0;

  constructor(private readonly ctx: EmulatorContext) {
    this.store = new DurableStore(ctx.db);
    this.chained = new ChainedInvokes(ctx, this.store, this);
    ctx.events.on("function-deleted", (name, version) => {
      if (!ctx.db.open) return;
      // Executions belong to their function version: they go with it (timers and callbacks included).
      const arns = this.store.transaction(() => {
        const found = this.store.ofFunction(name, version);
        for (const arn of found) this.store.deleteExecution(arn);
        return found;
      });
      for (const arn of arns) this.notify(arn);
    });
  }

  /** Closed for the emulator's shutdown: no more work starts. */
  get closed(): boolean {
    return this.isClosed;
  }

  // Lifecycle -----------------------------------------------------------------------------------------

  /** Starts working once the emulator listens: invocations cut short by a stop run again, timers re-arm. */
  start(): void {
    if (this.started || this.isClosed) return;
    this.started = true;
    const now = Date.now();
    const plain: { arn: string; opId: string }[] = [];
    this.store.transaction(() => {
      for (const arn of this.store.running()) {
        const session = ExecutionSession.load(this.store, arn);
        if (!session) continue;
        const exec = session.exec;
        if (exec.invocationId) {
          invocationCompleted(session, now, {
            ErrorType: "Runtime.Unavailable",
            ErrorMessage: "The emulator stopped while the invocation ran; it is invoked again.",
          });
          exec.runRequested = true;
        }
        for (const o of session.ops.values()) {
          if (
            o.op.Type === "CHAINED_INVOKE" &&
            o.op.Status === "STARTED" &&
            o.meta.chained &&
            !o.meta.chained.childArn
          ) {
            plain.push({ arn, opId: o.op.Id });
          }
        }
        session.save();
      }
    });
    for (const p of plain) this.background(p.arn, this.chained.runPlain(p.arn, p.opId));
    this.schedule();
  }

  /** Stops taking work. Invocations still running are left to the runtime's shutdown; their rows stay. */
  close(): void {
    this.isClosed = true;
    clearTimeout(this.timer);
    for (const arn of [...this.waiters.keys()]) this.notify(arn);
  }

  // Starting executions -------------------------------------------------------------------------------

  /**
   * Creates an execution (committed on return) for an Invoke of a durable function, or finds the running
   * one of the same name and payload (AWS's idempotent start). Throws DurableExecutionAlreadyStartedException
   * for a name that is taken otherwise.
   */
  startExecution(req: StartRequest): { execution: ExecutionRecord; existing: boolean } {
    const config = req.record.config;
    const fn = config.FunctionName;
    const version = config.Version;
    const input = req.payload.toString("utf8");
    const result = this.store.transaction(() => {
      if (req.name !== undefined) {
        const existing = this.store.byName(fn, req.name);
        if (existing) {
          if (existing.status === "RUNNING" && existing.inputPayload === input && existing.version === version) {
            return { execution: existing, existing: true };
          }
          throw new LambdaError(
            "DurableExecutionAlreadyStartedException",
            409,
            existing.status === "RUNNING"
              ? `A durable execution named ${req.name} is already running for function ${fn} with a different payload: ${existing.arn}`
              : `A durable execution named ${req.name} already ran for function ${fn} (${existing.status}): ${existing.arn}`,
          );
        }
      }
      const now = Date.now();
      const executionId = randomUUID();
      const name = req.name ?? randomUUID();
      const timeoutS = config.DurableConfig?.ExecutionTimeout ?? DEFAULT_EXECUTION_TIMEOUT_S;
      const execution: ExecutionRecord = {
        arn: `${arnOf(this.ctx, fn, version)}/durable-execution/${name}/${executionId}`,
        functionName: fn,
        version,
        name,
        executionId,
        status: "RUNNING",
        inputPayload: input,
        result: null,
        error: null,
        invocationType: req.invocationType,
        invokedArn: req.invokedArn,
        traceId: req.traceId ?? null,
        tenantId: req.tenantId ?? null,
        startedAt: now,
        endedAt: null,
        timeoutAt: now + timeoutS * 1000,
        executionTimeout: timeoutS,
        retentionDays: config.DurableConfig?.RetentionPeriodInDays ?? DEFAULT_RETENTION_DAYS,
        parentArn: req.parent?.arn ?? null,
        parentOp: req.parent?.opId ?? null,
        token: null,
        firstToken: null,
        invocationId: null,
        invocationStartedAt: null,
        failedInvocations: 0,
        runRequested: true,
        retryAt: null,
        nextSeq: 0,
        nextEventId: 1,
      };
      this.store.insertExecution(execution);
      const session = new ExecutionSession(this.store, execution);
      // The EXECUTION operation comes first: the SDK reads the input from the first operation it gets.
      const op = session.add({
        Id: executionId,
        Name: name,
        Type: "EXECUTION",
        Status: "STARTED",
        StartTimestamp: now,
        ExecutionDetails: { InputPayload: input },
      });
      session.event("ExecutionStarted", now, op.op, { Input: eventPayload(input), ExecutionTimeout: timeoutS });
      session.save();
      return { execution, existing: false };
    });
    this.schedule();
    return result;
  }

  /**
   * Resolves when the execution has closed (its record), when `timeoutMs` passed (the running record),
   * or when the caller went away or the execution vanished (undefined).
   */
  waitForEnd(arn: string, timeoutMs: number, signal?: AbortSignal): Promise<ExecutionRecord | undefined> {
    return new Promise((resolve) => {
      let set = this.waiters.get(arn);
      if (!set) {
        set = new Set();
        this.waiters.set(arn, set);
      }
      const waiters = set;
      const finish = (value: ExecutionRecord | undefined) => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        waiters.delete(check);
        if (waiters.size === 0 && this.waiters.get(arn) === waiters) this.waiters.delete(arn);
        resolve(value);
      };
      const check = () => {
        const e = this.ctx.db.open ? this.store.getExecution(arn) : undefined;
        if (!e || e.status !== "RUNNING" || this.isClosed) finish(e);
      };
      const onAbort = () => finish(undefined);
      const timer = setTimeout(() => finish(this.ctx.db.open ? this.store.getExecution(arn) : undefined), timeoutMs);
      waiters.add(check);
      signal?.addEventListener("abort", onAbort, { once: true });
      check();
    });
  }

  // The SDK's calls -------------------------------------------------------------------------------------

  checkpoint(arn: string, input: CheckpointInput): { CheckpointToken: string; NewExecutionState: object } {
    const plain: string[] = [];
    const response = this.store.transaction(() => {
      const exec = this.store.getExecution(arn);
      if (!exec) throw invalidToken(`no durable execution ${arn} holds this token.`);
      if (input.clientToken) {
        const replay = this.store.checkpointReplay(arn, input.clientToken);
        if (replay && replay.requestToken === input.token) {
          return JSON.parse(replay.response) as { CheckpointToken: string; NewExecutionState: object };
        }
      }
      if (exec.status !== "RUNNING") {
        throw invalidToken(`the durable execution has ended (${exec.status}); it takes no more checkpoints.`);
      }
      if (exec.token === null || exec.token !== input.token) {
        throw invalidToken("the token is not the current checkpoint token of this durable execution.");
      }
      const session = new ExecutionSession(this.store, exec);
      const now = Date.now();
      applyDue(session, now);
      validateUpdates(input.updates, session.ops);
      applyUpdates(session, input.updates, now, this.chained.hooks(plain));
      const token = newToken();
      exec.token = token;
      const operations = session.dirtyOps().map((o) => {
        o.dirty = false;
        o.changed = true;
        return operationOut(o.op, epochSeconds);
      });
      const answer = { CheckpointToken: token, NewExecutionState: { Operations: operations } };
      if (input.clientToken) {
        this.store.rememberCheckpoint(arn, input.clientToken, input.token, JSON.stringify(answer), now);
      }
      session.save();
      return answer;
    });
    for (const opId of plain) this.background(arn, this.chained.runPlain(arn, opId));
    this.schedule();
    return response;
  }

  /** GetDurableExecutionState: the operations in start order, paged; the invocation's tokens only. */
  state(
    arn: string,
    token: string,
    page: { Marker?: string | null; MaxItems?: number | null },
  ): { Operations: object[]; NextMarker?: string } {
    const exec = this.store.getExecution(arn);
    if (!exec) throw invalidToken(`no durable execution ${arn} holds this token.`);
    if (exec.status !== "RUNNING" || (token !== exec.token && token !== exec.firstToken)) {
      throw invalidToken("the token does not belong to the running invocation of this durable execution.");
    }
    const ops = this.store.operations(arn);
    const out = paginate(
      ops,
      (o) => o.seq,
      { Marker: page.Marker, MaxItems: page.MaxItems || undefined },
      DURABLE_PAGE,
    );
    return {
      Operations: out.items.map((o) => operationOut(o.op, epochSeconds)),
      ...(out.nextMarker ? { NextMarker: out.nextMarker } : {}),
    };
  }

  // Callbacks ---------------------------------------------------------------------------------------------

  callbackSucceeded(callbackId: string, result: Buffer): void {
    this.completeCallback(callbackId, (session, o, now) => {
      const text = result.toString("utf8");
      o.op.Status = "SUCCEEDED";
      o.op.EndTimestamp = now;
      o.op.CallbackDetails = { ...o.op.CallbackDetails, Result: text };
      session.event("CallbackSucceeded", now, o.op, { Result: eventPayload(text) });
    });
  }

  callbackFailed(callbackId: string, error: ErrorObject): void {
    this.completeCallback(callbackId, (session, o, now) => {
      o.op.Status = "FAILED";
      o.op.EndTimestamp = now;
      o.op.CallbackDetails = { ...o.op.CallbackDetails, Error: error };
      session.event("CallbackFailed", now, o.op, { Error: eventError(error) });
    });
  }

  /** A heartbeat moves the callback's heartbeat deadline; it tells the function nothing. */
  callbackHeartbeat(callbackId: string): void {
    this.store.transaction(() => {
      const { session, o } = this.openCallback(callbackId);
      if (o.meta.heartbeatSeconds !== undefined) {
        o.meta.heartbeatAt = Date.now() + o.meta.heartbeatSeconds * 1000;
        const times = [o.meta.callbackTimeoutAt, o.meta.heartbeatAt].filter((t): t is number => t !== undefined);
        o.dueAt = Math.min(...times);
        o.changed = true;
      }
      session.save();
    });
    this.schedule();
  }

  private openCallback(callbackId: string): { session: ExecutionSession; o: OperationState } {
    const owner = this.store.callbackOwner(callbackId);
    if (!owner) throw resourceNotFound(`The callback ${callbackId} does not exist.`);
    const session = ExecutionSession.load(this.store, owner.arn);
    const o = session?.ops.get(owner.opId);
    if (!session || !o) throw resourceNotFound(`The callback ${callbackId} does not exist.`);
    if (session.exec.status !== "RUNNING" || o.op.Status !== "STARTED") throw callbackClosed();
    return { session, o };
  }

  private completeCallback(
    callbackId: string,
    complete: (session: ExecutionSession, o: OperationState, now: number) => void,
  ): void {
    this.store.transaction(() => {
      const { session, o } = this.openCallback(callbackId);
      complete(session, o, Date.now());
      o.dueAt = null;
      session.touch(o);
      session.requestRun();
      session.save();
    });
    this.schedule();
  }

  // Stopping ------------------------------------------------------------------------------------------

  /** StopDurableExecution: STOPPED now; timers, callbacks and child executions end with it. */
  stop(arn: string, error: ErrorObject | undefined): number {
    const now = Date.now();
    this.store.transaction(() => {
      const session = ExecutionSession.load(this.store, arn);
      if (!session) throw resourceNotFound(`The durable execution ${arn} does not exist.`);
      if (session.exec.status !== "RUNNING") {
        throw invalidParameter(`The durable execution ${arn} is not running (${session.exec.status}).`);
      }
      closeExecution(session, "STOPPED", now, {
        error: error ?? { ErrorMessage: "The durable execution was stopped." },
      });
      session.save();
    });
    this.afterEnd(arn);
    return now;
  }

  // The pump: timers, retries, invocations ------------------------------------------------------------

  /** Runs the pump soon: due timers, wanted invocations. */
  schedule(): void {
    if (this.pumpScheduled || !this.started || this.isClosed) return;
    this.pumpScheduled = true;
    setImmediate(() => this.pump());
  }

  private pump(): void {
    this.pumpScheduled = false;
    if (this.isClosed || !this.ctx.db.open) return;
    // A failing execution must neither stop the others nor spin: after a failure, look again in a second.
    let failed = false;
    try {
      const now = Date.now();
      if (now - this.lastPurge >= PURGE_EVERY_MS) this.purge(now);
      for (const arn of this.store.due(now)) {
        try {
          this.tick(arn, now);
        } catch (e) {
          failed = true;
          console.error(`[emulator] durable execution ${arn}:`, e);
        }
      }
    } catch (e) {
      failed = true;
      console.error("[emulator] durable executions:", e);
    }
    clearTimeout(this.timer);
    const next = this.ctx.db.open ? this.store.nextDue() : undefined;
    if (next === undefined && !failed) return;
    const delay = Math.max(next === undefined ? 0 : next - Date.now(), failed ? 1_000 : 0);
    this.timer = setTimeout(() => this.schedule(), Math.min(delay, MAX_TIMER_MS));
    this.timer.unref();
  }

  /** Applies what is due for one execution, then starts its next invocation if one is wanted and allowed. */
  private tick(arn: string, now: number): void {
    const launch = this.store.transaction(() => {
      const session = ExecutionSession.load(this.store, arn);
      if (!session || session.exec.status !== "RUNNING") return false;
      const exec = session.exec;
      if (now >= exec.timeoutAt) {
        closeExecution(session, "TIMED_OUT", now, {
          error: {
            ErrorType: "States.Timeout",
            ErrorMessage: `The durable execution exceeded its ExecutionTimeout of ${exec.executionTimeout} seconds.`,
          },
        });
        session.save();
        return "ended" as const;
      }
      if (applyDue(session, now)) session.requestRun();
      session.save();
      return exec.runRequested && exec.invocationId === null && (exec.retryAt === null || exec.retryAt <= now);
    });
    if (launch === "ended") this.afterEnd(arn);
    else if (launch) this.background(arn, this.launch(arn));
  }

  private async launch(arn: string): Promise<void> {
    if (this.inflight.has(arn) || this.isClosed) return;
    const prepared = this.store.transaction(() => {
      const session = ExecutionSession.load(this.store, arn);
      if (!session || session.exec.status !== "RUNNING" || session.exec.invocationId !== null) return undefined;
      const exec = session.exec;
      let record: Readonly<VersionRecord>;
      try {
        record = versionToRun(this.ctx, { name: exec.functionName, qualifier: exec.version });
        assertInvocable(record);
      } catch {
        // Not runnable right now (being updated); a deleted function takes its executions with it.
        exec.retryAt = Date.now() + 1000;
        session.save();
        return undefined;
      }
      const token = newToken();
      const requestId = randomUUID();
      exec.token = token;
      exec.firstToken = token;
      exec.invocationId = requestId;
      exec.invocationStartedAt = Date.now();
      exec.runRequested = false;
      exec.retryAt = null;
      const payload = invocationEvent(session, token);
      session.save();
      return { record, requestId, payload, exec };
    });
    if (!prepared) return;
    this.inflight.add(arn);
    const { record, requestId, payload, exec } = prepared;
    let outcome: InvokeResult | LambdaError;
    try {
      outcome = await this.ctx.runtime.invoke({
        config: record.config,
        codeHash: record.codeHash,
        invokedArn: exec.invokedArn,
        payload,
        requestId,
        invocationType: exec.invocationType,
        ...(exec.traceId ? { traceId: exec.traceId } : {}),
        ...(exec.tenantId ? { tenantId: exec.tenantId } : {}),
      });
    } catch (e) {
      outcome =
        e instanceof LambdaError
          ? e
          : new LambdaError("ServiceException", 500, e instanceof Error ? e.message : String(e));
    } finally {
      this.inflight.delete(arn);
    }
    if (this.isClosed || !this.ctx.db.open) return;
    try {
      this.invocationEnded(arn, requestId, outcome);
    } catch (e) {
      console.error(`[emulator] durable execution ${arn}:`, e);
    }
    this.schedule();
  }

  /** An invocation's answer decides what happens next (shared/notes/durable-contract.md §6b.5). */
  private invocationEnded(arn: string, requestId: string, outcome: InvokeResult | LambdaError): void {
    const ended = this.store.transaction(() => {
      const session = ExecutionSession.load(this.store, arn);
      if (!session || session.exec.invocationId !== requestId) return false;
      const exec = session.exec;
      const now = Date.now();
      const failure = invocationFailure(outcome);
      invocationCompleted(session, now, failure);
      if (exec.status !== "RUNNING") {
        session.save();
        return false;
      }
      if (failure || outcome instanceof LambdaError) {
        // Thrown, crashed, timed out, or could not run: retried with backoff until the execution times out.
        exec.failedInvocations += 1;
        exec.runRequested = true;
        exec.retryAt = now + Math.min(1000 * 2 ** (exec.failedInvocations - 1), MAX_RETRY_DELAY_MS);
        session.save();
        return false;
      }
      exec.failedInvocations = 0;
      const output = parseOutput(outcome.payload);
      const executionOp = session.executionOp();
      if (output?.Status === "SUCCEEDED") {
        // A result too large for the answer arrives as "" after an EXECUTION checkpoint carried it.
        const checkpointed = executionOp?.meta.checkpointedResult;
        const result =
          (output.Result === undefined || output.Result === "") && checkpointed !== undefined
            ? checkpointed
            : output.Result;
        closeExecution(session, "SUCCEEDED", now, result !== undefined ? { result } : {});
      } else if (output?.Status === "FAILED") {
        closeExecution(session, "FAILED", now, { error: output.Error ?? executionOp?.meta.checkpointedError ?? {} });
      } else if (output?.Status === "PENDING") {
        if (session.dirtyOps().length > 0 || hasReadyWork(session)) exec.runRequested = true;
        else if (!hasPendingWork(session)) {
          closeExecution(session, "FAILED", now, {
            error: {
              ErrorType: "InvalidParameterValueException",
              ErrorMessage: "Cannot return PENDING status with no pending operations.",
            },
          });
        }
      } else {
        closeExecution(session, "FAILED", now, {
          error: {
            ErrorType: "InvalidParameterValueException",
            ErrorMessage:
              "The function's answer is not a durable execution output ({Status: SUCCEEDED | FAILED | PENDING}). Is its handler wrapped with withDurableExecution?",
          },
        });
      }
      session.save();
      return exec.status !== "RUNNING";
    });
    if (ended) this.afterEnd(arn);
  }

  /** After an execution closed (committed): wake synchronous callers, tell a parent, stop children. */
  private afterEnd(arn: string): void {
    this.notify(arn);
    const exec = this.store.getExecution(arn);
    if (!exec) return;
    if (exec.parentArn && exec.parentOp) this.chained.childEnded(exec.parentArn, exec.parentOp, exec);
    for (const child of this.store.runningChildren(arn)) {
      try {
        this.stop(child, {
          ErrorType: "ParentExecutionEnded",
          ErrorMessage: `The parent durable execution ${arn} ended.`,
        });
      } catch {
        // ended meanwhile
      }
    }
    this.schedule();
  }

  /** Work that runs on its own: a failure is logged, never an unhandled rejection (the emulator stays up). */
  private background(arn: string, work: Promise<void>): void {
    work.catch((e: unknown) => {
      if (this.ctx.db.open) console.error(`[emulator] durable execution ${arn}:`, e);
    });
  }

  private notify(arn: string): void {
    for (const check of [...(this.waiters.get(arn) ?? [])]) check();
  }

  // Housekeeping ----------------------------------------------------------------------------------------

  /**
   * Closed executions past their retention go (lazily: the pump checks once a minute); so do ClientToken
   * answers older than their window. Public for tests, which pass a `now` in the future.
   */
  purge(now: number): void {
    this.lastPurge = now;
    this.store.transaction(() => {
      for (const arn of this.store.expired(now)) this.store.deleteExecution(arn);
      this.store.pruneCheckpoints(now - CLIENT_TOKEN_WINDOW_MS);
    });
  }
}
