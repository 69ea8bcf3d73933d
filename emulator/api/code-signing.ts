/**
 * Code signing configurations and their attachment to functions.
 *
 * Signatures are never verified: AWS Signer and its signing-profile certificates are out of reach offline.
 * Both policies (Warn and Enforce) therefore accept unsigned code, and the emulator logs a warning when a
 * function is attached to an Enforce configuration (docs/api-coverage.md explains the choice).
 */
import { randomBytes } from "node:crypto";
import type {
  CreateCodeSigningConfigRequest,
  DeleteCodeSigningConfigRequest,
  DeleteFunctionCodeSigningConfigRequest,
  GetCodeSigningConfigRequest,
  GetFunctionCodeSigningConfigRequest,
  ListCodeSigningConfigsRequest,
  ListFunctionsByCodeSigningConfigRequest,
  PutFunctionCodeSigningConfigRequest,
  UpdateCodeSigningConfigRequest,
} from "@aws-sdk/client-lambda";
import type { EmulatorContext } from "../context";
import { invalidParameter, resourceConflict, resourceNotFound } from "../errors";
import { lastModified } from "../functions/config";
import {
  findCodeSigningConfig,
  requireCodeSigningConfig,
  type CodeSigningConfigDoc,
} from "../functions/code-signing-ref";
import { arnOf, parseTarget, resolveVersion } from "../functions/resolve";
import { addTags } from "../functions/tags";
import { KIND } from "../store/kinds";
import { paginate, sortedBy } from "./paging";
import type { ApiRequest, HandlerMap, Input } from "./types";

const DEFAULT_LIST = 50;
const MAX_LIST = 10_000;

interface FunctionCodeSigningDoc {
  CodeSigningConfigArn: string;
  FunctionName: string;
}

function notFound(arn: string) {
  return resourceNotFound(`The Lambda code signing configuration ${arn} can not be found.`);
}

function requireConfig(ctx: EmulatorContext, arn: string): CodeSigningConfigDoc {
  const doc = findCodeSigningConfig(ctx, arn);
  if (!doc) throw notFound(arn);
  return doc;
}

/** Names of the functions attached to a config, in name order. */
function functionsUsing(ctx: EmulatorContext, arn: string): string[] {
  return ctx.resources
    .entries<FunctionCodeSigningDoc>(KIND.functionCodeSigning)
    .filter((e) => e.doc.CodeSigningConfigArn === arn)
    .map((e) => e.key)
    .sort();
}

/** Function-level settings refuse a qualifier, with the service's wording. */
function unqualifiedFunction(ctx: EmulatorContext, functionName: string): string {
  const target = parseTarget(ctx, functionName);
  if (target.qualifier) {
    throw invalidParameter(
      "This operation is permitted on Lambda functions only. Aliases and versions do not support this operation. Please specify either a function name or an unqualified function ARN.",
    );
  }
  resolveVersion(ctx, { name: target.name });
  return target.name;
}

// 17 lowercase hex characters, as the service's ids (csc-0123456789abcdef0).
const newConfigId = () => `csc-${randomBytes(9).toString("hex").slice(0, 17)}`;

// POST /2020-04-22/code-signing-configs — CreateCodeSigningConfig
const createCodeSigningConfig = (
  req: ApiRequest<Input<CreateCodeSigningConfigRequest, "AllowedPublishers">>,
  ctx: EmulatorContext,
) => {
  const input = req.input;
  const id = newConfigId();
  const arn = `arn:aws:lambda:${ctx.config.region}:${ctx.config.accountId}:code-signing-config:${id}`;
  const doc: CodeSigningConfigDoc = {
    CodeSigningConfigId: id,
    CodeSigningConfigArn: arn,
    Description: input.Description ?? "",
    AllowedPublishers: { SigningProfileVersionArns: input.AllowedPublishers.SigningProfileVersionArns ?? [] },
    CodeSigningPolicies: {
      UntrustedArtifactOnDeployment: input.CodeSigningPolicies?.UntrustedArtifactOnDeployment ?? "Warn",
    },
    LastModified: lastModified(),
  };
  ctx.resources.transaction(() => {
    ctx.resources.insert(KIND.codeSigningConfig, id, doc);
    // Tags go through the same limits as TagResource (tags.ts).
    if (input.Tags && Object.keys(input.Tags).length > 0) addTags(ctx, arn, input.Tags);
  });
  return { status: 201, body: { CodeSigningConfig: doc } };
};

// GET /2020-04-22/code-signing-configs/{CodeSigningConfigArn} — GetCodeSigningConfig
const getCodeSigningConfig = (
  req: ApiRequest<Input<GetCodeSigningConfigRequest, "CodeSigningConfigArn">>,
  ctx: EmulatorContext,
) => ({ body: { CodeSigningConfig: requireConfig(ctx, req.input.CodeSigningConfigArn) } });

// PUT /2020-04-22/code-signing-configs/{CodeSigningConfigArn} — UpdateCodeSigningConfig
const updateCodeSigningConfig = (
  req: ApiRequest<Input<UpdateCodeSigningConfigRequest, "CodeSigningConfigArn">>,
  ctx: EmulatorContext,
) => {
  const input = req.input;
  const next = ctx.resources.transaction(() => {
    const current = requireConfig(ctx, input.CodeSigningConfigArn);
    const updated: CodeSigningConfigDoc = {
      ...current,
      ...(input.Description !== undefined && input.Description !== null ? { Description: input.Description } : {}),
      ...(input.AllowedPublishers
        ? { AllowedPublishers: { SigningProfileVersionArns: input.AllowedPublishers.SigningProfileVersionArns ?? [] } }
        : {}),
      ...(input.CodeSigningPolicies
        ? {
            CodeSigningPolicies: {
              UntrustedArtifactOnDeployment: input.CodeSigningPolicies.UntrustedArtifactOnDeployment ?? "Warn",
            },
          }
        : {}),
      LastModified: lastModified(),
    };
    ctx.resources.put(KIND.codeSigningConfig, current.CodeSigningConfigId, updated);
    return updated;
  });
  return { body: { CodeSigningConfig: next } };
};

