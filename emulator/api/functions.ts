/** Functions: create, read, list, update code and configuration, delete. */
import type {
  CreateFunctionRequest,
  DeleteFunctionRequest,
  GetFunctionConfigurationRequest,
  GetFunctionRequest,
  ListFunctionsRequest,
  UpdateFunctionCodeRequest,
  UpdateFunctionConfigurationRequest,
} from "@aws-sdk/client-lambda";
import type { EmulatorContext } from "../context";
import { codeDownloadUrl } from "../downloads";
import { assertRevision, invalidParameter, LambdaError, resourceConflict } from "../errors";
import {
  applyConfigUpdate,
  assertNotUpdating,
  finalize,
  inProgress,
  lastModified,
  newFunctionConfig,
} from "../functions/config";
import { deleteFunction, deleteVersion, publishVersion, scheduleSettle } from "../functions/lifecycle";
import { requireCodeSigningConfig } from "../functions/code-signing-ref";
import { arnOf, parseTarget, resolveVersion } from "../functions/resolve";
import { configAsRequested } from "../functions/qualifiers";
import type { StoredCode } from "../store/code-store";
import type { FunctionConfig } from "../store/functions-repo";
import { KIND } from "../store/kinds";
import { storeUploadedZip } from "../store/zip-upload";
import type { ApiRequest, HandlerMap, Input } from "./types";
import { randomUUID } from "node:crypto";

/** Stores an uploaded zip, or explains why the code cannot be used here. */
function storeCode(
  ctx: EmulatorContext,
  code: { ZipFile?: string | null; S3Bucket?: string | null; S3Key?: string | null; ImageUri?: string | null },
): StoredCode | undefined {
  if (code.ZipFile) return storeUploadedZip(ctx, code.ZipFile);
  if (code.S3Bucket || code.S3Key) {
    // There is no S3 offline; say so rather than pretend.
    throw invalidParameter(
      `Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error Message: The emulator has no S3; upload the code as ZipFile instead (bucket ${code.S3Bucket ?? "?"}).`,
    );
  }
  return undefined;
}

function imageCode(ctx: EmulatorContext, name: string, version: string) {
  const image = ctx.resources.get<{ ImageUri: string }>(KIND.imageUri, `${name}:${version}`);
  return { RepositoryType: "ECR", ImageUri: image?.ImageUri, ResolvedImageUri: image?.ImageUri };
}

function tagsOf(ctx: EmulatorContext, name: string): Record<string, string> | undefined {
  return ctx.resources.get<Record<string, string>>(KIND.tags, arnOf(ctx, name));
}

const createFunction = (
  req: ApiRequest<Input<CreateFunctionRequest, "FunctionName" | "Code" | "Role">>,
  ctx: EmulatorContext,
) => {
  const input = req.input;
  const target = parseTarget(ctx, input.FunctionName);
  if (target.qualifier) throw invalidParameter("Function name cannot contain a qualifier when creating a function.");
  const name = target.name;
  if (name.length > 64) {
    throw invalidParameter(
      `1 validation error detected: Value '${name}' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 64`,
    );
  }
  const packageType = input.PackageType ?? "Zip";
  if (packageType === "Zip" && !input.Code.ZipFile && !input.Code.S3Bucket) {
    throw invalidParameter("Please provide a source for function code.");
  }
  if (packageType === "Image" && !input.Code.ImageUri) {
    throw invalidParameter("Please provide ImageUri when the PackageType is Image.");
  }
  if (ctx.functions.exists(name)) throw resourceConflict(`Function already exist: ${name}`);
  if (input.CodeSigningConfigArn) requireCodeSigningConfig(ctx, input.CodeSigningConfigArn);
  const code = packageType === "Zip" ? storeCode(ctx, input.Code) : undefined;
  const config = newFunctionConfig(ctx, input, name, code);

  let response: FunctionConfig = config;
  ctx.functions.transaction(() => {
    if (!ctx.functions.create(config, code?.hash ?? null)) throw resourceConflict(`Function already exist: ${name}`);
    if (input.Code.ImageUri)
      ctx.resources.put(KIND.imageUri, `${name}:$LATEST`, { ImageUri: input.Code.ImageUri }, name);
    if (input.Tags && Object.keys(input.Tags).length > 0)
      ctx.resources.put(KIND.tags, arnOf(ctx, name), input.Tags, name);
    if (input.CodeSigningConfigArn) {
      ctx.resources.put(
        KIND.functionCodeSigning,
        name,
        { CodeSigningConfigArn: input.CodeSigningConfigArn, FunctionName: name },
        name,
      );
    }
    if (input.Publish) response = publishVersion(ctx, name, { partOfUpdate: true }).config;
  });
  scheduleSettle(ctx, name);
  return { status: 201, body: response };
};

