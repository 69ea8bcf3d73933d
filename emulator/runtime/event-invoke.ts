/**
 * Asynchronous (InvocationType Event / InvokeAsync) invocations: the one entry point. The event goes into
 * the persistent queue (emulator/async/queue.ts) and is committed when this returns, so the caller may
 * acknowledge it (202) right after; retries, maximum age and destinations happen there.
 */
import type { EmulatorContext } from "../context";
import type { EventParams } from "../async/queue";

/** Accepts an event invocation: stored (committed) on return, run by the queue's worker. */
export function submitEventInvocation(ctx: EmulatorContext, params: EventParams): void {
  ctx.runtime.async.enqueue(params);
}
