import { describe, expect, it } from "vitest";
import { T0, historyBuilder, orderHistory } from "./history-fixtures";
import { buildExecutionModel, invocationAt, pendingCallbacks } from "./history-model";

describe("buildExecutionModel — a completed execution", () => {
  const model = buildExecutionModel(orderHistory());

  it("reads the execution's own events", () => {
    expect(model.status).toBe("SUCCEEDED");
    expect(model.start).toBe(T0);
    expect(model.end).toBe(T0 + 20_130);
    expect(model.input?.Payload).toBe('{"orderId":"o-42"}');
    expect(model.result?.Payload).toBe('{"status":"shipped"}');
    expect(model.executionTimeoutSeconds).toBe(3600);
    expect(model.eventCount).toBe(orderHistory().length);
  });

  it("nests operations by ParentId, in start order, and labels unnamed ones", () => {
    expect(model.roots.map((s) => s.label)).toEqual(["validate", "charge", "cool-down", "approval", "ship"]);
    const approval = model.byId.get("c1");
    expect(approval?.children.map((s) => [s.label, s.type])).toEqual([
      ["Submitter", "STEP"],
      ["Callback", "CALLBACK"],
    ]);
    expect(model.byId.get("p1")?.children.map((s) => s.label)).toEqual(["Parallel branch 1", "Parallel branch 2"]);
    expect(model.byId.get("p1b2")?.children[0]?.label).toBe("notify");
  });

  it("records each step attempt, its error and the delay before the retry", () => {
    const charge = model.byId.get("s2");
    expect(charge?.status).toBe("SUCCEEDED");
    expect(charge?.start).toBe(T0 + 45);
    expect(charge?.end).toBe(T0 + 3260);
    expect(charge?.attempts.map((a) => [a.number, a.outcome, a.start - T0, (a.end ?? 0) - T0])).toEqual([
      [1, "retried", 45, 95],
      [2, "retried", 1100, 1150],
      [3, "succeeded", 3160, 3260],
    ]);
    expect(charge?.attempts[0]?.error?.ErrorMessage).toBe("card declined");
    expect(charge?.attempts[1]?.retryDelaySeconds).toBe(2);
    expect(charge?.result?.Payload).toBe('{"step":"s2"}');
    expect(charge?.error).toBeUndefined();
  });

  it("keeps a wait's schedule and a callback's id and result", () => {
    const wait = model.byId.get("w1");
    expect(wait?.waitSeconds).toBe(5);
    expect(wait?.scheduledEnd).toBe(T0 + 8270);
    expect(wait?.end).toBe(T0 + 8270);
    const callback = model.byId.get("c1cb");
    expect(callback?.callback).toEqual({ id: "Y2FsbGJhY2stMQ==", timeoutSeconds: 300, heartbeatTimeoutSeconds: 60 });
    expect(callback?.result?.Payload).toBe('{"approved":true}');
    expect(callback?.events.map((e) => e.EventType)).toEqual(["CallbackStarted", "CallbackSucceeded"]);
  });

  it("lists the invocations in order, all finished", () => {
    expect(model.invocations.map((i) => [i.number, i.requestId, i.start - T0, (i.end ?? 0) - T0])).toEqual([
      [1, "req-1", 0, 120],
      [2, "req-2", 1090, 1160],
      [3, "req-3", 3150, 3300],
      [4, "req-4", 8280, 8340],
      [5, "req-5", 20_010, 20_140],
    ]);
    expect(model.scheduled).toEqual([]);
  });
});

