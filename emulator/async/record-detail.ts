/**
 * What an invocation record of an asynchronous invocation adds (column `invocations.async_detail`, JSON):
 * how many times it ran, how often it was throttled, whether another attempt is scheduled, how it ended
 * and where its outcome was delivered. The extension API shows it as `Async` (invocations-api.ts).
 */

import type { AsyncCondition, AsyncInvocationView } from "../../lib/lambda-model/invocation-records";

export type { AsyncCondition, AsyncInvocationView };

/** One delivery of an invocation record: a destination or the dead-letter queue. */
export interface Delivery {
  type: "OnSuccess" | "OnFailure" | "DeadLetter";
  target: string;
  delivered: boolean;
  /** Why it was not delivered. */
  reason?: string;
  /** The asynchronous invocation of a Lambda destination that carries the record. */
  requestId?: string;
}

export interface AsyncDetail {
  /** Retrying: an attempt failed and another is scheduled; Done: no more attempts. */
  state: "Retrying" | "Done";
  enqueuedAt: number;
  attempts: number;
  throttles: number;
  maximumRetryAttempts: number;
  maximumEventAgeInSeconds: number;
  nextAttemptAt?: number;
  condition?: AsyncCondition;
  deliveries?: Delivery[];
  /** The event could not run at all (its function version or alias went away). */
  discarded?: string;
  /** When this event delivers another invocation's record: that invocation's request id. */
  origin?: string;
}

export function asyncView(detail: AsyncDetail): AsyncInvocationView {
  return {
    State: detail.state,
    EnqueuedTime: new Date(detail.enqueuedAt).toISOString(),
    Attempts: detail.attempts,
    Throttles: detail.throttles,
    MaximumRetryAttempts: detail.maximumRetryAttempts,
    MaximumEventAgeInSeconds: detail.maximumEventAgeInSeconds,
    ...(detail.nextAttemptAt !== undefined ? { NextAttemptTime: new Date(detail.nextAttemptAt).toISOString() } : {}),
    ...(detail.condition ? { Condition: detail.condition } : {}),
    ...(detail.deliveries
      ? {
          Deliveries: detail.deliveries.map((d) => ({
            Type: d.type,
            Destination: d.target,
            Delivered: d.delivered,
            ...(d.reason ? { Reason: d.reason } : {}),
            ...(d.requestId ? { RequestId: d.requestId } : {}),
          })),
        }
      : {}),
    ...(detail.discarded ? { Discarded: detail.discarded } : {}),
    ...(detail.origin ? { Origin: detail.origin } : {}),
  };
}

export function parseDetail(json: string | null): AsyncDetail | undefined {
  if (!json) return undefined;
  try {
    return JSON.parse(json) as AsyncDetail;
  } catch {
    return undefined;
  }
}
