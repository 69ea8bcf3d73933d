/**
 * Retry and age rules of asynchronous invocation, as the service applies them: the event invoke config
 * of the qualifier that was invoked (else 2 retries, 6 hours), function errors retried after 1 then 2
 * minutes, throttles and system errors retried with exponential backoff from 1 second up to 5 minutes,
 * until the event is older than its maximum age. `asyncDelayDivisor` shortens every one of these delays
 * (and the age) for local work; `asyncRetryDelaysMs` replaces the function-error schedule outright.
 */
import type { EmulatorContext } from "../context";
import { ASYNC_DEFAULTS, eventInvokeConfigFor } from "../functions/event-invoke-config";

/** Before the 2nd and the 3rd attempt (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html). */
const RETRY_DELAYS_MS = [60_000, 120_000];
const THROTTLE_FIRST_MS = 1_000;
const THROTTLE_MAX_MS = 300_000;

export interface AsyncPolicy {
  maximumRetryAttempts: number;
  maximumEventAgeInSeconds: number;
  onSuccess?: string;
  onFailure?: string;
}

export function policyFor(ctx: EmulatorContext, name: string, qualifier: string | null): AsyncPolicy {
  const doc = eventInvokeConfigFor(ctx, name, qualifier);
  return {
    maximumRetryAttempts: doc?.MaximumRetryAttempts ?? ASYNC_DEFAULTS.MaximumRetryAttempts,
    maximumEventAgeInSeconds: doc?.MaximumEventAgeInSeconds ?? ASYNC_DEFAULTS.MaximumEventAgeInSeconds,
    ...(doc?.DestinationConfig.OnSuccess.Destination ? { onSuccess: doc.DestinationConfig.OnSuccess.Destination } : {}),
    ...(doc?.DestinationConfig.OnFailure.Destination ? { onFailure: doc.DestinationConfig.OnFailure.Destination } : {}),
  };
}

const divisor = (ctx: EmulatorContext) => Math.max(1, ctx.config.asyncDelayDivisor);

/** The wait before the next run after `attempts` runs that ended in a function error. */
export function retryDelayMs(ctx: EmulatorContext, attempts: number): number {
  const custom = ctx.config.asyncRetryDelaysMs;
  if (custom.length > 0) return custom[Math.min(attempts, custom.length) - 1] ?? 0;
  const base = RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1] ?? 0;
  return base / divisor(ctx);
}

/** The wait after the `throttles`-th throttle (or system error) in a row: 1 s, 2 s, 4 s, … 5 min. */
export function throttleDelayMs(ctx: EmulatorContext, throttles: number): number {
  const base = Math.min(THROTTLE_FIRST_MS * 2 ** Math.max(0, throttles - 1), THROTTLE_MAX_MS);
  return base / divisor(ctx);
}

/** The event is discarded (EventAgeExceeded) when it is still queued this long after it arrived. */
export function maxAgeMs(ctx: EmulatorContext, policy: AsyncPolicy): number {
  return (policy.maximumEventAgeInSeconds * 1000) / divisor(ctx);
}
