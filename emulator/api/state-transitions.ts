/**
 * Asynchronous state transitions of control-plane resources (an event source mapping's Creating →
 * Enabled, a capacity provider's Pending → Active, Deleting → gone). AWS answers the request first and
 * changes the state a moment later; the emulator does the same after `stateTransitionMs`.
 *
 * A timer does not survive a restart, so readers also settle a resource whose transition is overdue
 * (see `isOverdue`): a mapping left in Creating by a stopped emulator is Enabled when next read.
 */
import type { EmulatorContext } from "../context";

/** Runs `settle` after the configured transition delay, unless the emulator has closed meanwhile. */
export function scheduleTransition(ctx: EmulatorContext, what: string, settle: () => void): void {
  setTimeout(() => {
    if (!ctx.db.open) return;
    try {
      settle();
    } catch (e) {
      // The resource may have been deleted meanwhile, or the emulator closed; nothing to settle then.
      if (ctx.db.open) console.error(`[emulator] settling ${what} failed:`, e);
    }
  }, ctx.config.stateTransitionMs).unref();
}

// Slack beyond the configured delay before a reader settles a transition itself, so readers never race
// a timer that is about to fire.
const GRACE_MS = 1000;

/** Whether a transition that started at `sinceMs` should have finished by now. */
export function isOverdue(ctx: EmulatorContext, sinceMs: number, now = Date.now()): boolean {
  return now - sinceMs > ctx.config.stateTransitionMs + GRACE_MS;
}
