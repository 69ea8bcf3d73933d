/**
 * One change to one execution, made inside a store transaction: the execution row and its operations are
 * loaded, changed in memory (operations marked `changed`, events appended), then written back together.
 */
import type { DurableStore } from "./store";
import type { EventDoc, EventType, ExecutionRecord, OperationDoc, OperationState } from "./types";

export class ExecutionSession {
  readonly ops = new Map<string, OperationState>();
  private readonly newEvents: EventDoc[] = [];

  constructor(
    private readonly store: DurableStore,
    readonly exec: ExecutionRecord,
  ) {
    for (const o of store.operations(exec.arn)) this.ops.set(o.op.Id, o);
  }

  static load(store: DurableStore, arn: string): ExecutionSession | undefined {
    const exec = store.getExecution(arn);
    return exec ? new ExecutionSession(store, exec) : undefined;
  }

  /** Operations in start order. */
  ordered(): OperationState[] {
    return [...this.ops.values()].sort((a, b) => a.seq - b.seq);
  }

  /** The EXECUTION operation (always the first one started). */
  executionOp(): OperationState | undefined {
    for (const o of this.ops.values()) if (o.op.Type === "EXECUTION") return o;
    return undefined;
  }

  /** Adds a new operation after every existing one. */
  add(op: OperationDoc): OperationState {
    const state: OperationState = {
      op,
      seq: this.exec.nextSeq++,
      meta: {},
      dirty: true,
      dueAt: null,
      callbackId: null,
      changed: true,
    };
    this.ops.set(op.Id, state);
    return state;
  }

  /** Marks an operation changed: written back, and reported to the function at the next chance. */
  touch(o: OperationState): void {
    o.changed = true;
    o.dirty = true;
  }

  /** Appends a history event; `op` gives Id, Name, SubType and ParentId. */
  event(
    type: EventType,
    at: number,
    op: Pick<OperationDoc, "Id" | "Name" | "SubType" | "ParentId"> | undefined,
    details: Record<string, unknown> = {},
  ): void {
    const event: EventDoc = {
      EventType: type,
      EventId: this.exec.nextEventId++,
      EventTimestamp: at,
      ...(op?.SubType !== undefined ? { SubType: op.SubType } : {}),
      ...(op ? { Id: op.Id } : {}),
      ...(op?.Name !== undefined ? { Name: op.Name } : {}),
      ...(op?.ParentId !== undefined ? { ParentId: op.ParentId } : {}),
      [`${type}Details`]: details,
    };
    this.newEvents.push(event);
  }

  /** An operation changed while no invocation runs: the function must hear of it (invoke it again). */
  requestRun(): void {
    if (this.exec.invocationId === null) this.exec.runRequested = true;
  }

  dirtyOps(): OperationState[] {
    return this.ordered().filter((o) => o.dirty);
  }

  /** Writes the execution, the changed operations and the new events. */
  save(): void {
    this.store.updateExecution(this.exec);
    for (const o of this.ops.values()) {
      if (!o.changed) continue;
      this.store.saveOperation(this.exec.arn, o);
      o.changed = false;
    }
    for (const e of this.newEvents.splice(0)) this.store.insertEvent(this.exec.arn, e);
  }
}
