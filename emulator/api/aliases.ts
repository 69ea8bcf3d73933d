/**
 * Aliases: named pointers to a version, optionally splitting traffic with one more published version
 * (RoutingConfig.AdditionalVersionWeights). Documents are `AliasDoc` (functions/resolve.ts) in
 * KIND.alias under `${fn}:${alias}`; the invoke path reads the same documents for weighted routing.
 */
import { randomUUID } from "node:crypto";
import type {
  AliasRoutingConfiguration,
  CreateAliasRequest,
  DeleteAliasRequest,
  GetAliasRequest,
  ListAliasesRequest,
  UpdateAliasRequest,
} from "@aws-sdk/client-lambda";
import type { EmulatorContext } from "../context";
import { assertRevision, functionNotFound, invalidParameter, resourceConflict } from "../errors";
import {
  getProvisionedConcurrency,
  releaseAllocation,
  requestedDoc,
  saveProvisionedConcurrency,
  startAllocation,
  type ProvisionedConcurrencyDoc,
} from "../functions/provisioned-concurrency";
import { aliasNotFound, functionNameOf, qualifierKey } from "../functions/qualifiers";
import { arnOf, getAlias, type AliasDoc } from "../functions/resolve";
import { KIND } from "../store/kinds";
import { paginate, sortedBy } from "./paging";
import type { ApiRequest, HandlerMap, Input, Wire } from "./types";

/** Page size when MaxItems is absent; MaxItems may ask for up to the reference's 10000. */
const ALIASES_DEFAULT_PAGE = 50;
const ALIASES_PAGE_MAX = 10_000;

/** Per-qualifier documents that belong to an alias and go with it. */
const ALIAS_SCOPED_KINDS = [
  KIND.policy,
  KIND.functionUrl,
  KIND.eventInvokeConfig,
  KIND.provisionedConcurrency,
  KIND.scalingConfig,
  KIND.runtimeManagement,
];

function requireVersion(ctx: EmulatorContext, name: string, version: string): void {
  if (!ctx.functions.get(name, version)) throw functionNotFound(arnOf(ctx, name, version));
}

/**
 * The routing config the service accepts: at most one additional version, a published version other
 * than the primary one, weight between 0 and 1, and never on an alias of $LATEST.
 */
function checkRouting(
  ctx: EmulatorContext,
  name: string,
  primary: string,
  routing: Wire<AliasRoutingConfiguration> | undefined | null,
): AliasDoc["RoutingConfig"] | undefined {
  const entries = Object.entries(routing?.AdditionalVersionWeights ?? {});
  if (entries.length === 0) return undefined;
  if (entries.length > 1) {
    throw invalidParameter("Number of items in AdditionalVersionWeights cannot be greater than 1");
  }
  const [version, weight] = entries[0] as [string, number];
  if (!(typeof weight === "number" && weight >= 0 && weight <= 1)) {
    throw invalidParameter(
      `1 validation error detected: Value '{${version}=${String(weight)}}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0, Member must not be null]`,
    );
  }
  if (version === primary) {
    throw invalidParameter(
      `Invalid function version ${primary}. Function version ${primary} is already included in routing configuration.`,
    );
  }
  if (primary === "$LATEST")
    throw invalidParameter("$LATEST is not supported for an alias pointing to more than 1 version");
  requireVersion(ctx, name, version);
  return { AdditionalVersionWeights: { [version]: weight } };
}

// POST /2015-03-31/functions/{FunctionName}/aliases — CreateAlias
const createAlias = (
  req: ApiRequest<Input<CreateAliasRequest, "FunctionName" | "Name" | "FunctionVersion">>,
  ctx: EmulatorContext,
) => {
  const { Name: alias, FunctionVersion: version } = req.input;
  const doc = ctx.resources.transaction(() => {
    const name = functionNameOf(ctx, req.input.FunctionName);
    requireVersion(ctx, name, version);
    const arn = arnOf(ctx, name, alias);
    if (getAlias(ctx, name, alias)) throw resourceConflict(`Alias already exists: ${arn}`);
    const routing = checkRouting(ctx, name, version, req.input.RoutingConfig);
    const created: AliasDoc = {
      AliasArn: arn,
      Name: alias,
      FunctionVersion: version,
      Description: req.input.Description ?? "",
      ...(routing ? { RoutingConfig: routing } : {}),
      RevisionId: randomUUID(),
    };
    ctx.resources.insert(KIND.alias, qualifierKey(name, alias), created, name);
    return created;
  });
  return { status: 201, body: doc };
};

