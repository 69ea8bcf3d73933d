/** Account settings: the service's default quotas, and this emulator's usage measured from its store. */
import type { AccountLimit, AccountUsage } from "@aws-sdk/client-lambda";
import type { EmulatorContext } from "../context";
import { ACCOUNT_CONCURRENCY_LIMIT, unreservedConcurrency } from "../functions/concurrency";
import { KIND } from "../store/kinds";
import type { HandlerMap } from "./types";

/** The default Lambda quotas of an AWS account, as GetAccountSettings reports them. */
export const ACCOUNT_LIMITS = {
  TotalCodeSize: 80_530_636_800,
  CodeSizeUnzipped: 262_144_000,
  CodeSizeZipped: 52_428_800,
  ConcurrentExecutions: ACCOUNT_CONCURRENCY_LIMIT,
} as const;

/**
 * Storage used by code: every function version's zip (each published version counts, as in AWS) and
 * every layer version. Container images count against ECR, not Lambda; their CodeSize is 0 here.
 */
export function accountUsage(ctx: EmulatorContext): Required<AccountUsage> {
  let layers = 0;
  for (const { doc } of ctx.resources.entries<{ Content?: { CodeSize?: number } }>(KIND.layerVersion)) {
    layers += doc.Content?.CodeSize ?? 0;
  }
  return { TotalCodeSize: ctx.functions.totalCodeSize() + layers, FunctionCount: ctx.functions.count() };
}

// GET /2016-08-19/account-settings — GetAccountSettings
const getAccountSettings = (_req: unknown, ctx: EmulatorContext) => {
  const limit: Required<AccountLimit> = {
    ...ACCOUNT_LIMITS,
    UnreservedConcurrentExecutions: unreservedConcurrency(ctx),
  };
  return { body: { AccountLimit: limit, AccountUsage: accountUsage(ctx) } };
};

export const accountHandlers: HandlerMap = {
  GetAccountSettings: getAccountSettings,
};
