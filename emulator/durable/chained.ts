/**
 * Chained invokes (DurableContext.invoke): a CHAINED_INVOKE START runs its target — a durable function
 * gets a child execution (started in the checkpoint's transaction, linked to the parent operation), any
 * other an ordinary synchronous invocation — and the outcome lands in the operation's
 * ChainedInvokeDetails (SUCCEEDED, FAILED, TIMED_OUT, STOPPED), which wakes the parent.
 */
import { randomUUID } from "node:crypto";
import { assertInvocable, versionToRun } from "../api/invoke";
import type { EmulatorContext } from "../context";
import { LambdaError } from "../errors";
import { arnOf, parseTarget } from "../functions/resolve";
import type { VersionRecord } from "../store/functions-repo";
import type { ApplyHooks } from "./apply-updates";
import { invocationFailure } from "./invocation-output";
import type { StartRequest } from "./orchestrator";
import { ExecutionSession } from "./session";
import type { DurableStore } from "./store";
import type { ErrorObject, ExecutionRecord } from "./types";
import { eventError, eventPayload } from "./wire";

/** What chained invokes need from the orchestrator. */
export interface ChainedHost {
  readonly closed: boolean;
  startExecution(req: StartRequest): { execution: ExecutionRecord };
  stop(arn: string, error: ErrorObject | undefined): number;
  schedule(): void;
}

export class ChainedInvokes {
  /** Plain (non-durable) chained invocations running: `${arn}\n${opId}`. */
  private readonly inflight = new Set<string>();

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly store: DurableStore,
    private readonly host: ChainedHost,
  ) {}

  /** What apply-updates calls for CHAINED_INVOKE updates; `plain` collects ops to run after the commit. */
  hooks(plain: string[]): ApplyHooks {
    return {
      chainedStart: (session, o) => {
        const chained = o.meta.chained;
        if (!chained) return {};
        let record: Readonly<VersionRecord>;
        let target: ReturnType<typeof parseTarget>;
        try {
          target = parseTarget(this.ctx, chained.functionName);
          record = versionToRun(this.ctx, target);
        } catch {
          // Not found or not runnable: runPlainChained fails the operation with the service's error.
          plain.push(o.op.Id);
          return {};
        }
        if (!record.config.DurableConfig) {
          plain.push(o.op.Id);
          return { executedVersion: record.config.Version };
        }
        const child = this.host.startExecution({
          record,
          invokedArn: arnOf(this.ctx, target.name, target.qualifier),
          payload: Buffer.from(chained.payload ?? "{}"),
          invocationType: "Event",
          ...(chained.tenantId ? { tenantId: chained.tenantId } : {}),
          parent: { arn: session.exec.arn, opId: o.op.Id },
        });
        chained.childArn = child.execution.arn;
        return { childArn: child.execution.arn, executedVersion: record.config.Version };
      },
      chainedCancel: (_session, o) => {
        const childArn = o.meta.chained?.childArn;
        if (!childArn) return;
        const child = this.store.getExecution(childArn);
        if (child?.status === "RUNNING") {
          // After this transaction commits: the child's own stop runs its own transaction.
          setImmediate(() => {
            try {
              this.host.stop(childArn, { ErrorMessage: "The chained invocation was cancelled." });
            } catch {
              // ended meanwhile
            }
          });
        }
      },
    };
  }

  /** Runs a chained invoke of a function that is not durable: an ordinary synchronous invocation. */
  async runPlain(arn: string, opId: string): Promise<void> {
    const key = `${arn}\n${opId}`;
    if (this.inflight.has(key) || this.host.closed) return;
    const o = this.store.operations(arn).find((s) => s.op.Id === opId);
    const chained = o?.meta.chained;
    if (!o || !chained || o.op.Status !== "STARTED") return;
    this.inflight.add(key);
    let completion: { status: "SUCCEEDED"; result: string } | { status: "FAILED"; error: ErrorObject };
    try {
      const target = parseTarget(this.ctx, chained.functionName);
      const record = versionToRun(this.ctx, target);
      assertInvocable(record);
      const result = await this.ctx.runtime.invoke({
        config: record.config,
        codeHash: record.codeHash,
        invokedArn: arnOf(this.ctx, target.name, target.qualifier),
        payload: Buffer.from(chained.payload ?? "{}"),
        requestId: randomUUID(),
        ...(chained.tenantId ? { tenantId: chained.tenantId } : {}),
      });
      const failure = invocationFailure(result);
      completion = failure
        ? { status: "FAILED", error: failure }
        : { status: "SUCCEEDED", result: result.payload.toString("utf8") };
    } catch (e) {
      completion = {
        status: "FAILED",
        error: {
          ErrorType: e instanceof LambdaError ? e.name : "ServiceException",
          ErrorMessage: e instanceof Error ? e.message : String(e),
        },
      };
    } finally {
      this.inflight.delete(key);
    }
    if (this.host.closed || !this.ctx.db.open) return;
    this.completeChained(arn, opId, completion.status, completion);
  }

  /** A durable child closed: its parent's CHAINED_INVOKE operation takes its outcome. */
  childEnded(parentArn: string, opId: string, child: ExecutionRecord): void {
    const status = child.status === "RUNNING" ? "FAILED" : child.status;
    this.completeChained(parentArn, opId, status, {
      ...(child.result !== null ? { result: child.result } : {}),
      ...(child.error !== null ? { error: child.error } : {}),
    });
  }

  private completeChained(
    arn: string,
    opId: string,
    status: "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "STOPPED",
    outcome: { result?: string; error?: ErrorObject },
  ): void {
    this.store.transaction(() => {
      const session = ExecutionSession.load(this.store, arn);
      const o = session?.ops.get(opId);
      if (!session || !o || session.exec.status !== "RUNNING" || o.op.Status !== "STARTED") return;
      const now = Date.now();
      o.op.Status = status;
      o.op.EndTimestamp = now;
      if (status === "SUCCEEDED") {
        o.op.ChainedInvokeDetails = outcome.result !== undefined ? { Result: outcome.result } : {};
        session.event("ChainedInvokeSucceeded", now, o.op, { Result: eventPayload(outcome.result) });
      } else {
        const error = outcome.error ?? {};
        o.op.ChainedInvokeDetails = { Error: error };
        const type =
          status === "FAILED"
            ? "ChainedInvokeFailed"
            : status === "TIMED_OUT"
              ? "ChainedInvokeTimedOut"
              : "ChainedInvokeStopped";
        session.event(type, now, o.op, { Error: eventError(error) });
      }
      session.touch(o);
      session.requestRun();
      session.save();
    });
    this.host.schedule();
  }
}
