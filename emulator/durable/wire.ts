/**
 * Stored operations and events (epoch ms) as each caller gets them: over HTTP timestamps are epoch seconds
 * (restJson; @aws-sdk/client-lambda turns them into Dates), inside the invocation event ISO-8601 strings
 * (what the durable SDK reads there). History payloads obey IncludeExecutionData and the 256 KiB cut.
 */
import type { EventDoc, OperationDoc } from "./types";

type Time = (ms: number) => number | string;

/**
 * How the durable lists page (executions, history, state): 100 items unless MaxItems asks otherwise (the
 * callers pass 0 as absent), never more than the reference's maximum of 1000.
 */
export const DURABLE_PAGE = { defaultLimit: 100, maxLimit: 1000 } as const;

export const epochSeconds: Time = (ms) => ms / 1000;
export const isoString: Time = (ms) => new Date(ms).toISOString();

/** An Operation with its timestamps converted. */
export function operationOut(op: OperationDoc, time: Time): Record<string, unknown> {
  const out: Record<string, unknown> = { ...op, StartTimestamp: time(op.StartTimestamp) };
  if (op.EndTimestamp !== undefined) out.EndTimestamp = time(op.EndTimestamp);
  if (op.StepDetails?.NextAttemptTimestamp !== undefined) {
    out.StepDetails = { ...op.StepDetails, NextAttemptTimestamp: time(op.StepDetails.NextAttemptTimestamp) };
  }
  if (op.WaitDetails?.ScheduledEndTimestamp !== undefined) {
    out.WaitDetails = { ScheduledEndTimestamp: time(op.WaitDetails.ScheduledEndTimestamp) };
  }
  return out;
}

/** Details members holding timestamps, by event type. */
const EVENT_TIMES: Partial<Record<string, string[]>> = {
  WaitStartedDetails: ["ScheduledEndTimestamp"],
  InvocationCompletedDetails: ["StartTimestamp", "EndTimestamp"],
};

/** Details members holding execution data (EventInput / EventResult), left out without IncludeExecutionData. */
const DATA_MEMBERS = new Set(["Input", "Result"]);

/** A history event as GetDurableExecutionHistory returns it. */
export function eventOut(event: EventDoc, includeData: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { ...event, EventTimestamp: epochSeconds(event.EventTimestamp) };
  for (const [key, value] of Object.entries(event)) {
    if (!key.endsWith("Details") || typeof value !== "object" || value === null) continue;
    const details: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const member of EVENT_TIMES[key] ?? []) {
      const t = details[member];
      if (typeof t === "number") details[member] = epochSeconds(t);
    }
    if (!includeData) {
      for (const member of DATA_MEMBERS) {
        const data = details[member];
        if (data && typeof data === "object") details[member] = { ...data, Payload: undefined };
      }
    }
    out[key] = details;
  }
  return out;
}

/** History payloads (EventInput/EventResult) are cut at 256 KiB, with Truncated saying so. */
export const HISTORY_PAYLOAD_LIMIT = 262_144;

export function eventPayload(payload: string | undefined): { Payload?: string; Truncated: boolean } {
  if (payload === undefined) return { Truncated: false };
  if (Buffer.byteLength(payload) <= HISTORY_PAYLOAD_LIMIT) return { Payload: payload, Truncated: false };
  return { Payload: Buffer.from(payload).subarray(0, HISTORY_PAYLOAD_LIMIT).toString("utf8"), Truncated: true };
}

export function eventError(error: object | undefined): { Payload?: object; Truncated: boolean } {
  return error === undefined ? { Truncated: false } : { Payload: error, Truncated: false };
}
