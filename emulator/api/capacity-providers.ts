/**
 * Capacity providers (Lambda Managed Instances): create, read, list, update, delete, and the function
 * versions that run on one. Nothing is provisioned offline; a provider goes Pending → Active (and
 * Deleting → gone) after the configured transition delay, as the service reports it asynchronously.
 */
import type {
  CreateCapacityProviderRequest,
  DeleteCapacityProviderRequest,
  GetCapacityProviderRequest,
  ListCapacityProvidersRequest,
  ListFunctionVersionsByCapacityProviderRequest,
  UpdateCapacityProviderRequest,
} from "@aws-sdk/client-lambda";
import type { EmulatorContext } from "../context";
import { LambdaError, invalidParameter, resourceConflict, resourceNotFound } from "../errors";
import { lastModified } from "../functions/config";
import { versionsOnCapacityProvider, type CapacityProviderDoc } from "../functions/capacity-provider-ref";
import { addTags } from "../functions/tags";
import { KIND } from "../store/kinds";
import { paginate, sortedBy } from "./paging";
import { isOverdue, scheduleTransition } from "./state-transitions";
import type { ApiRequest, HandlerMap, Input, Wire } from "./types";

const MAX_LIST = 50;
/** The service's default quota of capacity providers per account. */
const MAX_PROVIDERS = 1000;

type ScalingConfig = Wire<CreateCapacityProviderRequest>["CapacityProviderScalingConfig"];
type InstanceRequirements = Wire<CreateCapacityProviderRequest>["InstanceRequirements"];

function providerArn(ctx: EmulatorContext, name: string): string {
  return `arn:aws:lambda:${ctx.config.region}:${ctx.config.accountId}:capacity-provider:${name}`;
}

/** A CapacityProviderName parameter (name or ARN) as a bare name; `foreign` for another region/account. */
function providerRef(ctx: EmulatorContext, value: string): { name: string; foreign: boolean } {
  const m = /^arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\d{12}):capacity-provider:([a-zA-Z0-9_-]+)$/.exec(value);
  if (!m) return { name: value, foreign: false };
  return { name: m[3]!, foreign: m[1] !== ctx.config.region || m[2] !== ctx.config.accountId };
}

const notFound = (name: string) => resourceNotFound(`Capacity provider ${name} not found.`);

/** Moves a provider past its transitional state: Pending → Active, Deleting → removed. */
function settle(ctx: EmulatorContext, name: string): void {
  ctx.resources.transaction(() => {
    const doc = ctx.resources.get<CapacityProviderDoc>(KIND.capacityProvider, name);
    if (!doc) return;
    if (doc.State === "Pending") {
      ctx.resources.put<CapacityProviderDoc>(KIND.capacityProvider, name, { ...doc, State: "Active" });
    } else if (doc.State === "Deleting") {
      ctx.resources.delete(KIND.capacityProvider, name);
      ctx.resources.delete(KIND.tags, doc.CapacityProviderArn);
    }
  });
}

/** Settles transitions whose timer was lost (the emulator stopped before it fired). */
function settleOverdue(ctx: EmulatorContext): void {
  for (const { key, doc } of ctx.resources.entries<CapacityProviderDoc>(KIND.capacityProvider)) {
    if ((doc.State === "Pending" || doc.State === "Deleting") && isOverdue(ctx, Date.parse(lastModifiedIso(doc)))) {
      settle(ctx, key);
    }
  }
}

/** LastModified is `2024-01-01T00:00:00.000+0000`; Date.parse wants `+00:00`. */
function lastModifiedIso(doc: CapacityProviderDoc): string {
  return (doc.LastModified ?? "").replace(/\+0000$/, "Z");
}

function requireProvider(ctx: EmulatorContext, value: string): CapacityProviderDoc {
  const ref = providerRef(ctx, value);
  const doc = ref.foreign ? undefined : ctx.resources.get<CapacityProviderDoc>(KIND.capacityProvider, ref.name);
  if (!doc) throw notFound(ref.name);
  return doc;
}

