/**
 * FunctionConfiguration as the service builds it: defaults on create, field-by-field updates, the
 * checks the model cannot express (runtime+handler for zips, reserved and oversized environments,
 * timeout ceiling), and the State / LastUpdateStatus lifecycle.
 */
import { createHash, randomUUID } from "node:crypto";
import type { CreateFunctionRequest, UpdateFunctionConfigurationRequest } from "@aws-sdk/client-lambda";
import { LIMITS, RESERVED_ENVIRONMENT_KEYS } from "../../lib/lambda-model/schemas";
import type { Wire } from "../api/types";
import type { EmulatorContext } from "../context";
import { invalidParameter, LambdaError } from "../errors";
import type { StoredCode } from "../store/code-store";
import type { FunctionConfig } from "../store/functions-repo";
import { KIND } from "../store/kinds";
import { checkCapacityProviderConfig } from "./capacity-provider-ref";
import { arnOf } from "./resolve";

/** `2024-05-01T12:34:56.789+0000`, the service's LastModified format. */
export function lastModified(date = new Date()): string {
  return date.toISOString().replace("Z", "+0000");
}

function checkEnvironment(variables: Record<string, string> | undefined): void {
  if (!variables) return;
  const reserved = Object.keys(variables).filter((k) => RESERVED_ENVIRONMENT_KEYS.has(k));
  if (reserved.length > 0) {
    throw invalidParameter(
      `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(", ")}`,
    );
  }
  const size = Buffer.byteLength(JSON.stringify(variables));
  if (size > LIMITS.environmentMaxBytes) {
    throw invalidParameter(
      `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${JSON.stringify(variables).slice(0, 200)}`,
    );
  }
}

/**
 * The managed runtimes that take a durable configuration (AWS's "Supported runtimes for durable
 * functions"); container images bring their own runtime and may be durable too.
 */
export const DURABLE_RUNTIMES: ReadonlySet<string> = new Set([
  "nodejs22.x",
  "nodejs24.x",
  "python3.13",
  "python3.14",
  "java17",
  "java21",
  "java25",
  "dotnet8",
  "dotnet10",
]);

/** The service's words for a durable configuration it refuses (as AWS answers CreateFunction). */
function checkDurableConfig(
  durable: FunctionConfig["DurableConfig"] | null | undefined,
  packageType: string,
  runtime: string | undefined,
): void {
  if (!durable) return;
  if (durable.ExecutionTimeout == null) {
    throw invalidParameter("You cannot create a function with a durable configuration without an executionTimeout");
  }
  if (packageType === "Zip" && !DURABLE_RUNTIMES.has(runtime ?? "")) {
    throw invalidParameter("You cannot use a managed runtime that does not support a durable configuration");
  }
}

function checkTimeout(timeout: number | undefined | null): void {
  if (timeout !== undefined && timeout !== null && timeout > LIMITS.timeoutMaxSeconds) {
    throw invalidParameter(
      `1 validation error detected: Value '${timeout}' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to ${LIMITS.timeoutMaxSeconds}`,
    );
  }
}

function checkLayers(
  ctx: EmulatorContext,
  layers: string[] | undefined | null,
): { Arn: string; CodeSize: number }[] | undefined {
  if (!layers) return undefined;
  if (layers.length > 5) throw invalidParameter("Cannot reference more than 5 layers.");
  const seen = new Set<string>();
  return layers.map((arn) => {
    const m = /^arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\d{12}:layer:([a-zA-Z0-9_-]+):(\d+)$/.exec(arn);
    const base = arn.replace(/:\d+$/, "");
    if (seen.has(base))
      throw invalidParameter(
        `Two different versions of the same layer are not allowed to be referenced in the same function. ${base}`,
      );
    seen.add(base);
    const doc = m
      ? ctx.resources.get<{ LayerVersionArn: string; Content?: { CodeSize?: number } }>(
          KIND.layerVersion,
          `${m[1]}:${m[2]}`,
        )
      : undefined;
    if (!doc || doc.LayerVersionArn !== arn) {
      throw invalidParameter(`Layer version ${arn} does not exist.`);
    }
    return { Arn: arn, CodeSize: doc.Content?.CodeSize ?? 0 };
  });
}