// GET /2015-03-31/functions/{FunctionName}/aliases/{Name} — GetAlias
const getAliasHandler = (req: ApiRequest<Input<GetAliasRequest, "FunctionName" | "Name">>, ctx: EmulatorContext) => {
  const name = functionNameOf(ctx, req.input.FunctionName);
  const doc = getAlias(ctx, name, req.input.Name);
  if (!doc) throw aliasNotFound(ctx, name, req.input.Name);
  return { body: doc };
};

// GET /2015-03-31/functions/{FunctionName}/aliases — ListAliases
const listAliases = (req: ApiRequest<Input<ListAliasesRequest, "FunctionName">>, ctx: EmulatorContext) => {
  const name = functionNameOf(ctx, req.input.FunctionName);
  const wanted = req.input.FunctionVersion;
  const aliases = ctx.resources
    .all<AliasDoc>(KIND.alias, { parent: name })
    .filter((a) => !wanted || a.FunctionVersion === wanted);
  const byName = (a: AliasDoc) => a.Name;
  const page = paginate(sortedBy(aliases, byName), byName, req.input, {
    defaultLimit: ALIASES_DEFAULT_PAGE,
    maxLimit: ALIASES_PAGE_MAX,
  });
  return { body: { Aliases: page.items, ...(page.nextMarker ? { NextMarker: page.nextMarker } : {}) } };
};

// PUT /2015-03-31/functions/{FunctionName}/aliases/{Name} — UpdateAlias
const updateAlias = (req: ApiRequest<Input<UpdateAliasRequest, "FunctionName" | "Name">>, ctx: EmulatorContext) => {
  const input = req.input;
  let reprovision: ProvisionedConcurrencyDoc | undefined;
  const doc = ctx.resources.transaction(() => {
    const name = functionNameOf(ctx, input.FunctionName);
    const current = getAlias(ctx, name, input.Name);
    if (!current) throw aliasNotFound(ctx, name, input.Name);
    assertRevision(input.RevisionId, current.RevisionId);
    const primary = input.FunctionVersion ?? current.FunctionVersion;
    if (input.FunctionVersion) requireVersion(ctx, name, primary);
    // A new primary version must still agree with the routing config that stays.
    const routing = checkRouting(ctx, name, primary, input.RoutingConfig ?? current.RoutingConfig);
    const next: AliasDoc = {
      AliasArn: current.AliasArn,
      Name: current.Name,
      FunctionVersion: primary,
      Description: input.Description ?? current.Description ?? "",
      ...(routing ? { RoutingConfig: routing } : {}),
      RevisionId: randomUUID(),
    };
    ctx.resources.put(KIND.alias, qualifierKey(name, input.Name), next, name);
    // Provisioned concurrency follows the alias to its new version.
    const provisioned = getProvisionedConcurrency(ctx, name, input.Name);
    if (provisioned && provisioned.Version !== primary) {
      reprovision = requestedDoc(provisioned, {
        functionName: name,
        qualifier: input.Name,
        version: primary,
        requested: provisioned.RequestedProvisionedConcurrentExecutions,
      });
      saveProvisionedConcurrency(ctx, reprovision);
    }
    return next;
  });
  if (reprovision) startAllocation(ctx, reprovision);
  return { body: doc };
};

// DELETE /2015-03-31/functions/{FunctionName}/aliases/{Name} — DeleteAlias
const deleteAlias = (req: ApiRequest<Input<DeleteAliasRequest, "FunctionName" | "Name">>, ctx: EmulatorContext) => {
  const alias = req.input.Name;
  // Deleting an alias that does not exist succeeds (the reference lists no not-found error here).
  const removed = ctx.resources.transaction(() => {
    const name = functionNameOf(ctx, req.input.FunctionName);
    const had = getProvisionedConcurrency(ctx, name, alias) !== undefined;
    if (!ctx.resources.delete(KIND.alias, qualifierKey(name, alias))) return undefined;
    for (const kind of ALIAS_SCOPED_KINDS) ctx.resources.delete(kind, qualifierKey(name, alias));
    return { name, hadProvisioned: had };
  });
  if (removed?.hadProvisioned) releaseAllocation(ctx, removed.name, alias);
  return { status: 204 };
};

export const aliasHandlers: HandlerMap = {
  CreateAlias: createAlias,
  GetAlias: getAliasHandler,
  ListAliases: listAliases,
  UpdateAlias: updateAlias,
  DeleteAlias: deleteAlias,
};