function checkScaling(scaling: ScalingConfig): NonNullable<ScalingConfig> {
  const mode = scaling?.ScalingMode ?? "Auto";
  const policies = scaling?.ScalingPolicies ?? undefined;
  if (mode === "Auto" && policies?.length) {
    throw invalidParameter("ScalingPolicies can only be specified when ScalingMode is Manual.");
  }
  if (mode === "Manual" && !policies?.length) {
    throw invalidParameter("ScalingPolicies must be specified when ScalingMode is Manual.");
  }
  return {
    ScalingMode: mode,
    ...(scaling?.MaxVCpuCount !== undefined && scaling.MaxVCpuCount !== null
      ? { MaxVCpuCount: scaling.MaxVCpuCount }
      : {}),
    ...(policies?.length ? { ScalingPolicies: policies } : {}),
  };
}

function checkInstanceRequirements(req: InstanceRequirements): NonNullable<InstanceRequirements> {
  if (req?.AllowedInstanceTypes?.length && req.ExcludedInstanceTypes?.length) {
    throw invalidParameter("AllowedInstanceTypes and ExcludedInstanceTypes cannot both be specified.");
  }
  return {
    Architectures: req?.Architectures ?? ["x86_64"],
    ...(req?.AllowedInstanceTypes?.length ? { AllowedInstanceTypes: req.AllowedInstanceTypes } : {}),
    ...(req?.ExcludedInstanceTypes?.length ? { ExcludedInstanceTypes: req.ExcludedInstanceTypes } : {}),
  };
}

// POST /2025-11-30/capacity-providers — CreateCapacityProvider
const createCapacityProvider = (
  req: ApiRequest<Input<CreateCapacityProviderRequest, "CapacityProviderName" | "VpcConfig" | "PermissionsConfig">>,
  ctx: EmulatorContext,
) => {
  const input = req.input;
  const ref = providerRef(ctx, input.CapacityProviderName);
  if (ref.foreign) {
    throw invalidParameter(
      `The capacity provider ARN ${input.CapacityProviderName} does not belong to this account and region.`,
    );
  }
  const arn = providerArn(ctx, ref.name);
  const doc: CapacityProviderDoc = {
    CapacityProviderArn: arn,
    State: "Pending",
    VpcConfig: { SubnetIds: input.VpcConfig.SubnetIds ?? [], SecurityGroupIds: input.VpcConfig.SecurityGroupIds ?? [] },
    PermissionsConfig: input.PermissionsConfig,
    InstanceRequirements: checkInstanceRequirements(input.InstanceRequirements),
    CapacityProviderScalingConfig: checkScaling(input.CapacityProviderScalingConfig),
    ...(input.KmsKeyArn ? { KmsKeyArn: input.KmsKeyArn } : {}),
    ...(input.PropagateTags ? { PropagateTags: input.PropagateTags } : {}),
    LastModified: lastModified(),
  };
  ctx.resources.transaction(() => {
    settleOverdue(ctx);
    if (ctx.resources.get(KIND.capacityProvider, ref.name)) {
      throw resourceConflict(`Capacity provider ${ref.name} already exists.`);
    }
    if (ctx.resources.count(KIND.capacityProvider) >= MAX_PROVIDERS) {
      throw new LambdaError(
        "CapacityProviderLimitExceededException",
        400,
        `The maximum number of capacity providers (${MAX_PROVIDERS}) for this account has been reached.`,
      );
    }
    ctx.resources.insert(KIND.capacityProvider, ref.name, doc);
    // Tags go through the same limits as TagResource (tags.ts).
    if (input.Tags && Object.keys(input.Tags).length > 0) addTags(ctx, arn, input.Tags);
  });
  scheduleTransition(ctx, `capacity provider ${ref.name}`, () => settle(ctx, ref.name));
  return { status: 202, body: { CapacityProvider: doc } };
};

// GET /2025-11-30/capacity-providers/{CapacityProviderName} — GetCapacityProvider
const getCapacityProvider = (
  req: ApiRequest<Input<GetCapacityProviderRequest, "CapacityProviderName">>,
  ctx: EmulatorContext,
) => {
  settleOverdue(ctx);
  return { body: { CapacityProvider: requireProvider(ctx, req.input.CapacityProviderName) } };
};

