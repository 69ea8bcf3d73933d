/**
 * Per-function settings that live beside the configuration: recursive loop detection, the scaling of
 * Lambda Managed Instances functions, and runtime management (update mode, pinned runtime version).
 * Function code signing attachments are in code-signing.ts.
 */
import type {
  FunctionScalingConfig,
  GetFunctionRecursionConfigRequest,
  GetFunctionScalingConfigRequest,
  GetRuntimeManagementConfigRequest,
  PutFunctionRecursionConfigRequest,
  PutFunctionScalingConfigRequest,
  PutRuntimeManagementConfigRequest,
} from "@aws-sdk/client-lambda";
import type { EmulatorContext } from "../context";
import { functionNotFound, invalidParameter } from "../errors";
import { arnOf, isVersionQualifier, parseTarget, resolveVersion } from "../functions/resolve";
import type { VersionRecord } from "../store/functions-repo";
import { KIND } from "../store/kinds";
import type { ApiRequest, HandlerMap, Input, Wire } from "./types";

interface RecursionDoc {
  RecursiveLoop: "Allow" | "Terminate";
}

interface ScalingDoc {
  FunctionScalingConfig: Wire<FunctionScalingConfig>;
}

interface RuntimeManagementDoc {
  UpdateRuntimeOn: "Auto" | "Manual" | "FunctionUpdate";
  RuntimeVersionArn?: string;
}

/** The function named by a parameter whose pattern has no qualifier; it must exist. */
function requireFunctionName(ctx: EmulatorContext, functionName: string): string {
  const target = parseTarget(ctx, functionName);
  resolveVersion(ctx, { name: target.name });
  return target.name;
}

// PUT /2024-08-31/functions/{FunctionName}/recursion-config — PutFunctionRecursionConfig
const putFunctionRecursionConfig = (
  req: ApiRequest<Input<PutFunctionRecursionConfigRequest, "FunctionName" | "RecursiveLoop">>,
  ctx: EmulatorContext,
) => {
  const doc: RecursionDoc = { RecursiveLoop: req.input.RecursiveLoop };
  ctx.resources.transaction(() => {
    const name = requireFunctionName(ctx, req.input.FunctionName);
    ctx.resources.put(KIND.recursionConfig, name, doc, name);
  });
  return { body: doc };
};

// GET /2024-08-31/functions/{FunctionName}/recursion-config — GetFunctionRecursionConfig
const getFunctionRecursionConfig = (
  req: ApiRequest<Input<GetFunctionRecursionConfigRequest, "FunctionName">>,
  ctx: EmulatorContext,
) => {
  const name = requireFunctionName(ctx, req.input.FunctionName);
  const doc = ctx.resources.get<RecursionDoc>(KIND.recursionConfig, name);
  // Lambda stops detected recursive loops unless told otherwise.
  return { body: { RecursiveLoop: doc?.RecursiveLoop ?? "Terminate" } };
};

/**
 * The published version a scaling-config qualifier names: a version number, or `$LATEST.PUBLISHED` for
 * the newest published version.
 */
function scalingTarget(ctx: EmulatorContext, functionName: string, qualifier: string): VersionRecord {
  const name = requireFunctionName(ctx, functionName);
  const record =
    qualifier === "$LATEST.PUBLISHED" ? ctx.functions.latestPublished(name) : ctx.functions.get(name, qualifier);
  if (!record) throw functionNotFound(arnOf(ctx, name, qualifier));
  return record;
}

// PUT /2025-11-30/functions/{FunctionName}/function-scaling-config — PutFunctionScalingConfig
const putFunctionScalingConfig = (
  req: ApiRequest<Input<PutFunctionScalingConfigRequest, "FunctionName" | "Qualifier">>,
  ctx: EmulatorContext,
) => {
  const input = req.input;
  const config = input.FunctionScalingConfig ?? {};
  const min = config.MinExecutionEnvironments ?? undefined;
  const max = config.MaxExecutionEnvironments ?? undefined;
  if (min !== undefined && max !== undefined && min > max) {
    throw invalidParameter(
      `MinExecutionEnvironments (${min}) must be less than or equal to MaxExecutionEnvironments (${max}).`,
    );
  }
  const state = ctx.resources.transaction(() => {
    const record = scalingTarget(ctx, input.FunctionName, input.Qualifier);
    // Scaling by execution environments exists only for functions running on a capacity provider.
    if (!record.config.CapacityProviderConfig) {
      throw invalidParameter(
        `Function scaling configuration is only supported for Lambda Managed Instances functions; ${record.config.FunctionArn} has no CapacityProviderConfig.`,
      );
    }
    const doc: ScalingDoc = {
      FunctionScalingConfig: {
        ...(min !== undefined ? { MinExecutionEnvironments: min } : {}),
        ...(max !== undefined ? { MaxExecutionEnvironments: max } : {}),
      },
    };
    ctx.resources.put(KIND.scalingConfig, `${record.name}:${input.Qualifier}`, doc, record.name);
    return record.config.State;
  });
  return { status: 202, body: { FunctionState: state } };
};

