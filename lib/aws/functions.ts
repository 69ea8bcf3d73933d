/** Function verbs, named like the API. Each returns plain data (lib/lambda-types) or throws AwsCallError. */
import "server-only";
import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  ListFunctionsCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  type Architecture,
  type FunctionConfiguration,
  type Runtime,
} from "@aws-sdk/client-lambda";
import type { FunctionConfig, FunctionDetails, FunctionsPage, InvokeOutcome } from "@/lib/lambda-types";
import { lambdaClient } from "./client";
import { AwsCallError, toAwsError } from "./errors";

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw new AwsCallError(toAwsError(error));
  }
}

/** Drops the SDK's `$metadata` and anything else not JSON, so the value survives RSC and fetch. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

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
}): Promise<FunctionConfig> {
  const out = await call(() =>
    lambdaClient().send(
      new UpdateFunctionCodeCommand({
        FunctionName: input.functionName,
        ZipFile: input.zipFile,
        RevisionId: input.revisionId,
        Publish: input.publish,
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

export async function invoke(input: {
  functionName: string;
  qualifier?: string;
  payload: string;
  logType?: "Tail" | "None";
}): Promise<InvokeOutcome> {
  const started = performance.now();
  const out = await call(() =>
    lambdaClient().send(
      new InvokeCommand({
        FunctionName: input.functionName,
        Qualifier: input.qualifier,
        InvocationType: "RequestResponse",
        LogType: input.logType ?? "Tail",
        Payload: new TextEncoder().encode(input.payload),
      }),
    ),
  );
  return {
    StatusCode: out.StatusCode ?? 200,
    ...(out.FunctionError ? { FunctionError: out.FunctionError } : {}),
    ...(out.ExecutedVersion ? { ExecutedVersion: out.ExecutedVersion } : {}),
    Payload: out.Payload ? new TextDecoder().decode(out.Payload) : "",
    ...(out.LogResult ? { LogTail: Buffer.from(out.LogResult, "base64").toString("utf8") } : {}),
    ...(out.$metadata.requestId ? { RequestId: out.$metadata.requestId } : {}),
    ClientDurationMs: Math.round(performance.now() - started),
  };
}
