import { describe, expect, it } from "vitest";
import { eventsOf, ownTime, type RecordLog } from "./events";

const ID = "3f9a2c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b";
const START = Date.parse("2026-01-31T12:00:00.100Z");
const END = Date.parse("2026-01-31T12:00:00.350Z");

const record = (log: string, extra: Partial<RecordLog> = {}): RecordLog => ({
  seq: 7,
  requestId: ID,
  stream: "2026/01/31/[$LATEST]0123456789abcdef0123456789abcdef",
  startTime: START,
  endTime: END,
  initDurationMs: null,
  log,
  ...extra,
});

describe("eventsOf", () => {
  it("gives platform lines the invocation's times and runtime lines their own", () => {
    const events = eventsOf(
      record(
        [
          "INIT_START Runtime Version: nodejs:22.v40\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:abc",
          "2026-01-31T12:00:00.020Z\tundefined\tINFO\tduring init",
          `START RequestId: ${ID} Version: $LATEST`,
          `2026-01-31T12:00:00.200Z\t${ID}\tINFO\thello`,
          "a line with no time of its own",
          `END RequestId: ${ID}`,
          `REPORT RequestId: ${ID}\tDuration: 250.00 ms\tBilled Duration: 351 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\tInit Duration: 100.00 ms`,
          "",
        ].join("\n"),
        { initDurationMs: 100 },
      ),
    );
    expect(events.map((e) => e.timestamp - START)).toEqual([-100, -80, 0, 100, 100, 250, 250]);
    expect(events.every((e) => e.message.endsWith("\n"))).toBe(true);
    expect(events[2]?.message).toBe(`START RequestId: ${ID} Version: $LATEST\n`);
    expect(events.map((e) => e.eventId)).toEqual([...events.map((e) => e.eventId)].sort());
    expect(events[0]?.eventId).toMatch(/^\d{56}$/);
  });

  it("keeps times inside the invocation and never before the previous line", () => {
    const events = eventsOf(
      record(
        [
          `START RequestId: ${ID} Version: $LATEST`,
          `2026-01-31T11:00:00.000Z\t${ID}\tINFO\tclock went back`,
          `2026-01-31T13:00:00.000Z\t${ID}\tINFO\tfrom the future`,
          `END RequestId: ${ID}`,
        ].join("\n"),
      ),
    );
    expect(events.map((e) => e.timestamp - START)).toEqual([0, 0, 250, 250]);
  });

  it("reads the time of JSON records and Python's log prefix", () => {
    expect(ownTime('{"timestamp":"2026-01-31T12:00:00.123Z","level":"INFO","message":"x"}')).toBe(
      Date.parse("2026-01-31T12:00:00.123Z"),
    );
    expect(ownTime('{"time":"2026-01-31T12:00:00.5Z","type":"platform.start","record":{}}')).toBe(
      Date.parse("2026-01-31T12:00:00.500Z"),
    );
    expect(ownTime(`[ERROR]\t2026-01-31T12:00:00.010Z\t${ID}\tboom`)).toBe(Date.parse("2026-01-31T12:00:00.010Z"));
    expect(ownTime(`2026-01-31T12:00:00.010Z ${ID} Task timed out after 3.00 seconds`)).toBe(
      Date.parse("2026-01-31T12:00:00.010Z"),
    );
    expect(ownTime("{not json}")).toBeUndefined();
    expect(ownTime("plain")).toBeUndefined();
  });

  it("gives every attempt of an asynchronous record a place, the last one its real times", () => {
    const log = [
      `START RequestId: ${ID} Version: 1`,
      `END RequestId: ${ID}`,
      `REPORT RequestId: ${ID}\tDuration: 5.00 ms\tBilled Duration: 5 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB`,
      `START RequestId: ${ID} Version: 1`,
      `END RequestId: ${ID}`,
      `REPORT RequestId: ${ID}\tDuration: 250.00 ms\tBilled Duration: 250 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB`,
    ].join("\n");
    const events = eventsOf(record(log));
    expect(events.map((e) => e.timestamp - START)).toEqual([0, 0, 0, 0, 250, 250]);
  });
});
