/** Asynchronous invocation config verbs (retries, event age, destinations), named like the API. */
import "server-only";
import {
  DeleteFunctionEventInvokeConfigCommand,
  GetFunctionEventInvokeConfigCommand,
  PutFunctionEventInvokeConfigCommand,
  type FunctionEventInvokeConfig,
} from "@aws-sdk/client-lambda";
import type { EventInvokeConfig } from "@/lib/lambda-types";
import { call } from "./call";
import { lambdaClient } from "./client";
import { AwsCallError, isNotFound } from "./errors";

function toConfig(out: FunctionEventInvokeConfig): EventInvokeConfig {
  const onSuccess = out.DestinationConfig?.OnSuccess?.Destination;
  const onFailure = out.DestinationConfig?.OnFailure?.Destination;
  return {
    ...(out.FunctionArn ? { FunctionArn: out.FunctionArn } : {}),
    ...(out.MaximumRetryAttempts !== undefined ? { MaximumRetryAttempts: out.MaximumRetryAttempts } : {}),
    ...(out.MaximumEventAgeInSeconds !== undefined ? { MaximumEventAgeInSeconds: out.MaximumEventAgeInSeconds } : {}),
    ...(onSuccess ? { OnSuccess: onSuccess } : {}),
    ...(onFailure ? { OnFailure: onFailure } : {}),
    ...(out.LastModified ? { LastModified: new Date(out.LastModified).toISOString() } : {}),
  };
}

/** The function's own ($LATEST / unqualified) config, or null when none is set (the defaults apply). */
export async function getFunctionEventInvokeConfig(functionName: string): Promise<EventInvokeConfig | null> {
  try {
    const out = await call(() =>
      lambdaClient().send(new GetFunctionEventInvokeConfigCommand({ FunctionName: functionName })),
    );
    return toConfig(out);
  } catch (error) {
    if (error instanceof AwsCallError && isNotFound(error.detail) && /EventInvokeConfig/i.test(error.message)) {
      return null;
    }
    throw error;
  }
}

/** Replaces the whole config (omitted settings go back to their defaults). */
export async function putFunctionEventInvokeConfig(input: {
  functionName: string;
  maximumRetryAttempts: number;
  maximumEventAgeInSeconds: number;
  onSuccess?: string;
  onFailure?: string;
}): Promise<EventInvokeConfig> {
  const out = await call(() =>
    lambdaClient().send(
      new PutFunctionEventInvokeConfigCommand({
        FunctionName: input.functionName,
        MaximumRetryAttempts: input.maximumRetryAttempts,
        MaximumEventAgeInSeconds: input.maximumEventAgeInSeconds,
        DestinationConfig: {
          ...(input.onSuccess ? { OnSuccess: { Destination: input.onSuccess } } : {}),
          ...(input.onFailure ? { OnFailure: { Destination: input.onFailure } } : {}),
        },
      }),
    ),
  );
  return toConfig(out);
}

export async function deleteFunctionEventInvokeConfig(functionName: string): Promise<void> {
  await call(() => lambdaClient().send(new DeleteFunctionEventInvokeConfigCommand({ FunctionName: functionName })));
}