// GET /2025-11-30/functions/{FunctionName}/function-scaling-config — GetFunctionScalingConfig
const getFunctionScalingConfig = (
  req: ApiRequest<Input<GetFunctionScalingConfigRequest, "FunctionName" | "Qualifier">>,
  ctx: EmulatorContext,
) => {
  const record = scalingTarget(ctx, req.input.FunctionName, req.input.Qualifier);
  const doc = ctx.resources.get<ScalingDoc>(KIND.scalingConfig, `${record.name}:${req.input.Qualifier}`);
  return {
    body: {
      FunctionArn: arnOf(ctx, record.name, req.input.Qualifier),
      // Nothing provisions environments here, so what was requested is what applies.
      ...(doc
        ? {
            RequestedFunctionScalingConfig: doc.FunctionScalingConfig,
            AppliedFunctionScalingConfig: doc.FunctionScalingConfig,
          }
        : {}),
    },
  };
};

/** The version a runtime-management qualifier names ($LATEST when absent); aliases are not versions. */
function runtimeTarget(
  ctx: EmulatorContext,
  functionName: string,
  qualifier: string | null | undefined,
): { record: VersionRecord; arn: string } {
  const target = parseTarget(ctx, functionName, qualifier);
  const q = target.qualifier ?? "$LATEST";
  if (!isVersionQualifier(q)) {
    throw invalidParameter(
      `Runtime management configuration applies to $LATEST or a published version number, not '${q}'.`,
    );
  }
  const record = resolveVersion(ctx, { name: target.name, qualifier: q });
  return { record, arn: q === "$LATEST" ? arnOf(ctx, target.name) : arnOf(ctx, target.name, q) };
}

// PUT /2021-07-20/functions/{FunctionName}/runtime-management-config — PutRuntimeManagementConfig
const putRuntimeManagementConfig = (
  req: ApiRequest<Input<PutRuntimeManagementConfigRequest, "FunctionName" | "UpdateRuntimeOn">>,
  ctx: EmulatorContext,
) => {
  const input = req.input;
  if (input.UpdateRuntimeOn === "Manual" && !input.RuntimeVersionArn) {
    throw invalidParameter("RuntimeVersionArn is required when UpdateRuntimeOn is Manual.");
  }
  if (input.UpdateRuntimeOn !== "Manual" && input.RuntimeVersionArn) {
    throw invalidParameter("RuntimeVersionArn can only be specified when UpdateRuntimeOn is Manual.");
  }
  if (input.RuntimeVersionArn) {
    const region = /^arn:[a-zA-Z-]+:lambda:([a-z0-9-]+)::runtime:/.exec(input.RuntimeVersionArn)?.[1];
    if (region !== ctx.config.region) {
      throw invalidParameter(
        `The runtime version ${input.RuntimeVersionArn} is not available in this region (${ctx.config.region}).`,
      );
    }
  }
  const doc: RuntimeManagementDoc = {
    UpdateRuntimeOn: input.UpdateRuntimeOn,
    ...(input.RuntimeVersionArn ? { RuntimeVersionArn: input.RuntimeVersionArn } : {}),
  };
  const arn = ctx.resources.transaction(() => {
    const { record, arn } = runtimeTarget(ctx, input.FunctionName, input.Qualifier);
    if (record.config.PackageType === "Image") {
      throw invalidParameter("Runtime management configuration is not supported for container image functions.");
    }
    ctx.resources.put(KIND.runtimeManagement, `${record.name}:${record.version}`, doc, record.name);
    return arn;
  });
  return { body: { ...doc, FunctionArn: arn } };
};

// GET /2021-07-20/functions/{FunctionName}/runtime-management-config — GetRuntimeManagementConfig
const getRuntimeManagementConfig = (
  req: ApiRequest<Input<GetRuntimeManagementConfigRequest, "FunctionName">>,
  ctx: EmulatorContext,
) => {
  const { record, arn } = runtimeTarget(ctx, req.input.FunctionName, req.input.Qualifier);
  const doc = ctx.resources.get<RuntimeManagementDoc>(KIND.runtimeManagement, `${record.name}:${record.version}`);
  // Auto is the default; a runtime version ARN is reported only in Manual mode.
  return {
    body: {
      UpdateRuntimeOn: doc?.UpdateRuntimeOn ?? "Auto",
      FunctionArn: arn,
      ...(doc?.RuntimeVersionArn ? { RuntimeVersionArn: doc.RuntimeVersionArn } : {}),
    },
  };
};

export const functionSettingsHandlers: HandlerMap = {
  PutFunctionRecursionConfig: putFunctionRecursionConfig,
  GetFunctionRecursionConfig: getFunctionRecursionConfig,
  PutFunctionScalingConfig: putFunctionScalingConfig,
  GetFunctionScalingConfig: getFunctionScalingConfig,
  PutRuntimeManagementConfig: putRuntimeManagementConfig,
  GetRuntimeManagementConfig: getRuntimeManagementConfig,
};
