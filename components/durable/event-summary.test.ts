import { describe, expect, it } from "vitest";
import { eventSummary, eventTone } from "./event-summary";
import { orderHistory, T0 } from "./history-fixtures";

const events = orderHistory();
const find = (type: string, n = 0) => events.filter((e) => e.EventType === type)[n]!;

describe("eventSummary", () => {
  it("says what each kind of event carries", () => {
    expect(eventSummary(find("ExecutionStarted"))).toBe('input {"orderId":"o-42"} · timeout 1 hour');
    expect(eventSummary(find("StepFailed"))).toBe("TypeError: card declined · retry in 1 s");
    expect(eventSummary(find("StepSucceeded"))).toBe('{"step":"s1"}');
    expect(eventSummary(find("WaitStarted"))).toBe(
      `wait 5.00 s until ${new Date(T0 + 8270).toISOString().slice(11, 23)}`,
    );
    expect(eventSummary(find("CallbackStarted"))).toBe(
      "callback Y2FsbGJhY2stMQ== · timeout 5 minutes · heartbeat 1 minute",
    );
    expect(eventSummary(find("CallbackSucceeded"))).toBe('{"approved":true}');
    expect(eventSummary(find("InvocationCompleted"))).toBe("ran 120 ms · request req-1");
  });

  it("clips long payloads to one readable line", () => {
    const long = { ...find("ExecutionSucceeded"), ExecutionSucceededDetails: { Result: { Payload: "x".repeat(500) } } };
    const summary = eventSummary(long);
    expect(summary.length).toBe(160);
    expect(summary.endsWith("…")).toBe(true);
  });

  it("is empty for event types it does not know", () => {
    expect(eventSummary({ EventType: "SomethingNew" })).toBe("");
  });
});

describe("eventTone", () => {
  it("colours endings by outcome", () => {
    expect(eventTone("StepSucceeded")).toBe("success");
    expect(eventTone("CallbackFailed")).toBe("danger");
    expect(eventTone("ExecutionTimedOut")).toBe("warning");
    expect(eventTone("WaitStarted")).toBe("progress");
    expect(eventTone("InvocationCompleted")).toBe("neutral");
  });
});
