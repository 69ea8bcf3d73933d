/**
 * Reserved concurrency (per function) and provisioned concurrency (per published version or alias),
 * with the service's accounting against the account's 1000 concurrent executions.
 */
import type {
  DeleteFunctionConcurrencyRequest,
  DeleteProvisionedConcurrencyConfigRequest,
  GetFunctionConcurrencyRequest,
  GetProvisionedConcurrencyConfigRequest,
  ListProvisionedConcurrencyConfigsRequest,
  PutFunctionConcurrencyRequest,
  PutProvisionedConcurrencyConfigRequest,
} from "@aws-sdk/client-lambda";
import type { EmulatorContext } from "../context";
import { invalidParameter, LambdaError, resourceConflict } from "../errors";
import {
  ACCOUNT_CONCURRENCY_LIMIT,
  MIN_UNRESERVED_CONCURRENCY,
  reservedConcurrencyOf,
  totalReservedConcurrency,
  unreservedConcurrency,
  type ReservedConcurrencyDoc,
} from "../functions/concurrency";
import {
  getProvisionedConcurrency,
  listProvisionedConcurrency,
  releaseAllocation,
  requestedDoc,
  resumeAllocations,
  saveProvisionedConcurrency,
  startAllocation,
  type ProvisionedConcurrencyDoc,
} from "../functions/provisioned-concurrency";
import {
  functionNameOf,
  qualifierKey,
  qualifierSortKey,
  resolveQualifier,
  type ResolvedQualifier,
} from "../functions/qualifiers";
import { arnOf, parseTarget, type AliasDoc } from "../functions/resolve";
import { KIND } from "../store/kinds";
import { paginate, sortedBy } from "./paging";
import type { ApiRequest, HandlerMap, Input } from "./types";

const PROVISIONED_PAGE_MAX = 50;

const provisionedTotal = (docs: ProvisionedConcurrencyDoc[]) =>
  docs.reduce((sum, d) => sum + d.RequestedProvisionedConcurrentExecutions, 0);

// PUT /2017-10-31/functions/{FunctionName}/concurrency — PutFunctionConcurrency
const putFunctionConcurrency = (
  req: ApiRequest<Input<PutFunctionConcurrencyRequest, "FunctionName" | "ReservedConcurrentExecutions">>,
  ctx: EmulatorContext,
) => {
  const requested = req.input.ReservedConcurrentExecutions;
  const doc = ctx.resources.transaction(() => {
    const name = functionNameOf(ctx, req.input.FunctionName);
    const others = totalReservedConcurrency(ctx) - (reservedConcurrencyOf(ctx, name) ?? 0);
    if (ACCOUNT_CONCURRENCY_LIMIT - others - requested < MIN_UNRESERVED_CONCURRENCY) {
      throw invalidParameter(
        `Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${MIN_UNRESERVED_CONCURRENCY}].`,
      );
    }
    const provisioned = provisionedTotal(listProvisionedConcurrency(ctx, name));
    if (requested < provisioned) {
      throw invalidParameter(
        `ReservedConcurrentExecutions ${requested} should not be lower than function's total provisioned concurrency [${provisioned}].`,
      );
    }
    const next: ReservedConcurrencyDoc = { ReservedConcurrentExecutions: requested };
    ctx.resources.put(KIND.concurrency, name, next, name);
    return next;
  });
  return { body: doc };
};

// GET /2019-09-30/functions/{FunctionName}/concurrency — GetFunctionConcurrency
const getFunctionConcurrency = (
  req: ApiRequest<Input<GetFunctionConcurrencyRequest, "FunctionName">>,
  ctx: EmulatorContext,
) => {
  const name = functionNameOf(ctx, req.input.FunctionName);
  const reserved = reservedConcurrencyOf(ctx, name);
  // No reservation answers an empty object.
  return { body: reserved === undefined ? {} : { ReservedConcurrentExecutions: reserved } };
};

