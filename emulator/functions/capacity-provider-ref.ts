/**
 * Capacity providers as functions refer to them (CapacityProviderConfig on CreateFunction and
 * UpdateFunctionConfiguration). The documents themselves belong to api/capacity-providers.ts.
 */
import type { CapacityProvider, CapacityProviderConfig } from "@aws-sdk/client-lambda";
import type { Wire } from "../api/types";
import type { EmulatorContext } from "../context";
import { LambdaError, invalidParameter } from "../errors";
import { KIND } from "../store/kinds";
import { arnOf } from "./resolve";

export type CapacityProviderDoc = Wire<CapacityProvider> & { CapacityProviderArn: string; State: string };

/** The service's quota of function versions on one capacity provider. */
export const VERSIONS_PER_CAPACITY_PROVIDER = 100;

const CP_ARN = /^arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\d{12}):capacity-provider:([a-zA-Z0-9_-]+)$/;

/** The capacity provider an ARN names, when it is one of this emulator's (same region and account). */
export function findCapacityProvider(ctx: EmulatorContext, arn: string): CapacityProviderDoc | undefined {
  const m = CP_ARN.exec(arn);
  if (!m || m[1] !== ctx.config.region || m[2] !== ctx.config.accountId) return undefined;
  return ctx.resources.get<CapacityProviderDoc>(KIND.capacityProvider, m[3]!);
}

/** The CapacityProviderArn a function configuration refers to, if any. */
export function capacityProviderArnOf(config: { CapacityProviderConfig?: unknown } | undefined): string | undefined {
  const cp = config?.CapacityProviderConfig as Wire<CapacityProviderConfig> | undefined;
  return cp?.LambdaManagedInstancesCapacityProviderConfig?.CapacityProviderArn ?? undefined;
}

/** Every function version (name, version) that runs on a capacity provider. */
export function versionsOnCapacityProvider(
  ctx: EmulatorContext,
  arn: string,
): { name: string; version: string; seq: number; functionArn: string; state: string }[] {
  return ctx.functions
    .allVersions(undefined, -1)
    .filter((v) => capacityProviderArnOf(v.config) === arn)
    .map((v) => ({
      name: v.name,
      version: v.version,
      seq: v.seq,
      functionArn: arnOf(ctx, v.name, v.version),
      state: v.config.State ?? "Active",
    }));
}

/**
 * Checks a function's CapacityProviderConfig: the provider must exist and not be on its way out.
 * `addsVersion` counts the function version about to be created against the per-provider quota.
 */
export function checkCapacityProviderConfig(
  ctx: EmulatorContext,
  config: Wire<CapacityProviderConfig> | undefined | null,
  options: { addsVersion?: boolean } = {},
): void {
  const arn = config?.LambdaManagedInstancesCapacityProviderConfig?.CapacityProviderArn;
  if (!arn) return;
  const provider = findCapacityProvider(ctx, arn);
  if (!provider || provider.State === "Deleting") {
    throw invalidParameter(`The capacity provider ${arn} does not exist.`);
  }
  if (options.addsVersion && versionsOnCapacityProvider(ctx, arn).length >= VERSIONS_PER_CAPACITY_PROVIDER) {
    throw new LambdaError(
      "FunctionVersionsPerCapacityProviderLimitExceededException",
      400,
      `The capacity provider ${arn} already has the maximum of ${VERSIONS_PER_CAPACITY_PROVIDER} function versions.`,
    );
  }
}
