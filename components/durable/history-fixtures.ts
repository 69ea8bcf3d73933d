/**
 * Histories for tests (and for trying the views by hand): built the way the service records them, one
 * event per call, with explicit millisecond offsets from a fixed start.
 */
import type { DurableHistoryEvent } from "@/lib/durable-types";

export const T0 = Date.UTC(2026, 0, 2, 14, 0, 0, 0);
export const at = (ms: number) => new Date(T0 + ms).toISOString();

/** Appends events with rising EventIds. */
export function historyBuilder() {
  const events: DurableHistoryEvent[] = [];
  const add = (ms: number, event: Omit<DurableHistoryEvent, "EventId" | "EventTimestamp">) => {
    events.push({ ...event, EventId: events.length + 1, EventTimestamp: at(ms) });
    return api;
  };
  const api = {
    events,
    add,
    started: (ms: number, input = "{}") =>
      add(ms, {
        EventType: "ExecutionStarted",
        Id: "exec",
        Name: "run-1",
        ExecutionStartedDetails: { Input: { Payload: input }, ExecutionTimeout: 3600 },
      }),
    invocation: (from: number, to: number, requestId: string, error?: string) =>
      add(to, {
        EventType: "InvocationCompleted",
        InvocationCompletedDetails: {
          StartTimestamp: at(from),
          EndTimestamp: at(to),
          RequestId: requestId,
          ...(error ? { Error: { Payload: { ErrorType: "Error", ErrorMessage: error } } } : {}),
        },
      }),
    step: (
      ms: number,
      id: string,
      name: string | undefined,
      outcome: "start" | "ok" | "fail" | { retryIn: number; error?: string },
      parentId?: string,
      subType = "Step",
    ) => {
      const base = {
        Id: id,
        ...(name ? { Name: name } : {}),
        SubType: subType,
        ...(parentId ? { ParentId: parentId } : {}),
      };
      if (outcome === "start") return add(ms, { ...base, EventType: "StepStarted", StepStartedDetails: {} });
      if (outcome === "ok")
        return add(ms, {
          ...base,
          EventType: "StepSucceeded",
          StepSucceededDetails: { Result: { Payload: JSON.stringify({ step: id }) }, RetryDetails: {} },
        });
      if (outcome === "fail")
        return add(ms, {
          ...base,
          EventType: "StepFailed",
          StepFailedDetails: { Error: { Payload: { ErrorType: "Error", ErrorMessage: "gave up" } }, RetryDetails: {} },
        });
      return outcome.error === undefined
        ? add(ms, {
            ...base,
            EventType: "StepSucceeded",
            StepSucceededDetails: {
              Result: { Payload: '{"polls":1}' },
              RetryDetails: { NextAttemptDelaySeconds: outcome.retryIn },
            },
          })
        : add(ms, {
            ...base,
            EventType: "StepFailed",
            StepFailedDetails: {
              Error: { Payload: { ErrorType: "TypeError", ErrorMessage: outcome.error } },
              RetryDetails: { NextAttemptDelaySeconds: outcome.retryIn },
            },
          });
    },
    context: (
      ms: number,
      id: string,
      name: string | undefined,
      subType: string,
      outcome: "start" | "ok",
      parentId?: string,
    ) =>
      add(ms, {
        Id: id,
        ...(name ? { Name: name } : {}),
        SubType: subType,
        ...(parentId ? { ParentId: parentId } : {}),
        ...(outcome === "start"
          ? { EventType: "ContextStarted", ContextStartedDetails: {} }
          : { EventType: "ContextSucceeded", ContextSucceededDetails: { Result: { Payload: '"done"' } } }),
      }),
    waitStarted: (ms: number, id: string, name: string, seconds: number, parentId?: string) =>
      add(ms, {
        EventType: "WaitStarted",
        Id: id,
        Name: name,
        SubType: "Wait",
        ...(parentId ? { ParentId: parentId } : {}),
        WaitStartedDetails: { Duration: seconds, ScheduledEndTimestamp: at(ms + seconds * 1000) },
      }),
    waitSucceeded: (ms: number, id: string, name: string, seconds: number) =>
      add(ms, {
        EventType: "WaitSucceeded",
        Id: id,
        Name: name,
        SubType: "Wait",
        WaitSucceededDetails: { Duration: seconds },
      }),
    callbackStarted: (ms: number, id: string, parentId?: string, callbackId = "Y2FsbGJhY2stMQ==") =>
      add(ms, {
        EventType: "CallbackStarted",
        Id: id,
        SubType: "Callback",
        ...(parentId ? { ParentId: parentId } : {}),
        CallbackStartedDetails: { CallbackId: callbackId, Timeout: 300, HeartbeatTimeout: 60 },
      }),
    callbackSucceeded: (ms: number, id: string, result: string, parentId?: string) =>
      add(ms, {
        EventType: "CallbackSucceeded",
        Id: id,
        SubType: "Callback",
        ...(parentId ? { ParentId: parentId } : {}),
        CallbackSucceededDetails: { Result: { Payload: result } },
      }),
    succeeded: (ms: number, result: string) =>
      add(ms, {
        EventType: "ExecutionSucceeded",
        Id: "exec",
        ExecutionSucceededDetails: { Result: { Payload: result } },
      }),
    stopped: (ms: number) =>
      add(ms, {
        EventType: "ExecutionStopped",
        Id: "exec",
        ExecutionStoppedDetails: {
          Error: { Payload: { ErrorType: "Stopped", ErrorMessage: "Stopped from the console" } },
        },
      }),
  };
  return api;
}