function vpcResponse(vpc: Wire<CreateFunctionRequest>["VpcConfig"]): FunctionConfig["VpcConfig"] | undefined {
  if (!vpc) return undefined;
  const subnets = vpc.SubnetIds ?? [];
  const groups = vpc.SecurityGroupIds ?? [];
  if (subnets.length === 0 && groups.length === 0) return undefined;
  // A stable fake VPC id derived from the first subnet, as subnets belong to exactly one VPC.
  const vpcId = `vpc-${createHash("sha1")
    .update(subnets[0] ?? "")
    .digest("hex")
    .slice(0, 17)}`;
  return {
    SubnetIds: subnets,
    SecurityGroupIds: groups,
    VpcId: vpcId,
    Ipv6AllowedForDualStack: vpc.Ipv6AllowedForDualStack ?? false,
  };
}

function runtimeVersionConfig(
  ctx: EmulatorContext,
  runtime: string | undefined,
): FunctionConfig["RuntimeVersionConfig"] {
  if (!runtime) return undefined;
  const id = createHash("sha256").update(runtime).digest("hex");
  return { RuntimeVersionArn: `arn:aws:lambda:${ctx.config.region}::runtime:${id}` };
}

/** sha256 of the configuration fields that define behaviour (the service's ConfigSha256). */
function configSha(config: FunctionConfig): string {
  const {
    RevisionId: _r,
    LastModified: _l,
    State: _s,
    StateReason: _sr,
    StateReasonCode: _src,
    LastUpdateStatus: _u,
    LastUpdateStatusReason: _ur,
    LastUpdateStatusReasonCode: _urc,
    ConfigSha256: _c,
    ...rest
  } = config;
  return createHash("sha256").update(JSON.stringify(rest)).digest("hex");
}

export function finalize(config: FunctionConfig): FunctionConfig {
  config.ConfigSha256 = configSha(config);
  return config;
}

type CreateInput = Wire<CreateFunctionRequest> & { FunctionName: string };

