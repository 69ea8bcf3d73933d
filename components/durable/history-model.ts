/**
 * A durable execution's history (GetDurableExecutionHistory's events, oldest first) folded into what the
 * timeline draws: one span per operation, nested by ParentId, with step attempts and the delays between
 * them, wait schedules, callback details, and the invocations — when the function actually ran.
 *
 * Pure and clock-free: open spans have no `end`; the view closes them at "now".
 */
import type {
  DurableError,
  DurableExecutionStatus,
  DurableHistoryEvent,
  DurableOperationStatus,
  DurableOperationType,
  EventErrorPayload,
  EventPayload,
} from "@/lib/durable-types";

/** The API's OperationType, minus the EXECUTION itself: the operations the timeline draws. */
export type OperationType = Exclude<DurableOperationType, "EXECUTION">;

/** The API's OperationStatus, minus READY (not visible in history: a due retry is simply PENDING). */
export type OperationStatus = Exclude<DurableOperationStatus, "READY">;

export interface Attempt {
  /** 1-based, in the order the attempts started. */
  number: number;
  start: number;
  /** Absent while the attempt runs. */
  end?: number;
  /**
   * `retried`: it failed (or, for waitForCondition, its check said "not yet") and another attempt was
   * scheduled. `interrupted`: the execution ended while it ran.
   */
  outcome: "running" | "succeeded" | "failed" | "retried" | "interrupted";
  error?: DurableError;
  result?: string;
  /** The delay before the next attempt, for a retried attempt. */
  retryDelaySeconds?: number;
}

export interface OperationSpan {
  id: string;
  name?: string;
  /** What the row says: the name, or what the operation is ("Map iteration 3"). */
  label: string;
  type: OperationType;
  subType?: string;
  /** The parent operation's id; absent for top-level operations. */
  parentId?: string;
  status: OperationStatus;
  start: number;
  /** Absent while the operation is open. */
  end?: number;
  /** Closed because the execution ended, not on its own. */
  interrupted: boolean;
  /** Steps (and waitForCondition checks): each run of the step function. */
  attempts: Attempt[];
  /** A retry (or re-check) is scheduled: when it is due. */
  nextAttemptAt?: number;
  /** WAIT: how long, and when it is due to end. */
  waitSeconds?: number;
  scheduledEnd?: number;
  callback?: { id?: string; timeoutSeconds?: number; heartbeatTimeoutSeconds?: number };
  chainedInvoke?: { functionName?: string; executionArn?: string; executedVersion?: string };
  input?: EventPayload;
  result?: EventPayload;
  error?: EventErrorPayload;
  /** This operation's history events, oldest first. */
  events: DurableHistoryEvent[];
  children: OperationSpan[];
}

export interface InvocationSpan {
  /** 1-based, in start order. */
  number: number;
  requestId?: string;
  start: number;
  /** Absent for the invocation running now (inferred: the service records one when it ends). */
  end?: number;
  error?: DurableError;
}

export interface ExecutionModel {
  /** The EXECUTION operation's id. */
  executionId?: string;
  status: DurableExecutionStatus;
  start?: number;
  end?: number;
  input?: EventPayload;
  result?: EventPayload;
  error?: EventErrorPayload;
  executionTimeoutSeconds?: number;
  /** Top-level operations, in start order. */
  roots: OperationSpan[];
  byId: ReadonlyMap<string, OperationSpan>;
  /** Completed invocations, plus the one running now when the history shows one (`end` absent). */
  invocations: InvocationSpan[];
  /** Wake-ups still to come while running: wait ends and retry times (for the axis). */
  scheduled: number[];
  eventCount: number;
}

const SUBTYPE_LABEL: Record<string, string> = {
  Step: "Step",
  Wait: "Wait",
  Callback: "Callback",
  RunInChildContext: "Child context",
  Map: "Map",
  MapIteration: "Map iteration",
  Parallel: "Parallel",
  ParallelBranch: "Parallel branch",
  WaitForCallback: "Wait for callback",
  WaitForCondition: "Wait for condition",
  ChainedInvoke: "Invoke",
};