/**
 * An order workflow: validate, charge (fails twice, then succeeds), a 5 s wait, an approval callback
 * (waitForCallback: a context holding the submitter step and the callback), then a parallel of two
 * branches. Three invocations: the first suspends at the wait, the second at the callback.
 */
export function orderHistory(options: { complete: boolean } = { complete: true }) {
  const h = historyBuilder()
    .started(0, '{"orderId":"o-42"}')
    .step(10, "s1", "validate", "start")
    .step(40, "s1", "validate", "ok")
    .step(45, "s2", "charge", "start")
    .step(95, "s2", "charge", { retryIn: 1, error: "card declined" })
    .invocation(0, 120, "req-1")
    .step(1100, "s2", "charge", "start")
    .step(1150, "s2", "charge", { retryIn: 2, error: "card declined" })
    .invocation(1090, 1160, "req-2")
    .step(3160, "s2", "charge", "start")
    .step(3260, "s2", "charge", "ok")
    .waitStarted(3270, "w1", "cool-down", 5)
    .invocation(3150, 3300, "req-3")
    .waitSucceeded(8270, "w1", "cool-down", 5)
    .context(8300, "c1", "approval", "WaitForCallback", "start")
    .step(8305, "c1s", undefined, "start", "c1")
    .callbackStarted(8306, "c1cb", "c1")
    .step(8310, "c1s", undefined, "ok", "c1")
    .invocation(8280, 8340, "req-4");
  if (!options.complete) return h.events;
  h.callbackSucceeded(20_000, "c1cb", '{"approved":true}', "c1")
    .context(20_020, "c1", "approval", "WaitForCallback", "ok")
    .context(20_030, "p1", "ship", "Parallel", "start")
    .context(20_031, "p1b1", undefined, "ParallelBranch", "start", "p1")
    .context(20_032, "p1b2", undefined, "ParallelBranch", "start", "p1")
    .step(20_033, "p1b1s", "label", "start", "p1b1")
    .step(20_034, "p1b2s", "notify", "start", "p1b2")
    .step(20_080, "p1b1s", "label", "ok", "p1b1")
    .step(20_120, "p1b2s", "notify", "ok", "p1b2")
    .context(20_121, "p1b1", undefined, "ParallelBranch", "ok", "p1")
    .context(20_122, "p1b2", undefined, "ParallelBranch", "ok", "p1")
    .context(20_125, "p1", "ship", "Parallel", "ok")
    .succeeded(20_130, '{"status":"shipped"}')
    .invocation(20_010, 20_140, "req-5");
  return h.events;
}
