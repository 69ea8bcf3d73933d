/** Reserved and provisioned concurrency verbs, named like the API. */
import "server-only";
import {
  DeleteFunctionConcurrencyCommand,
  DeleteProvisionedConcurrencyConfigCommand,
  ListProvisionedConcurrencyConfigsCommand,
  PutFunctionConcurrencyCommand,
  PutProvisionedConcurrencyConfigCommand,
} from "@aws-sdk/client-lambda";
import type { ProvisionedConcurrencyConfig } from "@/lib/lambda-types";
import { call } from "./call";
import { lambdaClient } from "./client";

export async function putFunctionConcurrency(functionName: string, reserved: number): Promise<number> {
  const out = await call(() =>
    lambdaClient().send(
      new PutFunctionConcurrencyCommand({ FunctionName: functionName, ReservedConcurrentExecutions: reserved }),
    ),
  );
  return out.ReservedConcurrentExecutions ?? reserved;
}

export async function deleteFunctionConcurrency(functionName: string): Promise<void> {
  await call(() => lambdaClient().send(new DeleteFunctionConcurrencyCommand({ FunctionName: functionName })));
}

/** Every provisioned concurrency config of the function (per version or alias), following NextMarker. */
export async function listProvisionedConcurrencyConfigs(functionName: string): Promise<ProvisionedConcurrencyConfig[]> {
  const configs: ProvisionedConcurrencyConfig[] = [];
  let marker: string | undefined;
  do {
    const out = await call(() =>
      lambdaClient().send(
        new ListProvisionedConcurrencyConfigsCommand({ FunctionName: functionName, Marker: marker, MaxItems: 50 }),
      ),
    );
    for (const c of out.ProvisionedConcurrencyConfigs ?? []) {
      const qualifier = c.FunctionArn?.split(":")[7];
      if (!qualifier) continue;
      configs.push({
        Qualifier: qualifier,
        ...(c.FunctionArn ? { FunctionArn: c.FunctionArn } : {}),
        ...(c.RequestedProvisionedConcurrentExecutions !== undefined
          ? { RequestedProvisionedConcurrentExecutions: c.RequestedProvisionedConcurrentExecutions }
          : {}),
        ...(c.AvailableProvisionedConcurrentExecutions !== undefined
          ? { AvailableProvisionedConcurrentExecutions: c.AvailableProvisionedConcurrentExecutions }
          : {}),
        ...(c.AllocatedProvisionedConcurrentExecutions !== undefined
          ? { AllocatedProvisionedConcurrentExecutions: c.AllocatedProvisionedConcurrentExecutions }
          : {}),
        ...(c.Status ? { Status: c.Status } : {}),
        ...(c.StatusReason ? { StatusReason: c.StatusReason } : {}),
        ...(c.LastModified ? { LastModified: c.LastModified } : {}),
      });
    }
    marker = out.NextMarker;
  } while (marker);
  return configs;
}

export async function putProvisionedConcurrencyConfig(
  functionName: string,
  qualifier: string,
  amount: number,
): Promise<void> {
  await call(() =>
    lambdaClient().send(
      new PutProvisionedConcurrencyConfigCommand({
        FunctionName: functionName,
        Qualifier: qualifier,
        ProvisionedConcurrentExecutions: amount,
      }),
    ),
  );
}

export async function deleteProvisionedConcurrencyConfig(functionName: string, qualifier: string): Promise<void> {
  await call(() =>
    lambdaClient().send(
      new DeleteProvisionedConcurrencyConfigCommand({ FunctionName: functionName, Qualifier: qualifier }),
    ),
  );
}
