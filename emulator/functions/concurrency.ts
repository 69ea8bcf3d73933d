/**
 * The account's concurrency pool as the service accounts for it: 1000 concurrent executions, of which
 * reserved concurrency carves out per-function shares while at least 100 stay unreserved.
 * The runtime reads KIND.concurrency (`{ReservedConcurrentExecutions}` under the function name) to
 * throttle; GetAccountSettings reports `unreservedConcurrency()`.
 */
import type { EmulatorContext } from "../context";
import { KIND } from "../store/kinds";

export const ACCOUNT_CONCURRENCY_LIMIT = 1000;
export const MIN_UNRESERVED_CONCURRENCY = 100;

/** KIND.concurrency, key fn, parent fn. */
export interface ReservedConcurrencyDoc {
  ReservedConcurrentExecutions: number;
}

export function reservedConcurrencyOf(ctx: EmulatorContext, name: string): number | undefined {
  return ctx.resources.get<ReservedConcurrencyDoc>(KIND.concurrency, name)?.ReservedConcurrentExecutions;
}

export function totalReservedConcurrency(ctx: EmulatorContext): number {
  return ctx.resources
    .all<ReservedConcurrencyDoc>(KIND.concurrency)
    .reduce((sum, d) => sum + d.ReservedConcurrentExecutions, 0);
}

/** What the account has left for functions without reserved concurrency. */
export function unreservedConcurrency(ctx: EmulatorContext): number {
  return ACCOUNT_CONCURRENCY_LIMIT - totalReservedConcurrency(ctx);
}
