/** Account verbs, named like the API. */
import "server-only";
import { GetAccountSettingsCommand } from "@aws-sdk/client-lambda";
import type { AccountSettings } from "@/lib/lambda-types";
import { call } from "./call";
import { AwsCallError, toAwsError } from "./errors";
import type { ServerConfig } from "@/lib/env";
import { lambdaClient } from "./client";

export async function getAccountSettings(): Promise<AccountSettings> {
  const out = await call(() => lambdaClient().send(new GetAccountSettingsCommand({})));
  const limit = out.AccountLimit ?? {};
  const usage = out.AccountUsage ?? {};
  return {
    ...(limit.ConcurrentExecutions !== undefined ? { ConcurrentExecutions: limit.ConcurrentExecutions } : {}),
    ...(limit.UnreservedConcurrentExecutions !== undefined
      ? { UnreservedConcurrentExecutions: limit.UnreservedConcurrentExecutions }
      : {}),
    ...(limit.TotalCodeSize !== undefined ? { TotalCodeSize: limit.TotalCodeSize } : {}),
    ...(limit.CodeSizeZipped !== undefined ? { CodeSizeZipped: limit.CodeSizeZipped } : {}),
    ...(limit.CodeSizeUnzipped !== undefined ? { CodeSizeUnzipped: limit.CodeSizeUnzipped } : {}),
    ...(usage.TotalCodeSize !== undefined ? { TotalCodeSizeUsed: usage.TotalCodeSize } : {}),
    ...(usage.FunctionCount !== undefined ? { FunctionCount: usage.FunctionCount } : {}),
  };
}

export interface ConnectionCheck {
  /** Round trip of one signed GetAccountSettings call. */
  latencyMs: number;
  functionCount?: number;
}

/**
 * Proves a connection works end to end (reachable, keys accepted, allowed to read the account) — any
 * connection, not only the one in use, so errors name its own endpoint.
 */
export async function checkConnection(config: ServerConfig): Promise<ConnectionCheck> {
  const started = performance.now();
  try {
    const out = await lambdaClient(config).send(new GetAccountSettingsCommand({}));
    const functionCount = out.AccountUsage?.FunctionCount;
    return {
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
      ...(functionCount !== undefined ? { functionCount } : {}),
    };
  } catch (error) {
    throw new AwsCallError(toAwsError(error, config.connection));
  }
}