// PUT /2025-11-30/capacity-providers/{CapacityProviderName} — UpdateCapacityProvider
const updateCapacityProvider = (
  req: ApiRequest<Input<UpdateCapacityProviderRequest, "CapacityProviderName">>,
  ctx: EmulatorContext,
) => {
  const input = req.input;
  settleOverdue(ctx);
  const next = ctx.resources.transaction(() => {
    const current = requireProvider(ctx, input.CapacityProviderName);
    if (current.State !== "Active") {
      throw resourceConflict(
        `The capacity provider ${current.CapacityProviderArn} cannot be updated while it is ${current.State}.`,
      );
    }
    const updated: CapacityProviderDoc = {
      ...current,
      ...(input.CapacityProviderScalingConfig
        ? { CapacityProviderScalingConfig: checkScaling(input.CapacityProviderScalingConfig) }
        : {}),
      ...(input.PropagateTags ? { PropagateTags: input.PropagateTags } : {}),
      LastModified: lastModified(),
    };
    ctx.resources.put(KIND.capacityProvider, providerRef(ctx, input.CapacityProviderName).name, updated);
    return updated;
  });
  return { status: 202, body: { CapacityProvider: next } };
};

// DELETE /2025-11-30/capacity-providers/{CapacityProviderName} — DeleteCapacityProvider
const deleteCapacityProvider = (
  req: ApiRequest<Input<DeleteCapacityProviderRequest, "CapacityProviderName">>,
  ctx: EmulatorContext,
) => {
  settleOverdue(ctx);
  const name = providerRef(ctx, req.input.CapacityProviderName).name;
  const next = ctx.resources.transaction(() => {
    const current = requireProvider(ctx, req.input.CapacityProviderName);
    if (current.State === "Deleting") {
      throw resourceConflict(`The capacity provider ${current.CapacityProviderArn} is already being deleted.`);
    }
    const users = versionsOnCapacityProvider(ctx, current.CapacityProviderArn);
    if (users.length > 0) {
      throw resourceConflict(
        `The capacity provider ${current.CapacityProviderArn} cannot be deleted because it is used by function versions: [${users
          .map((u) => u.functionArn)
          .join(", ")}].`,
      );
    }
    const deleting: CapacityProviderDoc = { ...current, State: "Deleting", LastModified: lastModified() };
    ctx.resources.put(KIND.capacityProvider, name, deleting);
    return deleting;
  });
  scheduleTransition(ctx, `capacity provider ${name}`, () => settle(ctx, name));
  return { status: 202, body: { CapacityProvider: next } };
};

// GET /2025-11-30/capacity-providers — ListCapacityProviders
const listCapacityProviders = (req: ApiRequest<Input<ListCapacityProvidersRequest>>, ctx: EmulatorContext) => {
  settleOverdue(ctx);
  const entries = ctx.resources
    .entries<CapacityProviderDoc>(KIND.capacityProvider)
    .filter((e) => !req.input.State || e.doc.State === req.input.State);
  const page = paginate(entries, (e) => e.seq, req.input, { defaultLimit: MAX_LIST, maxLimit: MAX_LIST });
  return {
    body: {
      CapacityProviders: page.items.map((e) => e.doc),
      ...(page.nextMarker ? { NextMarker: page.nextMarker } : {}),
    },
  };
};

// GET /2025-11-30/capacity-providers/{CapacityProviderName}/function-versions — ListFunctionVersionsByCapacityProvider
const listFunctionVersionsByCapacityProvider = (
  req: ApiRequest<Input<ListFunctionVersionsByCapacityProviderRequest, "CapacityProviderName">>,
  ctx: EmulatorContext,
) => {
  settleOverdue(ctx);
  const provider = requireProvider(ctx, req.input.CapacityProviderName);
  // Ordered by function name, then version ($LATEST first); the key keeps names' own order.
  const keyOf = (v: { name: string; seq: number }) => `${v.name}\u0000${String(v.seq).padStart(10, "0")}`;
  const versions = sortedBy(versionsOnCapacityProvider(ctx, provider.CapacityProviderArn), keyOf);
  const page = paginate(versions, keyOf, req.input, { defaultLimit: MAX_LIST, maxLimit: MAX_LIST });
  return {
    body: {
      CapacityProviderArn: provider.CapacityProviderArn,
      FunctionVersions: page.items.map((v) => ({ FunctionArn: v.functionArn, State: v.state })),
      ...(page.nextMarker ? { NextMarker: page.nextMarker } : {}),
    },
  };
};

export const capacityProviderHandlers: HandlerMap = {
  CreateCapacityProvider: createCapacityProvider,
  GetCapacityProvider: getCapacityProvider,
  UpdateCapacityProvider: updateCapacityProvider,
  DeleteCapacityProvider: deleteCapacityProvider,
  ListCapacityProviders: listCapacityProviders,
  ListFunctionVersionsByCapacityProvider: listFunctionVersionsByCapacityProvider,
};