const getFunction = (req: ApiRequest<Input<GetFunctionRequest, "FunctionName">>, ctx: EmulatorContext) => {
  const target = parseTarget(ctx, req.input.FunctionName, req.input.Qualifier);
  const record = resolveVersion(ctx, target);
  const config = configAsRequested(ctx, record.config, target.qualifier);
  const code =
    config.PackageType === "Image"
      ? imageCode(ctx, record.name, record.version)
      : { RepositoryType: "S3", Location: record.codeHash ? codeDownloadUrl(ctx, record.codeHash) : undefined };
  const tags = tagsOf(ctx, record.name);
  const concurrency = ctx.resources.get<{ ReservedConcurrentExecutions: number }>(KIND.concurrency, record.name);
  return {
    body: {
      Configuration: config,
      Code: code,
      ...(tags ? { Tags: tags } : {}),
      ...(concurrency ? { Concurrency: concurrency } : {}),
    },
  };
};

const getFunctionConfiguration = (
  req: ApiRequest<Input<GetFunctionConfigurationRequest, "FunctionName">>,
  ctx: EmulatorContext,
) => {
  const target = parseTarget(ctx, req.input.FunctionName, req.input.Qualifier);
  return { body: configAsRequested(ctx, resolveVersion(ctx, target).config, target.qualifier) };
};

const MAX_LIST = 50;