describe("buildExecutionModel — while running", () => {
  it("leaves pending operations open and lists the callback that waits", () => {
    const model = buildExecutionModel(orderHistory({ complete: false }));
    expect(model.status).toBe("RUNNING");
    expect(model.end).toBeUndefined();
    const callback = model.byId.get("c1cb");
    expect(callback?.status).toBe("STARTED");
    expect(callback?.end).toBeUndefined();
    expect(model.byId.get("c1")?.end).toBeUndefined();
    expect(pendingCallbacks(model).map((s) => s.id)).toEqual(["c1cb"]);
    // Suspended on the callback: nothing is running now.
    expect(model.invocations.every((i) => i.end !== undefined)).toBe(true);
  });

  it("infers the invocation running now from events after the last recorded one", () => {
    const events = historyBuilder()
      .started(0)
      .step(10, "s1", "a", "start")
      .step(20, "s1", "a", "ok")
      .waitStarted(30, "w1", "pause", 2)
      .invocation(0, 40, "req-1")
      .waitSucceeded(2030, "w1", "pause", 2)
      .step(2050, "s2", "b", "start").events;
    const model = buildExecutionModel(events);
    expect(model.invocations.map((i) => [i.start - T0, i.end === undefined])).toEqual([
      [0, false],
      [2030, true],
    ]);
    expect(model.byId.get("s2")?.attempts[0]?.outcome).toBe("running");
  });

  it("treats the first invocation as running until one is recorded", () => {
    const model = buildExecutionModel(historyBuilder().started(0).step(5, "s1", "a", "start").events);
    expect(model.invocations).toEqual([{ number: 1, start: T0 }]);
  });

  it("schedules the wake-ups of open waits and pending retries", () => {
    const events = historyBuilder()
      .started(0)
      .waitStarted(10, "w1", "long", 60)
      .step(20, "s1", "flaky", "start")
      .step(30, "s1", "flaky", { retryIn: 4, error: "boom" })
      .invocation(0, 50, "req-1").events;
    const model = buildExecutionModel(events);
    expect(model.byId.get("s1")?.status).toBe("PENDING");
    expect(model.byId.get("s1")?.nextAttemptAt).toBe(T0 + 4030);
    expect(model.scheduled.sort()).toEqual([T0 + 4030, T0 + 60_010].sort());
  });

  it("reads a waitForCondition check that says 'not yet' as a retried attempt with its state", () => {
    const events = historyBuilder()
      .started(0)
      .step(10, "q", "until-ready", "start", undefined, "WaitForCondition")
      .step(20, "q", "until-ready", { retryIn: 3 }, undefined, "WaitForCondition").events;
    const span = buildExecutionModel(events).byId.get("q");
    expect(span?.attempts[0]).toMatchObject({ outcome: "retried", result: '{"polls":1}', retryDelaySeconds: 3 });
    expect(span?.status).toBe("PENDING");
  });
});

describe("buildExecutionModel — edge cases", () => {
  it("closes what was open when the execution stops", () => {
    const events = historyBuilder()
      .started(0)
      .callbackStarted(10, "cb")
      .step(12, "s1", "busy", "start")
      .stopped(500).events;
    const model = buildExecutionModel(events);
    expect(model.status).toBe("STOPPED");
    expect(model.error?.Payload?.ErrorMessage).toBe("Stopped from the console");
    expect(model.byId.get("cb")).toMatchObject({ status: "STOPPED", interrupted: true, end: T0 + 500 });
    expect(model.byId.get("s1")?.attempts[0]).toMatchObject({ outcome: "interrupted", end: T0 + 500 });
    expect(pendingCallbacks(model)).toEqual([]);
  });

  it("puts operations whose parent is unknown (or the execution) at the top", () => {
    const events = historyBuilder()
      .started(0)
      .step(5, "a", "orphan", "start", "missing")
      .step(6, "b", "top", "start", "exec").events;
    expect(buildExecutionModel(events).roots.map((s) => s.id)).toEqual(["a", "b"]);
  });

  it("orders by time when events carry no ids, and counts an outcome without a start as one attempt", () => {
    const events = historyBuilder()
      .started(0)
      .step(50, "s", "x", "ok")
      .events.map(({ EventId: _id, ...e }) => e);
    const model = buildExecutionModel([...events].reverse());
    expect(model.byId.get("s")?.attempts).toHaveLength(1);
    expect(model.byId.get("s")?.status).toBe("SUCCEEDED");
  });

  it("survives an empty history", () => {
    const model = buildExecutionModel([]);
    expect(model.roots).toEqual([]);
    expect(model.status).toBe("RUNNING");
  });
});

describe("invocationAt", () => {
  it("finds the invocation that ran an operation, and none while suspended", () => {
    const model = buildExecutionModel(orderHistory());
    const charge = model.byId.get("s2")!;
    expect(charge.attempts.map((a) => invocationAt(model.invocations, a.start)?.requestId)).toEqual([
      "req-1",
      "req-2",
      "req-3",
    ]);
    expect(invocationAt(model.invocations, T0 + 5_000)).toBeUndefined();
  });
});
