/**
 * Function URL configs: at most one URL per function ($LATEST) and per alias; never on a version number.
 * This module stores the configuration only; serving requests on the URLs is the URL server's business
 * (see functions/function-url.ts for how it finds a config by host).
 */
import type {
  CreateFunctionUrlConfigRequest,
  DeleteFunctionUrlConfigRequest,
  GetFunctionUrlConfigRequest,
  ListFunctionUrlConfigsRequest,
  UpdateFunctionUrlConfigRequest,
} from "@aws-sdk/client-lambda";
import type { EmulatorContext } from "../context";
import { invalidParameter, resourceConflict, resourceNotFound } from "../errors";
import { functionUrlOf, newUrlId, type FunctionUrlDoc } from "../functions/function-url";
import { isVersionNumber, qualifierKey, qualifierSortKey } from "../functions/qualifiers";
import { arnOf, getAlias, parseTarget } from "../functions/resolve";
import { KIND } from "../store/kinds";
import { paginate, sortedBy } from "./paging";
import type { ApiRequest, HandlerMap, Input } from "./types";

const URLS_PAGE_MAX = 50;
const QUALIFIER_PATTERN = "((?!^\\d+$)^[0-9a-zA-Z-_]+$)";

const functionMissing = () => resourceNotFound("Function does not exist");
const configMissing = () => resourceNotFound("The resource you requested does not exist.");

interface UrlTarget {
  name: string;
  /** `$LATEST` or an alias name. */
  qualifier: string;
}

/** FunctionName + Qualifier of a URL action: the function, or one of its aliases. */
function urlTarget(ctx: EmulatorContext, functionName: string, qualifierParam: string | undefined | null): UrlTarget {
  const { name, qualifier } = parseTarget(ctx, functionName, qualifierParam);
  // A qualifier inside the FunctionName escapes the Qualifier pattern check; apply it here.
  if (qualifier && isVersionNumber(qualifier)) {
    throw invalidParameter(
      `1 validation error detected: Value '${qualifier}' at 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern: ${QUALIFIER_PATTERN}`,
    );
  }
  if (!ctx.functions.exists(name)) throw functionMissing();
  if (!qualifier || qualifier === "$LATEST") return { name, qualifier: "$LATEST" };
  if (!getAlias(ctx, name, qualifier)) throw functionMissing();
  return { name, qualifier };
}

const getDoc = (ctx: EmulatorContext, t: UrlTarget) =>
  ctx.resources.get<FunctionUrlDoc>(KIND.functionUrl, qualifierKey(t.name, t.qualifier));

/** The FunctionUrlConfig view (Get, Update, List). */
function configView(ctx: EmulatorContext, doc: FunctionUrlDoc) {
  return {
    FunctionUrl: functionUrlOf(ctx, doc.UrlId),
    FunctionArn: doc.FunctionArn,
    AuthType: doc.AuthType,
    ...(doc.Cors ? { Cors: doc.Cors } : {}),
    CreationTime: doc.CreationTime,
    LastModifiedTime: doc.LastModifiedTime,
    InvokeMode: doc.InvokeMode,
  };
}

const CORS_MEMBERS = ["AllowCredentials", "AllowHeaders", "AllowMethods", "AllowOrigins", "ExposeHeaders", "MaxAge"];

/** Cors as stored: the reference's members that were given (unknown members are ignored, as on input). */
function corsOf(cors: FunctionUrlDoc["Cors"] | null | undefined): FunctionUrlDoc["Cors"] | undefined {
  if (!cors) return undefined;
  return Object.fromEntries(
    Object.entries(cors).filter(([k, v]) => CORS_MEMBERS.includes(k) && v !== null && v !== undefined),
  );
}