// DELETE /2017-10-31/functions/{FunctionName}/concurrency — DeleteFunctionConcurrency
const deleteFunctionConcurrency = (
  req: ApiRequest<Input<DeleteFunctionConcurrencyRequest, "FunctionName">>,
  ctx: EmulatorContext,
) => {
  ctx.resources.transaction(() => {
    const name = functionNameOf(ctx, req.input.FunctionName);
    ctx.resources.delete(KIND.concurrency, name);
  });
  return { status: 204 };
};

/** Provisioned concurrency applies to a published version or an alias, never to $LATEST. */
function provisionedTarget(
  ctx: EmulatorContext,
  functionName: string,
  qualifier: string,
  latestMessage: string,
): ResolvedQualifier {
  const target = parseTarget(ctx, functionName, qualifier);
  if (!target.qualifier || target.qualifier === "$LATEST") throw invalidParameter(latestMessage);
  return resolveQualifier(ctx, target.name, target.qualifier);
}

const NOT_PUBLISHED = "The function resource provided must be an alias or a published version.";

function publicView(doc: ProvisionedConcurrencyDoc) {
  return {
    RequestedProvisionedConcurrentExecutions: doc.RequestedProvisionedConcurrentExecutions,
    AvailableProvisionedConcurrentExecutions: doc.AvailableProvisionedConcurrentExecutions,
    AllocatedProvisionedConcurrentExecutions: doc.AllocatedProvisionedConcurrentExecutions,
    Status: doc.Status,
    ...(doc.StatusReason ? { StatusReason: doc.StatusReason } : {}),
    LastModified: doc.LastModified,
  };
}

/** The service refuses provisioning one version both directly and through an alias. */
function checkOverlap(ctx: EmulatorContext, target: ResolvedQualifier): void {
  if (target.kind === "alias") {
    if (getProvisionedConcurrency(ctx, target.name, target.version)) {
      throw resourceConflict(
        "Alias can't be used for Provisioned Concurrency configuration on an already Provisioned version",
      );
    }
    return;
  }
  const aliases = ctx.resources.all<AliasDoc>(KIND.alias, { parent: target.name });
  const pointing = aliases.filter(
    (a) =>
      a.FunctionVersion === target.version ||
      Object.keys(a.RoutingConfig?.AdditionalVersionWeights ?? {}).includes(target.version),
  );
  if (pointing.some((a) => getProvisionedConcurrency(ctx, target.name, a.Name))) {
    throw resourceConflict("Version is pointed by a Provisioned Concurrency alias");
  }
}

function checkCapacity(ctx: EmulatorContext, target: ResolvedQualifier, requested: number): void {
  const others = listProvisionedConcurrency(ctx, target.name).filter((d) => d.Qualifier !== target.qualifier);
  const reserved = reservedConcurrencyOf(ctx, target.name);
  if (reserved !== undefined) {
    if (provisionedTotal(others) + requested > reserved) {
      throw invalidParameter(
        "Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function",
      );
    }
    return;
  }
  // Without a reservation, provisioned concurrency comes out of the account's unreserved pool, which must
  // keep its minimum; functions with a reservation are already accounted for in `unreserved`.
  const unreserved = unreservedConcurrency(ctx);
  const provisionedUnreserved = listProvisionedConcurrency(ctx)
    .filter((d) => !(d.FunctionName === target.name && d.Qualifier === target.qualifier))
    .filter((d) => reservedConcurrencyOf(ctx, d.FunctionName) === undefined);
  const available = unreserved - MIN_UNRESERVED_CONCURRENCY - provisionedTotal(provisionedUnreserved);
  if (requested > available) {
    throw invalidParameter(
      `Specified ConcurrentExecutions for function is greater than account's unreserved concurrency [${unreserved}]. The maximum value you can specify is ${Math.max(available, 0)}.`,
    );
  }
}