function decodeMarker(marker: string): { name: string; seq: number } {
  try {
    const v = JSON.parse(Buffer.from(marker, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(v) && typeof v[0] === "string" && typeof v[1] === "number") return { name: v[0], seq: v[1] };
  } catch {
    // fall through to the service's error
  }
  throw invalidParameter("Invalid pagination token.");
}

const encodeMarker = (name: string, seq: number) => Buffer.from(JSON.stringify([name, seq])).toString("base64url");

const listFunctions = (req: ApiRequest<Input<ListFunctionsRequest>>, ctx: EmulatorContext) => {
  const limit = Math.min(req.input.MaxItems ?? MAX_LIST, MAX_LIST);
  const after = req.input.Marker ? decodeMarker(req.input.Marker) : undefined;
  let items: { name: string; seq: number; config: FunctionConfig }[];
  if (req.input.FunctionVersion === "ALL") {
    items = ctx.functions.allVersions(after, limit + 1).map((v) => ({ name: v.name, seq: v.seq, config: v.config }));
  } else {
    // Names after the marker's name; with $LATEST-only listing a marker's seq is always 0.
    items = ctx.functions
      .names(after?.name, limit + 1)
      .map((name) => ({ name, seq: 0, config: ctx.functions.get(name)?.config }))
      .filter((i): i is { name: string; seq: number; config: FunctionConfig } => i.config !== undefined);
  }
  const page = items.slice(0, limit);
  const last = page[page.length - 1];
  return {
    body: {
      Functions: page.map((i) => i.config),
      ...(items.length > limit && last ? { NextMarker: encodeMarker(last.name, last.seq) } : {}),
    },
  };
};

const updateFunctionCode = (
  req: ApiRequest<Input<UpdateFunctionCodeRequest, "FunctionName">>,
  ctx: EmulatorContext,
) => {
  const input = req.input;
  const target = parseTarget(ctx, input.FunctionName);
  const current = resolveVersion(ctx, { name: target.name });
  if (current.config.PackageType === "Image") {
    if (!input.ImageUri)
      throw invalidParameter("Please provide ImageUri when updating a function with packageType Image.");
  } else if (input.ImageUri) {
    throw invalidParameter("Please don't provide ImageUri when updating a function with packageType Zip.");
  }
  if (!input.ZipFile && !input.S3Bucket && !input.ImageUri) {
    throw invalidParameter("Please provide a source for function code.");
  }
  const code = storeCode(ctx, input);
  if (input.DryRun) {
    // DryRun validates the code and reports what would change, without changing anything.
    assertRevision(input.RevisionId, current.config.RevisionId);
    return {
      body: {
        ...current.config,
        CodeSha256: code?.sha256 ?? current.config.CodeSha256,
        CodeSize: code?.size ?? current.config.CodeSize,
      },
    };
  }
  let response: FunctionConfig | undefined;
  ctx.functions.transaction(() => {
    const latest = resolveVersion(ctx, { name: target.name });
    assertRevision(input.RevisionId, latest.config.RevisionId);
    assertNotUpdating(latest.config);
    let next: FunctionConfig = {
      ...latest.config,
      CodeSize: code?.size ?? latest.config.CodeSize,
      CodeSha256: code?.sha256 ?? latest.config.CodeSha256,
      LastModified: lastModified(),
      RevisionId: randomUUID(),
      ...(input.Architectures ? { Architectures: input.Architectures as FunctionConfig["Architectures"] } : {}),
    };
    next = finalize(inProgress(next));
    ctx.functions.save(next, code?.hash ?? latest.codeHash);
    if (input.ImageUri)
      ctx.resources.put(KIND.imageUri, `${target.name}:$LATEST`, { ImageUri: input.ImageUri }, target.name);
    response = input.Publish ? publishVersion(ctx, target.name, { partOfUpdate: true }).config : next;
  });
  ctx.events.emit("function-changed", target.name);
  scheduleSettle(ctx, target.name);
  return { body: response };
};

const updateFunctionConfiguration = (
  req: ApiRequest<Input<UpdateFunctionConfigurationRequest, "FunctionName">>,
  ctx: EmulatorContext,
) => {
  const target = parseTarget(ctx, req.input.FunctionName);
  let next: FunctionConfig | undefined;
  ctx.functions.transaction(() => {
    const latest = resolveVersion(ctx, { name: target.name });
    assertRevision(req.input.RevisionId, latest.config.RevisionId);
    assertNotUpdating(latest.config);
    next = applyConfigUpdate(ctx, latest.config, req.input);
    ctx.functions.save(next, latest.codeHash);
  });
  ctx.events.emit("function-changed", target.name);
  scheduleSettle(ctx, target.name);
  return { body: next };
};

const deleteFunctionHandler = (req: ApiRequest<Input<DeleteFunctionRequest, "FunctionName">>, ctx: EmulatorContext) => {
  const target = parseTarget(ctx, req.input.FunctionName, req.input.Qualifier);
  if (target.qualifier) {
    if (!ctx.functions.exists(target.name))
      throw new LambdaError("ResourceNotFoundException", 404, `Function not found: ${arnOf(ctx, target.name)}`);
    deleteVersion(ctx, target.name, target.qualifier);
  } else {
    resolveVersion(ctx, { name: target.name });
    deleteFunction(ctx, target.name);
  }
  return { status: 204 };
};

export const functionHandlers: HandlerMap = {
  CreateFunction: createFunction,
  GetFunction: getFunction,
  GetFunctionConfiguration: getFunctionConfiguration,
  ListFunctions: listFunctions,
  UpdateFunctionCode: updateFunctionCode,
  UpdateFunctionConfiguration: updateFunctionConfiguration,
  DeleteFunction: deleteFunctionHandler,
};