// POST /2021-10-31/functions/{FunctionName}/url — CreateFunctionUrlConfig
const createUrl = (
  req: ApiRequest<Input<CreateFunctionUrlConfigRequest, "FunctionName" | "AuthType">>,
  ctx: EmulatorContext,
) => {
  const input = req.input;
  const doc = ctx.resources.transaction(() => {
    const t = urlTarget(ctx, input.FunctionName, input.Qualifier);
    const arn = t.qualifier === "$LATEST" ? arnOf(ctx, t.name) : arnOf(ctx, t.name, t.qualifier);
    if (getDoc(ctx, t)) {
      throw resourceConflict(
        `Failed to create function url config for [functionArn = ${arn}]. Error message:  FunctionUrlConfig exists for this Lambda function`,
      );
    }
    const now = new Date().toISOString();
    const cors = corsOf(input.Cors);
    const created: FunctionUrlDoc = {
      UrlId: newUrlId(ctx),
      FunctionName: t.name,
      Qualifier: t.qualifier,
      FunctionArn: arn,
      AuthType: input.AuthType,
      ...(cors ? { Cors: cors } : {}),
      InvokeMode: input.InvokeMode ?? "BUFFERED",
      CreationTime: now,
      LastModifiedTime: now,
    };
    ctx.resources.insert(KIND.functionUrl, qualifierKey(t.name, t.qualifier), created, t.name);
    return created;
  });
  const { LastModifiedTime: _omitted, ...view } = configView(ctx, doc);
  return { status: 201, body: view };
};

// GET /2021-10-31/functions/{FunctionName}/url — GetFunctionUrlConfig
const getUrl = (req: ApiRequest<Input<GetFunctionUrlConfigRequest, "FunctionName">>, ctx: EmulatorContext) => {
  const doc = getDoc(ctx, urlTarget(ctx, req.input.FunctionName, req.input.Qualifier));
  if (!doc) throw configMissing();
  return { body: configView(ctx, doc) };
};

// PUT /2021-10-31/functions/{FunctionName}/url — UpdateFunctionUrlConfig
const updateUrl = (req: ApiRequest<Input<UpdateFunctionUrlConfigRequest, "FunctionName">>, ctx: EmulatorContext) => {
  const input = req.input;
  const doc = ctx.resources.transaction(() => {
    const t = urlTarget(ctx, input.FunctionName, input.Qualifier);
    const current = getDoc(ctx, t);
    if (!current) throw configMissing();
    const next: FunctionUrlDoc = {
      ...current,
      ...(input.AuthType ? { AuthType: input.AuthType } : {}),
      ...(input.InvokeMode ? { InvokeMode: input.InvokeMode } : {}),
      LastModifiedTime: new Date().toISOString(),
    };
    // Cors given replaces the whole Cors setting.
    if (input.Cors) {
      const cors = corsOf(input.Cors);
      if (cors) next.Cors = cors;
    }
    ctx.resources.put(KIND.functionUrl, qualifierKey(t.name, t.qualifier), next, t.name);
    return next;
  });
  return { body: configView(ctx, doc) };
};

// DELETE /2021-10-31/functions/{FunctionName}/url — DeleteFunctionUrlConfig
const deleteUrl = (req: ApiRequest<Input<DeleteFunctionUrlConfigRequest, "FunctionName">>, ctx: EmulatorContext) => {
  ctx.resources.transaction(() => {
    const t = urlTarget(ctx, req.input.FunctionName, req.input.Qualifier);
    if (!ctx.resources.delete(KIND.functionUrl, qualifierKey(t.name, t.qualifier))) throw configMissing();
  });
  return { status: 204 };
};

// GET /2021-10-31/functions/{FunctionName}/urls — ListFunctionUrlConfigs
const listUrls = (req: ApiRequest<Input<ListFunctionUrlConfigsRequest, "FunctionName">>, ctx: EmulatorContext) => {
  const { name } = parseTarget(ctx, req.input.FunctionName);
  if (!ctx.functions.exists(name)) throw functionMissing();
  const docs = ctx.resources.all<FunctionUrlDoc>(KIND.functionUrl, { parent: name });
  const key = (d: FunctionUrlDoc) => qualifierSortKey(d.Qualifier);
  const page = paginate(sortedBy(docs, key), key, req.input, { defaultLimit: URLS_PAGE_MAX, maxLimit: URLS_PAGE_MAX });
  return {
    body: {
      FunctionUrlConfigs: page.items.map((d) => configView(ctx, d)),
      ...(page.nextMarker ? { NextMarker: page.nextMarker } : {}),
    },
  };
};

export const functionUrlHandlers: HandlerMap = {
  CreateFunctionUrlConfig: createUrl,
  GetFunctionUrlConfig: getUrl,
  UpdateFunctionUrlConfig: updateUrl,
  DeleteFunctionUrlConfig: deleteUrl,
  ListFunctionUrlConfigs: listUrls,
};