// PUT /2019-09-30/functions/{FunctionName}/provisioned-concurrency — PutProvisionedConcurrencyConfig
const putProvisionedConcurrencyConfig = (
  req: ApiRequest<
    Input<PutProvisionedConcurrencyConfigRequest, "FunctionName" | "Qualifier" | "ProvisionedConcurrentExecutions">
  >,
  ctx: EmulatorContext,
) => {
  const requested = req.input.ProvisionedConcurrentExecutions;
  const doc = ctx.resources.transaction(() => {
    const target = provisionedTarget(
      ctx,
      req.input.FunctionName,
      req.input.Qualifier,
      "Provisioned Concurrency Configs cannot be applied to unpublished function versions.",
    );
    checkOverlap(ctx, target);
    checkCapacity(ctx, target, requested);
    const previous = getProvisionedConcurrency(ctx, target.name, target.qualifier);
    const next = requestedDoc(previous, {
      functionName: target.name,
      qualifier: target.qualifier,
      version: target.version,
      requested,
    });
    saveProvisionedConcurrency(ctx, next);
    return next;
  });
  startAllocation(ctx, doc);
  return { status: 202, body: publicView(doc) };
};

// GET /2019-09-30/functions/{FunctionName}/provisioned-concurrency — GetProvisionedConcurrencyConfig
const getProvisionedConcurrencyConfig = (
  req: ApiRequest<Input<GetProvisionedConcurrencyConfigRequest, "FunctionName" | "Qualifier">>,
  ctx: EmulatorContext,
) => {
  const target = provisionedTarget(ctx, req.input.FunctionName, req.input.Qualifier, NOT_PUBLISHED);
  const doc = getProvisionedConcurrency(ctx, target.name, target.qualifier);
  if (!doc) {
    throw new LambdaError(
      "ProvisionedConcurrencyConfigNotFoundException",
      404,
      "No Provisioned Concurrency Config found for this function",
    );
  }
  resumeAllocations(ctx, [doc]);
  return { body: publicView(doc) };
};

// DELETE /2019-09-30/functions/{FunctionName}/provisioned-concurrency — DeleteProvisionedConcurrencyConfig
const deleteProvisionedConcurrencyConfig = (
  req: ApiRequest<Input<DeleteProvisionedConcurrencyConfigRequest, "FunctionName" | "Qualifier">>,
  ctx: EmulatorContext,
) => {
  // Deleting a config that does not exist succeeds, as in the service.
  const deleted = ctx.resources.transaction(() => {
    const target = provisionedTarget(ctx, req.input.FunctionName, req.input.Qualifier, NOT_PUBLISHED);
    return ctx.resources.delete(KIND.provisionedConcurrency, qualifierKey(target.name, target.qualifier))
      ? target
      : undefined;
  });
  if (deleted) releaseAllocation(ctx, deleted.name, deleted.qualifier);
  return { status: 204 };
};

// GET /2019-09-30/functions/{FunctionName}/provisioned-concurrency?List=ALL — ListProvisionedConcurrencyConfigs
const listProvisionedConcurrencyConfigs = (
  req: ApiRequest<Input<ListProvisionedConcurrencyConfigsRequest, "FunctionName">>,
  ctx: EmulatorContext,
) => {
  const name = functionNameOf(ctx, req.input.FunctionName);
  const docs = listProvisionedConcurrency(ctx, name);
  resumeAllocations(ctx, docs);
  const key = (d: ProvisionedConcurrencyDoc) => qualifierSortKey(d.Qualifier);
  const page = paginate(sortedBy(docs, key), key, req.input, {
    defaultLimit: PROVISIONED_PAGE_MAX,
    maxLimit: PROVISIONED_PAGE_MAX,
  });
  return {
    body: {
      ProvisionedConcurrencyConfigs: page.items.map((d) => ({
        FunctionArn: arnOf(ctx, d.FunctionName, d.Qualifier),
        ...publicView(d),
      })),
      ...(page.nextMarker ? { NextMarker: page.nextMarker } : {}),
    },
  };
};

export const concurrencyHandlers: HandlerMap = {
  PutFunctionConcurrency: putFunctionConcurrency,
  GetFunctionConcurrency: getFunctionConcurrency,
  DeleteFunctionConcurrency: deleteFunctionConcurrency,
  PutProvisionedConcurrencyConfig: putProvisionedConcurrencyConfig,
  GetProvisionedConcurrencyConfig: getProvisionedConcurrencyConfig,
  DeleteProvisionedConcurrencyConfig: deleteProvisionedConcurrencyConfig,
  ListProvisionedConcurrencyConfigs: listProvisionedConcurrencyConfigs,
};
