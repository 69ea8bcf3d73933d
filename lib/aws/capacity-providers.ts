/** Capacity provider verbs (Lambda Managed Instances), named like the API. */
import "server-only";
import {
  CreateCapacityProviderCommand,
  DeleteCapacityProviderCommand,
  ListCapacityProvidersCommand,
  UpdateCapacityProviderCommand,
  type Architecture,
  type CapacityProvider as SdkCapacityProvider,
  type CapacityProviderScalingConfig,
  type CapacityProviderScalingMode,
} from "@aws-sdk/client-lambda";
import type { CapacityProvider } from "@/lib/lambda-types";
import { call } from "./call";
import { lambdaClient } from "./client";

function toProvider(p: SdkCapacityProvider | undefined): CapacityProvider | undefined {
  if (!p?.CapacityProviderArn) return undefined;
  const req = p.InstanceRequirements;
  const scaling = p.CapacityProviderScalingConfig;
  const target = scaling?.ScalingPolicies?.[0]?.TargetValue;
  return {
    CapacityProviderArn: p.CapacityProviderArn,
    Name: p.CapacityProviderArn.split(":").at(-1) ?? p.CapacityProviderArn,
    ...(p.State ? { State: p.State } : {}),
    SubnetIds: [...(p.VpcConfig?.SubnetIds ?? [])],
    SecurityGroupIds: [...(p.VpcConfig?.SecurityGroupIds ?? [])],
    ...(p.PermissionsConfig?.CapacityProviderOperatorRoleArn
      ? { OperatorRoleArn: p.PermissionsConfig.CapacityProviderOperatorRoleArn }
      : {}),
    ...(req?.Architectures?.length ? { Architectures: [...req.Architectures] } : {}),
    ...(req?.AllowedInstanceTypes?.length ? { AllowedInstanceTypes: [...req.AllowedInstanceTypes] } : {}),
    ...(req?.ExcludedInstanceTypes?.length ? { ExcludedInstanceTypes: [...req.ExcludedInstanceTypes] } : {}),
    ...(scaling?.ScalingMode ? { ScalingMode: scaling.ScalingMode } : {}),
    ...(scaling?.MaxVCpuCount !== undefined ? { MaxVCpuCount: scaling.MaxVCpuCount } : {}),
    ...(target !== undefined ? { TargetCpuUtilization: target } : {}),
    ...(p.KmsKeyArn ? { KmsKeyArn: p.KmsKeyArn } : {}),
    ...(p.LastModified ? { LastModified: p.LastModified } : {}),
  };
}

function required(p: CapacityProvider | undefined): CapacityProvider {
  if (!p) throw new Error("Lambda answered without the capacity provider's ARN");
  return p;
}

export async function listCapacityProviders(): Promise<CapacityProvider[]> {
  const providers: CapacityProvider[] = [];
  let marker: string | undefined;
  do {
    const out = await call(() =>
      lambdaClient().send(new ListCapacityProvidersCommand({ Marker: marker, MaxItems: 50 })),
    );
    for (const p of out.CapacityProviders ?? []) {
      const provider = toProvider(p);
      if (provider) providers.push(provider);
    }
    marker = out.NextMarker;
  } while (marker);
  return providers;
}

export interface ScalingInput {
  scalingMode: "Auto" | "Manual";
  maxVCpuCount?: number;
  /** Manual mode's target average CPU utilization (%). */
  targetCpuUtilization?: number;
}

function scalingConfig(input: ScalingInput): CapacityProviderScalingConfig {
  return {
    ScalingMode: input.scalingMode as CapacityProviderScalingMode,
    ...(input.maxVCpuCount !== undefined ? { MaxVCpuCount: input.maxVCpuCount } : {}),
    ...(input.scalingMode === "Manual" && input.targetCpuUtilization !== undefined
      ? {
          ScalingPolicies: [
            {
              PredefinedMetricType: "LambdaCapacityProviderAverageCPUUtilization",
              TargetValue: input.targetCpuUtilization,
            },
          ],
        }
      : {}),
  };
}

export async function createCapacityProvider(
  input: ScalingInput & {
    name: string;
    subnetIds: string[];
    securityGroupIds: string[];
    operatorRoleArn: string;
    architecture?: "x86_64" | "arm64";
    allowedInstanceTypes?: string[];
    excludedInstanceTypes?: string[];
  },
): Promise<CapacityProvider> {
  const out = await call(() =>
    lambdaClient().send(
      new CreateCapacityProviderCommand({
        CapacityProviderName: input.name,
        VpcConfig: { SubnetIds: input.subnetIds, SecurityGroupIds: input.securityGroupIds },
        PermissionsConfig: { CapacityProviderOperatorRoleArn: input.operatorRoleArn },
        InstanceRequirements: {
          ...(input.architecture ? { Architectures: [input.architecture as Architecture] } : {}),
          ...(input.allowedInstanceTypes?.length ? { AllowedInstanceTypes: input.allowedInstanceTypes } : {}),
          ...(input.excludedInstanceTypes?.length ? { ExcludedInstanceTypes: input.excludedInstanceTypes } : {}),
        },
        CapacityProviderScalingConfig: scalingConfig(input),
      }),
    ),
  );
  return required(toProvider(out.CapacityProvider));
}

/** Only the scaling configuration can change after creation. */
export async function updateCapacityProvider(name: string, input: ScalingInput): Promise<CapacityProvider> {
  const out = await call(() =>
    lambdaClient().send(
      new UpdateCapacityProviderCommand({
        CapacityProviderName: name,
        CapacityProviderScalingConfig: scalingConfig(input),
      }),
    ),
  );
  return required(toProvider(out.CapacityProvider));
}

export async function deleteCapacityProvider(name: string): Promise<void> {
  await call(() => lambdaClient().send(new DeleteCapacityProviderCommand({ CapacityProviderName: name })));
}
