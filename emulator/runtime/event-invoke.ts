/**
 * Asynchronous (InvocationType Event / InvokeAsync) invocations. For now they simply run in the
 * background in this process; a throttled one is retried a few times. This one function is the entry
 * point, so the persistent SQLite queue with retries and destinations can replace it wholesale.
 */
import type { EmulatorContext } from "../context";
import { LambdaError } from "../errors";
import type { InvokeParams } from "./manager";

const THROTTLE_RETRIES = 5;

/** Accepts an event invocation: returns at once, runs it soon. */
export function submitEventInvocation(ctx: EmulatorContext, params: Omit<InvokeParams, "invocationType">): void {
  void runWithRetries(ctx, { ...params, invocationType: "Event" }, 0);
}

async function runWithRetries(ctx: EmulatorContext, params: InvokeParams, attempt: number): Promise<void> {
  try {
    await ctx.runtime.invoke(params);
  } catch (e) {
    if (e instanceof LambdaError && e.status === 429 && attempt < THROTTLE_RETRIES) {
      // The service keeps throttled events and retries them with backoff (for up to 6 hours).
      const delay = (1000 * 2 ** attempt) / Math.max(1, ctx.config.asyncDelayDivisor);
      setTimeout(() => void runWithRetries(ctx, params, attempt + 1), delay).unref();
      return;
    }
    if (ctx.db.open) {
      console.error(
        `[emulator] event invocation ${params.requestId} of ${params.config.FunctionName} was dropped:`,
        e instanceof Error ? e.message : e,
      );
    }
  }
}