/** The $LATEST configuration of a new function, in State Pending until its code is prepared. */
export function newFunctionConfig(
  ctx: EmulatorContext,
  input: CreateInput,
  name: string,
  code: StoredCode | undefined,
): FunctionConfig {
  const packageType = input.PackageType ?? "Zip";
  if (packageType === "Zip" && (!input.Runtime || !input.Handler)) {
    throw invalidParameter(
      "Runtime and Handler are mandatory parameters for functions created with deployment packages.",
    );
  }
  if (packageType === "Image" && (input.Runtime || input.Handler || input.Layers)) {
    throw invalidParameter(
      "Please don't provide Handler or Runtime or Layer when the intended function PackageType is Image.",
    );
  }
  checkTimeout(input.Timeout);
  checkEnvironment(input.Environment?.Variables);
  const layers = checkLayers(ctx, input.Layers);
  checkCapacityProviderConfig(ctx, input.CapacityProviderConfig, { addsVersion: true });
  checkDurableConfig(input.DurableConfig, packageType, input.Runtime);

  const config: FunctionConfig = {
    FunctionName: name,
    FunctionArn: arnOf(ctx, name),
    ...(input.Runtime ? { Runtime: input.Runtime } : {}),
    Role: input.Role,
    ...(input.Handler ? { Handler: input.Handler } : {}),
    CodeSize: code?.size ?? 0,
    Description: input.Description ?? "",
    Timeout: input.Timeout ?? 3,
    MemorySize: input.MemorySize ?? 128,
    LastModified: lastModified(),
    CodeSha256:
      code?.sha256 ??
      createHash("sha256")
        .update(input.Code?.ImageUri ?? "")
        .digest("base64"),
    Version: "$LATEST",
    ...(vpcResponse(input.VpcConfig) ? { VpcConfig: vpcResponse(input.VpcConfig) } : {}),
    ...(input.DeadLetterConfig?.TargetArn ? { DeadLetterConfig: { TargetArn: input.DeadLetterConfig.TargetArn } } : {}),
    ...(input.Environment?.Variables ? { Environment: { Variables: input.Environment.Variables } } : {}),
    ...(input.KMSKeyArn ? { KMSKeyArn: input.KMSKeyArn } : {}),
    TracingConfig: { Mode: input.TracingConfig?.Mode ?? "PassThrough" },
    RevisionId: randomUUID(),
    ...(layers ? { Layers: layers } : {}),
    State: "Pending",
    StateReason: "The function is being created.",
    StateReasonCode: "Creating",
    PackageType: packageType,
    ...(input.FileSystemConfigs?.length ? { FileSystemConfigs: input.FileSystemConfigs } : {}),
    ...(input.ImageConfig ? { ImageConfigResponse: { ImageConfig: input.ImageConfig } } : {}),
    Architectures: input.Architectures ?? ["x86_64"],
    EphemeralStorage: { Size: input.EphemeralStorage?.Size ?? 512 },
    SnapStart: {
      ApplyOn: input.SnapStart?.ApplyOn ?? "None",
      OptimizationStatus: input.SnapStart?.ApplyOn === "PublishedVersions" ? "On" : "Off",
    },
    ...(packageType === "Zip" ? { RuntimeVersionConfig: runtimeVersionConfig(ctx, input.Runtime) } : {}),
    LoggingConfig: {
      LogFormat: input.LoggingConfig?.LogFormat ?? "Text",
      ...(input.LoggingConfig?.ApplicationLogLevel
        ? { ApplicationLogLevel: input.LoggingConfig.ApplicationLogLevel }
        : {}),
      ...(input.LoggingConfig?.SystemLogLevel ? { SystemLogLevel: input.LoggingConfig.SystemLogLevel } : {}),
      LogGroup: input.LoggingConfig?.LogGroup ?? `/aws/lambda/${name}`,
    },
    ...(input.DurableConfig ? { DurableConfig: input.DurableConfig } : {}),
    ...(input.CapacityProviderConfig ? { CapacityProviderConfig: input.CapacityProviderConfig } : {}),
    ...(input.TenancyConfig ? { TenancyConfig: input.TenancyConfig } : {}),
  } as FunctionConfig;
  if (
    config.LoggingConfig?.LogFormat === "Text" &&
    (input.LoggingConfig?.ApplicationLogLevel || input.LoggingConfig?.SystemLogLevel)
  ) {
    throw invalidParameter("ApplicationLogLevel and SystemLogLevel can only be set when LogFormat is JSON.");
  }
  return finalize(config);
}

type UpdateInput = Wire<UpdateFunctionConfigurationRequest>;