// DELETE /2020-04-22/code-signing-configs/{CodeSigningConfigArn} — DeleteCodeSigningConfig
const deleteCodeSigningConfig = (
  req: ApiRequest<Input<DeleteCodeSigningConfigRequest, "CodeSigningConfigArn">>,
  ctx: EmulatorContext,
) => {
  const arn = req.input.CodeSigningConfigArn;
  ctx.resources.transaction(() => {
    const doc = requireConfig(ctx, arn);
    const users = functionsUsing(ctx, arn);
    if (users.length > 0) {
      throw resourceConflict(
        `The code signing configuration ${arn} cannot be deleted because it is used by the following functions: [${users.join(", ")}]. Remove it from them first (DeleteFunctionCodeSigningConfig).`,
      );
    }
    ctx.resources.delete(KIND.codeSigningConfig, doc.CodeSigningConfigId);
    ctx.resources.delete(KIND.tags, arn);
  });
  return { status: 204 };
};

// GET /2020-04-22/code-signing-configs — ListCodeSigningConfigs
const listCodeSigningConfigs = (req: ApiRequest<Input<ListCodeSigningConfigsRequest>>, ctx: EmulatorContext) => {
  const entries = ctx.resources.entries<CodeSigningConfigDoc>(KIND.codeSigningConfig);
  const page = paginate(entries, (e) => e.seq, req.input, { defaultLimit: DEFAULT_LIST, maxLimit: MAX_LIST });
  return {
    body: {
      CodeSigningConfigs: page.items.map((e) => e.doc),
      ...(page.nextMarker ? { NextMarker: page.nextMarker } : {}),
    },
  };
};

// GET /2020-04-22/code-signing-configs/{CodeSigningConfigArn}/functions — ListFunctionsByCodeSigningConfig
const listFunctionsByCodeSigningConfig = (
  req: ApiRequest<Input<ListFunctionsByCodeSigningConfigRequest, "CodeSigningConfigArn">>,
  ctx: EmulatorContext,
) => {
  const arn = req.input.CodeSigningConfigArn;
  requireConfig(ctx, arn);
  const names = sortedBy(functionsUsing(ctx, arn), (n) => n);
  const page = paginate(names, (n) => n, req.input, { defaultLimit: DEFAULT_LIST, maxLimit: MAX_LIST });
  return {
    body: {
      FunctionArns: page.items.map((n) => arnOf(ctx, n)),
      ...(page.nextMarker ? { NextMarker: page.nextMarker } : {}),
    },
  };
};

// PUT /2020-06-30/functions/{FunctionName}/code-signing-config — PutFunctionCodeSigningConfig
const putFunctionCodeSigningConfig = (
  req: ApiRequest<Input<PutFunctionCodeSigningConfigRequest, "FunctionName" | "CodeSigningConfigArn">>,
  ctx: EmulatorContext,
) => {
  const arn = req.input.CodeSigningConfigArn;
  const doc = ctx.resources.transaction(() => {
    requireCodeSigningConfig(ctx, arn);
    const name = unqualifiedFunction(ctx, req.input.FunctionName);
    const next: FunctionCodeSigningDoc = { CodeSigningConfigArn: arn, FunctionName: name };
    ctx.resources.put(KIND.functionCodeSigning, name, next, name);
    return next;
  });
  return { body: doc };
};

// GET /2020-06-30/functions/{FunctionName}/code-signing-config — GetFunctionCodeSigningConfig
const getFunctionCodeSigningConfig = (
  req: ApiRequest<Input<GetFunctionCodeSigningConfigRequest, "FunctionName">>,
  ctx: EmulatorContext,
) => {
  const name = unqualifiedFunction(ctx, req.input.FunctionName);
  const doc = ctx.resources.get<FunctionCodeSigningDoc>(KIND.functionCodeSigning, name);
  // A function without a config answers 200 with an empty body, as the service does.
  return { body: doc ? { CodeSigningConfigArn: doc.CodeSigningConfigArn, FunctionName: name } : {} };
};

// DELETE /2020-06-30/functions/{FunctionName}/code-signing-config — DeleteFunctionCodeSigningConfig
const deleteFunctionCodeSigningConfig = (
  req: ApiRequest<Input<DeleteFunctionCodeSigningConfigRequest, "FunctionName">>,
  ctx: EmulatorContext,
) => {
  const name = unqualifiedFunction(ctx, req.input.FunctionName);
  ctx.resources.delete(KIND.functionCodeSigning, name);
  return { status: 204 };
};

export const codeSigningHandlers: HandlerMap = {
  CreateCodeSigningConfig: createCodeSigningConfig,
  GetCodeSigningConfig: getCodeSigningConfig,
  UpdateCodeSigningConfig: updateCodeSigningConfig,
  DeleteCodeSigningConfig: deleteCodeSigningConfig,
  ListCodeSigningConfigs: listCodeSigningConfigs,
  ListFunctionsByCodeSigningConfig: listFunctionsByCodeSigningConfig,
  PutFunctionCodeSigningConfig: putFunctionCodeSigningConfig,
  GetFunctionCodeSigningConfig: getFunctionCodeSigningConfig,
  DeleteFunctionCodeSigningConfig: deleteFunctionCodeSigningConfig,
};