const TYPE_LABEL: Record<OperationType, string> = {
  STEP: "Step",
  WAIT: "Wait",
  CALLBACK: "Callback",
  CONTEXT: "Context",
  CHAINED_INVOKE: "Invoke",
};

/** "Wait for callback", "Map iteration"; the type's name when the subtype is unknown. */
export function kindLabel(type: OperationType, subType: string | undefined): string {
  return (subType && SUBTYPE_LABEL[subType]) ?? TYPE_LABEL[type];
}

function typeOf(eventType: string): OperationType | undefined {
  if (eventType.startsWith("Step")) return "STEP";
  if (eventType.startsWith("Wait")) return "WAIT";
  if (eventType.startsWith("Callback")) return "CALLBACK";
  if (eventType.startsWith("Context")) return "CONTEXT";
  if (eventType.startsWith("ChainedInvoke")) return "CHAINED_INVOKE";
  return undefined;
}

export function parseTime(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = typeof value === "number" ? value : Date.parse(value);
  return Number.isFinite(t) ? t : undefined;
}

/** Events in the order they happened: by EventId when every event has one, else by time (stable). */
function ordered(events: readonly DurableHistoryEvent[]): DurableHistoryEvent[] {
  const all = [...events];
  if (all.every((e) => typeof e.EventId === "number")) return all.sort((a, b) => (a.EventId ?? 0) - (b.EventId ?? 0));
  return all
    .map((e, i) => ({ e, i, t: parseTime(e.EventTimestamp) ?? 0 }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e);
}

const CLOSING: Record<string, DurableExecutionStatus> = {
  ExecutionSucceeded: "SUCCEEDED",
  ExecutionFailed: "FAILED",
  ExecutionTimedOut: "TIMED_OUT",
  ExecutionStopped: "STOPPED",
};

function newSpan(event: DurableHistoryEvent, type: OperationType, at: number): OperationSpan {
  return {
    id: event.Id ?? "",
    ...(event.Name ? { name: event.Name } : {}),
    label: event.Name ?? "",
    type,
    ...(event.SubType ? { subType: event.SubType } : {}),
    ...(event.ParentId ? { parentId: event.ParentId } : {}),
    status: "STARTED",
    start: at,
    interrupted: false,
    attempts: [],
    events: [],
    children: [],
  };
}

function close(span: OperationSpan, status: OperationStatus, at: number) {
  span.status = status;
  span.end = at;
  delete span.nextAttemptAt;
}

function applyStep(span: OperationSpan, event: DurableHistoryEvent, at: number) {
  const current = span.attempts.at(-1);
  if (event.EventType === "StepStarted") {
    span.attempts.push({ number: span.attempts.length + 1, start: at, outcome: "running" });
    span.status = "STARTED";
    delete span.nextAttemptAt;
    return;
  }
  const details = event.StepSucceededDetails ?? event.StepFailedDetails;
  const failed = event.EventType === "StepFailed";
  // START and SUCCEED can arrive in one checkpoint; an outcome without a running attempt still counts as one.
  let attempt = current?.outcome === "running" ? current : undefined;
  if (!attempt) {
    attempt = { number: span.attempts.length + 1, start: at, outcome: "running" };
    span.attempts.push(attempt);
  }
  attempt.end = at;
  const delay = details?.RetryDetails?.NextAttemptDelaySeconds;
  const error = event.StepFailedDetails?.Error;
  const result = event.StepSucceededDetails?.Result;
  if (error?.Payload) attempt.error = error.Payload;
  if (result?.Payload !== undefined) attempt.result = result.Payload;
  if (delay !== undefined) {
    // RETRY: a failed attempt (or a waitForCondition check that said "not yet") with another one scheduled.
    attempt.outcome = "retried";
    attempt.retryDelaySeconds = delay;
    span.status = "PENDING";
    span.nextAttemptAt = at + delay * 1000;
    if (error) span.error = error;
    if (result) span.result = result;
    return;
  }
  attempt.outcome = failed ? "failed" : "succeeded";
  if (failed) {
    if (error) span.error = error;
    close(span, "FAILED", at);
  } else {
    if (result) span.result = result;
    delete span.error;
    close(span, "SUCCEEDED", at);
  }
}

function apply(span: OperationSpan, event: DurableHistoryEvent, at: number) {
  switch (event.EventType) {
    case "StepStarted":
    case "StepSucceeded":
    case "StepFailed":
      applyStep(span, event, at);
      return;
    case "WaitStarted": {
      const d = event.WaitStartedDetails;
      if (d?.Duration !== undefined) span.waitSeconds = d.Duration;
      const due =
        parseTime(d?.ScheduledEndTimestamp) ?? (d?.Duration !== undefined ? at + d.Duration * 1000 : undefined);
      if (due !== undefined) span.scheduledEnd = due;
      return;
    }
    case "WaitSucceeded":
      close(span, "SUCCEEDED", at);
      return;
    case "WaitCancelled":
      if (event.WaitCancelledDetails?.Error) span.error = event.WaitCancelledDetails.Error;
      close(span, "CANCELLED", at);
      return;
    case "CallbackStarted": {
      const d = event.CallbackStartedDetails;
      span.callback = {
        ...(d?.CallbackId ? { id: d.CallbackId } : {}),
        ...(d?.Timeout ? { timeoutSeconds: d.Timeout } : {}),
        ...(d?.HeartbeatTimeout ? { heartbeatTimeoutSeconds: d.HeartbeatTimeout } : {}),
      };
      if (d?.Input?.Payload) span.input = d.Input;
      return;
    }
    case "CallbackSucceeded":
      if (event.CallbackSucceededDetails?.Result) span.result = event.CallbackSucceededDetails.Result;
      close(span, "SUCCEEDED", at);
      return;
    case "CallbackFailed":
      if (event.CallbackFailedDetails?.Error) span.error = event.CallbackFailedDetails.Error;
      close(span, "FAILED", at);
      return;
    case "CallbackTimedOut":
      if (event.CallbackTimedOutDetails?.Error) span.error = event.CallbackTimedOutDetails.Error;
      close(span, "TIMED_OUT", at);
      return;
    case "ContextSucceeded":
      if (event.ContextSucceededDetails?.Result) span.result = event.ContextSucceededDetails.Result;
      close(span, "SUCCEEDED", at);
      return;
    case "ContextFailed":
      if (event.ContextFailedDetails?.Error) span.error = event.ContextFailedDetails.Error;
      close(span, "FAILED", at);
      return;
    case "ChainedInvokeStarted": {
      const d = event.ChainedInvokeStartedDetails;
      span.chainedInvoke = {
        ...(d?.FunctionName ? { functionName: d.FunctionName } : {}),
        ...(d?.DurableExecutionArn ? { executionArn: d.DurableExecutionArn } : {}),
        ...(d?.ExecutedVersion ? { executedVersion: d.ExecutedVersion } : {}),
      };
      if (d?.Input?.Payload) span.input = d.Input;
      return;
    }
    case "ChainedInvokeSucceeded":
      if (event.ChainedInvokeSucceededDetails?.Result) span.result = event.ChainedInvokeSucceededDetails.Result;
      close(span, "SUCCEEDED", at);
      return;
    case "ChainedInvokeFailed":
      if (event.ChainedInvokeFailedDetails?.Error) span.error = event.ChainedInvokeFailedDetails.Error;
      close(span, "FAILED", at);
      return;
    case "ChainedInvokeTimedOut":
      if (event.ChainedInvokeTimedOutDetails?.Error) span.error = event.ChainedInvokeTimedOutDetails.Error;
      close(span, "TIMED_OUT", at);
      return;
    case "ChainedInvokeStopped":
      if (event.ChainedInvokeStoppedDetails?.Error) span.error = event.ChainedInvokeStoppedDetails.Error;
      close(span, "STOPPED", at);
      return;
    default:
      return;
  }
}

/**
 * Names for unnamed operations: items of a map or parallel read "Map iteration 3" / "Parallel branch 2"
 * by position, and waitForCallback's inner step is its "Submitter" (it hands the callback id out).
 */
function labelChildren(spans: OperationSpan[], parent?: OperationSpan) {
  const counters = new Map<string, number>();
  for (const span of spans) {
    const kind = kindLabel(span.type, span.subType);
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    if (!span.name) {
      const numbered = span.subType === "MapIteration" || span.subType === "ParallelBranch";
      const submitter = parent?.subType === "WaitForCallback" && span.type === "STEP";
      span.label = submitter ? "Submitter" : numbered ? `${kind} ${n}` : kind;
    }
    labelChildren(span.children, span);
  }
}

function byStart(a: OperationSpan, b: OperationSpan): number {
  return a.start - b.start || (a.events[0]?.EventId ?? 0) - (b.events[0]?.EventId ?? 0);
}

export function buildExecutionModel(history: readonly DurableHistoryEvent[]): ExecutionModel {
  const events = ordered(history);
  const byId = new Map<string, OperationSpan>();
  const model: Omit<ExecutionModel, "byId" | "roots"> = {
    status: "RUNNING",
    invocations: [],
    scheduled: [],
    eventCount: events.length,
  };
  let lastTime = 0;

  for (const event of events) {
    const type = event.EventType ?? "";
    const at = parseTime(event.EventTimestamp) ?? lastTime;
    lastTime = Math.max(lastTime, at);

    if (type === "InvocationCompleted") {
      const d = event.InvocationCompletedDetails;
      const start = parseTime(d?.StartTimestamp) ?? at;
      model.invocations.push({
        number: 0,
        ...(d?.RequestId ? { requestId: d.RequestId } : {}),
        start,
        end: parseTime(d?.EndTimestamp) ?? at,
        ...(d?.Error?.Payload ? { error: d.Error.Payload } : {}),
      });
      continue;
    }
    if (type === "ExecutionStarted") {
      if (event.Id) model.executionId = event.Id;
      model.start = at;
      const d = event.ExecutionStartedDetails;
      if (d?.Input) model.input = d.Input;
      if (d?.ExecutionTimeout) model.executionTimeoutSeconds = d.ExecutionTimeout;
      continue;
    }
    const closing = CLOSING[type];
    if (closing) {
      model.status = closing;
      model.end = at;
      if (event.ExecutionSucceededDetails?.Result) model.result = event.ExecutionSucceededDetails.Result;
      const error =
        event.ExecutionFailedDetails?.Error ??
        event.ExecutionTimedOutDetails?.Error ??
        event.ExecutionStoppedDetails?.Error;
      if (error) model.error = error;
      continue;
    }
    const opType = typeOf(type);
    if (!opType || !event.Id) continue;
    let span = byId.get(event.Id);
    if (!span) {
      span = newSpan(event, opType, at);
      byId.set(event.Id, span);
    }
    // Later events may name what the first did not (a resumed operation's first event in a pruned history).
    if (!span.name && event.Name) span.name = event.Name;
    if (!span.subType && event.SubType) span.subType = event.SubType;
    if (!span.parentId && event.ParentId) span.parentId = event.ParentId;
    span.events.push(event);
    apply(span, event, at);
  }

  model.start ??= Math.min(...[...byId.values()].map((s) => s.start), lastTime);

  // An execution that ended leaves nothing open: what was still running stopped with it.
  if (model.end !== undefined) {
    const end = model.end;
    const status: OperationStatus =
      model.status === "STOPPED" ? "STOPPED" : model.status === "TIMED_OUT" ? "TIMED_OUT" : "CANCELLED";
    for (const span of byId.values()) {
      if (span.end !== undefined) continue;
      span.interrupted = true;
      for (const a of span.attempts) {
        if (a.outcome === "running") {
          a.outcome = "interrupted";
          a.end = end;
        }
      }
      close(span, status, Math.max(end, span.start));
    }
  }

  // Nest by ParentId. The execution's own id, an unknown parent or a cycle leaves an operation at the top.
  const roots: OperationSpan[] = [];
  for (const span of byId.values()) {
    let parent = span.parentId ? byId.get(span.parentId) : undefined;
    for (let p = parent, hops = 0; p && hops <= byId.size; p = p.parentId ? byId.get(p.parentId) : undefined, hops++) {
      if (p === span) parent = undefined;
    }
    if (parent) parent.children.push(span);
    else {
      delete span.parentId;
      roots.push(span);
    }
  }
  const sortTree = (spans: OperationSpan[]) => {
    spans.sort(byStart);
    spans.forEach((s) => sortTree(s.children));
  };
  sortTree(roots);
  labelChildren(roots);

  model.invocations.sort((a, b) => a.start - b.start);
  const running = model.status === "RUNNING";
  if (running) {
    const inFlight = inferRunningInvocation(events, model.invocations, model.start);
    if (inFlight !== undefined) model.invocations.push({ number: 0, start: inFlight });
    for (const span of byId.values()) {
      if (span.end !== undefined) continue;
      if (span.type === "WAIT" && span.scheduledEnd !== undefined) model.scheduled.push(span.scheduledEnd);
      if (span.nextAttemptAt !== undefined) model.scheduled.push(span.nextAttemptAt);
    }
  }
  model.invocations.forEach((inv, i) => (inv.number = i + 1));

  return { ...model, roots, byId };
}

/**
 * When the function is running right now. The service records an invocation only when it ends, so the
 * current one shows in the history as events after the last recorded end: a timer or callback that woke
 * the execution, or checkpoints the function made. Its start is the first of those (or the execution's
 * start, before any invocation ended).
 */
function inferRunningInvocation(
  events: readonly DurableHistoryEvent[],
  invocations: readonly InvocationSpan[],
  executionStart: number,
): number | undefined {
  const lastEnd = invocations.reduce<number | undefined>(
    (m, i) => Math.max(m ?? -Infinity, i.end ?? -Infinity),
    undefined,
  );
  if (lastEnd === undefined) return executionStart;
  for (const e of events) {
    const type = e.EventType ?? "";
    if (type === "InvocationCompleted" || type === "ExecutionStarted") continue;
    const at = parseTime(e.EventTimestamp);
    if (at !== undefined && at > lastEnd) return at;
  }
  return undefined;
}

/** Depth-first, in display order. */
export function walk(spans: readonly OperationSpan[], visit: (span: OperationSpan, depth: number) => void, depth = 0) {
  for (const span of spans) {
    visit(span, depth);
    walk(span.children, visit, depth + 1);
  }
}

/** The operation a callback id belongs to, for the inspector's actions. */
export function pendingCallbacks(model: ExecutionModel): OperationSpan[] {
  const out: OperationSpan[] = [];
  walk(model.roots, (s) => {
    if (s.type === "CALLBACK" && s.end === undefined && s.callback?.id) out.push(s);
  });
  return out;
}

/**
 * The invocation that was running at a moment: the one whose checkpoint recorded an event then. A
 * millisecond of slack either side, as the service may round the two clocks differently.
 */
export function invocationAt(invocations: readonly InvocationSpan[], at: number): InvocationSpan | undefined {
  return invocations.find((i) => at >= i.start - 1 && at <= (i.end ?? Infinity) + 1);
}
