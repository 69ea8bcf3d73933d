/** Function verbs, named like the API. Each returns plain data (lib/lambda-types) or throws AwsCallError. */
import "server-only";
import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  ListFunctionsCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  type Architecture,
  type FunctionConfiguration,
  type Runtime,
} from "@aws-sdk/client-lambda";
import type { FunctionConfig, FunctionDetails, FunctionsPage } from "@/lib/lambda-types";
import { lambdaClient } from "./client";
import { call, plain } from "./call";

function toConfig(c: FunctionConfiguration | undefined): FunctionConfig {
  return plain((c ?? {}) as FunctionConfig);
}

export async function listFunctions(input: { marker?: string; maxItems?: number } = {}): Promise<FunctionsPage> {
  const out = await call(() =>
    lambdaClient().send(new ListFunctionsCommand({ Marker: input.marker, MaxItems: input.maxItems ?? 50 })),
  );
  return {
    Functions: (out.Functions ?? []).map(toConfig),
    ...(out.NextMarker ? { NextMarker: out.NextMarker } : {}),
  };
}

export async function getFunction(functionName: string, qualifier?: string): Promise<FunctionDetails> {
  const out = await call(() =>
    lambdaClient().send(new GetFunctionCommand({ FunctionName: functionName, Qualifier: qualifier })),
  );
  return plain({
    Configuration: toConfig(out.Configuration),
    ...(out.Code ? { Code: out.Code } : {}),
    ...(out.Tags ? { Tags: out.Tags } : {}),
    ...(out.Concurrency ? { Concurrency: out.Concurrency } : {}),
  });
}

export async function getFunctionConfiguration(functionName: string, qualifier?: string): Promise<FunctionConfig> {
  const out = await call(() =>
    lambdaClient().send(new GetFunctionConfigurationCommand({ FunctionName: functionName, Qualifier: qualifier })),
  );
  const { $metadata: _metadata, ...config } = out;
  return toConfig(config);
}

export interface CreateFunctionInput {
  functionName: string;
  runtime: string;
  handler: string;
  role: string;
  architecture: "x86_64" | "arm64";
  memorySize: number;
  timeout: number;
  description?: string;
  zipFile: Uint8Array;
  environment?: Record<string, string>;
  /** Makes the function durable (set at creation only). */
  durableConfig?: { executionTimeout: number; retentionPeriodInDays: number };
}

export async function createFunction(input: CreateFunctionInput): Promise<FunctionConfig> {
  const out = await call(() =>
    lambdaClient().send(
      new CreateFunctionCommand({
        FunctionName: input.functionName,
        Runtime: input.runtime as Runtime,
        Handler: input.handler,
        Role: input.role,
        Architectures: [input.architecture as Architecture],
        MemorySize: input.memorySize,
        Timeout: input.timeout,
        Description: input.description,
        Code: { ZipFile: input.zipFile },
        PackageType: "Zip",
        ...(input.environment ? { Environment: { Variables: input.environment } } : {}),
        ...(input.durableConfig
          ? {
              DurableConfig: {
                ExecutionTimeout: input.durableConfig.executionTimeout,
                RetentionPeriodInDays: input.durableConfig.retentionPeriodInDays,
              },
            }
          : {}),
      }),
    ),
  );
  const { $metadata: _metadata, ...config } = out;
  return toConfig(config);
}

export interface UpdateFunctionConfigurationInput {
  functionName: string;
  revisionId?: string;
  description?: string;
  memorySize?: number;
  timeout?: number;
  handler?: string;
  role?: string;
  runtime?: string;
  /** The complete new set; an empty object removes every variable. */
  environment?: Record<string, string>;
  /** Layer version ARNs in order (the complete new list; empty removes every layer). */
  layers?: string[];
  /** A durable function's execution timeout and history retention. */
  durableConfig?: { executionTimeout: number; retentionPeriodInDays: number };
}

export async function updateFunctionConfiguration(input: UpdateFunctionConfigurationInput): Promise<FunctionConfig> {
  const out = await call(() =>
    lambdaClient().send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: input.functionName,
        RevisionId: input.revisionId,
        Description: input.description,
        MemorySize: input.memorySize,
        Timeout: input.timeout,
        Handler: input.handler,
        Role: input.role,
        Runtime: input.runtime as Runtime | undefined,
        ...(input.environment ? { Environment: { Variables: input.environment } } : {}),
        ...(input.layers ? { Layers: input.layers } : {}),
        ...(input.durableConfig
          ? {
              DurableConfig: {
                ExecutionTimeout: input.durableConfig.executionTimeout,
                RetentionPeriodInDays: input.durableConfig.retentionPeriodInDays,
              },
            }
          : {}),
      }),
    ),
  );
  const { $metadata: _metadata, ...config } = out;
  return toConfig(config);
}

export async function updateFunctionCode(input: {
  functionName: string;
  zipFile: Uint8Array;
  revisionId?: string;
  publish?: boolean;
  /** The instruction set to run the code on; only UpdateFunctionCode can change it. */
  architecture?: "x86_64" | "arm64";
}): Promise<FunctionConfig> {
  const out = await call(() =>
    lambdaClient().send(
      new UpdateFunctionCodeCommand({
        FunctionName: input.functionName,
        ZipFile: input.zipFile,
        RevisionId: input.revisionId,
        Publish: input.publish,
        ...(input.architecture ? { Architectures: [input.architecture as Architecture] } : {}),
      }),
    ),
  );
  const { $metadata: _metadata, ...config } = out;
  return toConfig(config);
}

export async function deleteFunction(functionName: string, qualifier?: string): Promise<void> {
  await call(() =>
    lambdaClient().send(new DeleteFunctionCommand({ FunctionName: functionName, Qualifier: qualifier })),
  );
}
