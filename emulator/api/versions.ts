/** Versions: publishing $LATEST as an immutable numbered version, and listing a function's versions. */
import type { ListVersionsByFunctionRequest, PublishVersionRequest } from "@aws-sdk/client-lambda";
import type { EmulatorContext } from "../context";
import { invalidParameter, LambdaError } from "../errors";
import { publishVersion } from "../functions/lifecycle";
import { configAsRequested, functionNameOf, qualifierSortKey } from "../functions/qualifiers";
import { paginate, sortedBy } from "./paging";
import type { ApiRequest, HandlerMap, Input } from "./types";

/** The service returns at most 50 versions per call, whatever MaxItems says. */
const VERSIONS_PAGE_MAX = 50;

// POST /2015-03-31/functions/{FunctionName}/versions — PublishVersion
const publish = (req: ApiRequest<Input<PublishVersionRequest, "FunctionName">>, ctx: EmulatorContext) => {
  const name = functionNameOf(ctx, req.input.FunctionName);
  if (req.input.PublishTo) {
    // $LATEST.PUBLISHED belongs to functions on Lambda Managed Instances (a capacity provider).
    if (!ctx.functions.get(name)?.config.CapacityProviderConfig) {
      throw invalidParameter("PublishTo is only supported for functions that use a capacity provider.");
    }
    throw new LambdaError(
      "ServiceException",
      501,
      "PublishTo LATEST_PUBLISHED is not implemented by this emulator yet.",
    );
  }
  const record = publishVersion(ctx, name, {
    description: req.input.Description,
    codeSha256: req.input.CodeSha256,
    revisionId: req.input.RevisionId,
  });
  return { status: 201, body: record.config };
};

// GET /2015-03-31/functions/{FunctionName}/versions — ListVersionsByFunction
const listVersions = (req: ApiRequest<Input<ListVersionsByFunctionRequest, "FunctionName">>, ctx: EmulatorContext) => {
  const name = functionNameOf(ctx, req.input.FunctionName);
  // $LATEST is listed with its qualified ARN, like every published version.
  const versions = ctx.functions.versions(name).map((v) => configAsRequested(ctx, v.config, v.version));
  const key = (v: (typeof versions)[number]) => qualifierSortKey(v.Version);
  const page = paginate(sortedBy(versions, key), key, req.input, {
    defaultLimit: VERSIONS_PAGE_MAX,
    maxLimit: VERSIONS_PAGE_MAX,
  });
  return { body: { Versions: page.items, ...(page.nextMarker ? { NextMarker: page.nextMarker } : {}) } };
};

export const versionHandlers: HandlerMap = {
  PublishVersion: publish,
  ListVersionsByFunction: listVersions,
};
