/** Account verbs, named like the API. */
import "server-only";
import { GetAccountSettingsCommand } from "@aws-sdk/client-lambda";
import type { AccountSettings } from "@/lib/lambda-types";
import { call } from "./call";
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