/** Applies UpdateFunctionConfiguration to $LATEST: each given field replaces the stored one. */
export function applyConfigUpdate(ctx: EmulatorContext, current: FunctionConfig, input: UpdateInput): FunctionConfig {
  if (current.PackageType === "Image" && (input.Runtime || input.Handler || input.Layers)) {
    throw invalidParameter(
      "Please don't provide Handler or Runtime or Layer when the intended function PackageType is Image.",
    );
  }
  checkTimeout(input.Timeout);
  if (input.Environment) checkEnvironment(input.Environment.Variables);
  const next: FunctionConfig = { ...current };
  if (input.Role != null) next.Role = input.Role;
  if (input.Handler != null) next.Handler = input.Handler;
  if (input.Description != null) next.Description = input.Description;
  if (input.Timeout != null) next.Timeout = input.Timeout;
  if (input.MemorySize != null) next.MemorySize = input.MemorySize;
  if (input.Runtime != null) {
    next.Runtime = input.Runtime as FunctionConfig["Runtime"];
    next.RuntimeVersionConfig = runtimeVersionConfig(ctx, input.Runtime);
  }
  if (input.VpcConfig != null) {
    const vpc = vpcResponse(input.VpcConfig);
    if (vpc) next.VpcConfig = vpc;
    else delete next.VpcConfig;
  }
  if (input.Environment != null) {
    const vars = input.Environment.Variables ?? {};
    if (Object.keys(vars).length > 0) next.Environment = { Variables: vars };
    else delete next.Environment;
  }
  if (input.DeadLetterConfig != null) {
    if (input.DeadLetterConfig.TargetArn) next.DeadLetterConfig = { TargetArn: input.DeadLetterConfig.TargetArn };
    else delete next.DeadLetterConfig;
  }
  if (input.KMSKeyArn != null) {
    if (input.KMSKeyArn) next.KMSKeyArn = input.KMSKeyArn;
    else delete next.KMSKeyArn;
  }
  if (input.TracingConfig != null) next.TracingConfig = { Mode: input.TracingConfig.Mode ?? "PassThrough" };
  if (input.Layers != null) {
    const layers = checkLayers(ctx, input.Layers);
    if (layers && layers.length > 0) next.Layers = layers;
    else delete next.Layers;
  }
  if (input.FileSystemConfigs != null) {
    if (input.FileSystemConfigs.length > 0) next.FileSystemConfigs = input.FileSystemConfigs;
    else delete next.FileSystemConfigs;
  }
  if (input.ImageConfig != null) next.ImageConfigResponse = { ImageConfig: input.ImageConfig };
  if (input.EphemeralStorage != null) next.EphemeralStorage = { Size: input.EphemeralStorage.Size ?? 512 };
  if (input.SnapStart != null) {
    next.SnapStart = {
      ApplyOn: input.SnapStart.ApplyOn ?? "None",
      OptimizationStatus: input.SnapStart.ApplyOn === "PublishedVersions" ? "On" : "Off",
    };
  }
  if (input.LoggingConfig != null) {
    const merged = { ...next.LoggingConfig, ...stripNulls(input.LoggingConfig) };
    if (merged.LogFormat === "Text") {
      if (input.LoggingConfig.ApplicationLogLevel || input.LoggingConfig.SystemLogLevel) {
        throw invalidParameter("ApplicationLogLevel and SystemLogLevel can only be set when LogFormat is JSON.");
      }
      delete merged.ApplicationLogLevel;
      delete merged.SystemLogLevel;
    }
    next.LoggingConfig = merged as FunctionConfig["LoggingConfig"];
  }
  if (input.DurableConfig != null) {
    // Durability is chosen at creation ("You cannot enable it on existing functions"); later updates
    // change its settings, and a setting left out keeps its value (a retention-only update keeps the timeout).
    if (!current.DurableConfig) {
      throw invalidParameter("You can only enable durable execution when creating a function.");
    }
    next.DurableConfig = { ...current.DurableConfig, ...stripNulls(input.DurableConfig) };
  }
  checkDurableConfig(next.DurableConfig, next.PackageType ?? "Zip", next.Runtime);
  if (input.CapacityProviderConfig != null) {
    checkCapacityProviderConfig(ctx, input.CapacityProviderConfig);
    next.CapacityProviderConfig = input.CapacityProviderConfig;
  }
  next.LastModified = lastModified();
  next.RevisionId = randomUUID();
  return finalize(inProgress(next));
}

function stripNulls<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

/** Marks an update as running: LastUpdateStatus InProgress until the environment is prepared. */
export function inProgress(config: FunctionConfig): FunctionConfig {
  return {
    ...config,
    LastUpdateStatus: "InProgress",
    // The reference's LastUpdateStatusReasonCode enum has no code for a normal update, so none is sent.
    LastUpdateStatusReason: "The function is being created.",
  };
}

/** The settled state after a create or update finished. */
export function settled(config: FunctionConfig): FunctionConfig {
  const next: FunctionConfig = { ...config, State: "Active", LastUpdateStatus: "Successful" };
  delete next.StateReason;
  delete next.StateReasonCode;
  delete next.LastUpdateStatusReason;
  delete next.LastUpdateStatusReasonCode;
  return next;
}

/** The service refuses a change while a previous one is still being applied. */
export function assertNotUpdating(config: FunctionConfig): void {
  if (config.LastUpdateStatus === "InProgress" || config.State === "Pending") {
    throw new LambdaError(
      "ResourceConflictException",
      409,
      `The operation cannot be performed at this time. An update is in progress for resource: ${config.FunctionArn}`,
    );
  }
}
