/**
 * Layers: publish, read, list (with runtime / architecture filters), delete, and the layer version
 * resource policy. Zips are stored content-addressed like function code; each version document keeps its
 * content hash so the runtime can extract the layer for the functions that reference it.
 */
import { randomUUID } from "node:crypto";
import type {
  AddLayerVersionPermissionRequest,
  DeleteLayerVersionRequest,
  GetLayerVersionByArnRequest,
  GetLayerVersionPolicyRequest,
  GetLayerVersionRequest,
  GetLayerVersionResponse,
  LayersListItem,
  LayerVersionsListItem,
  ListLayersRequest,
  ListLayerVersionsRequest,
  PublishLayerVersionRequest,
  RemoveLayerVersionPermissionRequest,
} from "@aws-sdk/client-lambda";
import { layerArn, layerVersionArn, parseLayerVersionArn } from "../../lib/lambda-model/arns";
import type { EmulatorContext } from "../context";
import { codeDownloadUrl } from "../downloads";
import { LambdaError, invalidParameter, preconditionFailed, resourceConflict, resourceNotFound } from "../errors";
import { lastModified } from "../functions/config";
import type { StoredCode } from "../store/code-store";
import { KIND } from "../store/kinds";
import { storeUploadedZip } from "../store/zip-upload";
import { accountUsage, ACCOUNT_LIMITS } from "./account";
import { paginate, sortedBy } from "./paging";
import type { ApiRequest, HandlerMap, Input, Wire } from "./types";

/** A stored layer version: the API's GetLayerVersion shape minus Content.Location, plus the zip's hash. */
export type LayerVersionDoc = Omit<Wire<GetLayerVersionResponse>, "Content"> & {
  LayerArn: string;
  LayerVersionArn: string;
  Version: number;
  Content: { CodeSha256: string; CodeSize: number };
  /** hex sha256 of the zip: its CodeStore key. Never sent to clients. */
  ContentHash: string;
};

export interface LayerDoc {
  LayerName: string;
  LayerArn: string;
  /** The last version number handed out; versions are never reused, even after deletion. */
  LatestVersion: number;
}

export interface LayerContentDoc {
  LayerVersionArn: string;
  ContentHash: string;
  CodeSize: number;
  CodeSha256: string;
}

interface PolicyStatement {
  Sid: string;
  Effect: "Allow";
  Principal: "*" | { AWS: string };
  Action: string;
  Resource: string;
  Condition?: { StringEquals: { "aws:PrincipalOrgID": string } };
}

interface LayerPolicyDoc {
  RevisionId: string;
  Statements: PolicyStatement[];
}

const MAX_LIST = 50;
// The service's limit on a resource policy document (the same for function and layer policies).
const POLICY_MAX_BYTES = 20_480;

const versionKey = (name: string, version: number) => `${name}:${version}`;

/**
 * A LayerName parameter (name or layer ARN) as a bare name. A layer ARN of another region or account
 * names a layer this emulator cannot hold: `foreign` lets reads answer "not found".
 */
function layerRef(ctx: EmulatorContext, value: string): { name: string; foreign: boolean } {
  const m = /^arn:[a-zA-Z0-9-]+:lambda:([a-zA-Z0-9-]+):(\d{12}):layer:([a-zA-Z0-9_-]+)$/.exec(value);
  if (!m) return { name: value, foreign: false };
  return { name: m[3]!, foreign: m[1] !== ctx.config.region || m[2] !== ctx.config.accountId };
}

function checkVersionNumber(version: number): void {
  if (version < 1) throw invalidParameter("Layer Version Cannot be less than 1");
}

const notFound = () => resourceNotFound("The resource you requested does not exist.");

/** The API's view of a stored version: the hash goes, a fresh presigned-style Location comes. */
function present(ctx: EmulatorContext, doc: LayerVersionDoc): Wire<GetLayerVersionResponse> {
  const { ContentHash, ...rest } = doc;
  return { ...rest, Content: { Location: codeDownloadUrl(ctx, ContentHash), ...doc.Content } };
}

function listItem(doc: LayerVersionDoc): Wire<LayerVersionsListItem> {
  return {
    LayerVersionArn: doc.LayerVersionArn,
    Version: doc.Version,
    Description: doc.Description,
    CreatedDate: doc.CreatedDate,
    ...(doc.CompatibleRuntimes ? { CompatibleRuntimes: doc.CompatibleRuntimes } : {}),
    ...(doc.LicenseInfo !== undefined ? { LicenseInfo: doc.LicenseInfo } : {}),
    ...(doc.CompatibleArchitectures ? { CompatibleArchitectures: doc.CompatibleArchitectures } : {}),
  };
}

function versionsOf(ctx: EmulatorContext, name: string): LayerVersionDoc[] {
  return ctx.resources.entries<LayerVersionDoc>(KIND.layerVersion, { prefix: `${name}:` }).map((e) => e.doc);
}

/** Whether a version passes ListLayers' / ListLayerVersions' filters (absent filters pass everything). */
function matches(doc: LayerVersionDoc, runtime?: string | null, architecture?: string | null): boolean {
  const runtimes: readonly string[] = doc.CompatibleRuntimes ?? [];
  const architectures: readonly string[] = doc.CompatibleArchitectures ?? [];
  return (!runtime || runtimes.includes(runtime)) && (!architecture || architectures.includes(architecture));
}

function getVersionDoc(ctx: EmulatorContext, layerName: string, version: number): LayerVersionDoc {
  checkVersionNumber(version);
  const ref = layerRef(ctx, layerName);
  const doc = ref.foreign
    ? undefined
    : ctx.resources.get<LayerVersionDoc>(KIND.layerVersion, versionKey(ref.name, version));
  if (!doc) throw notFound();
  return doc;
}

function storeLayerZip(ctx: EmulatorContext, content: Wire<PublishLayerVersionRequest>["Content"]): StoredCode {
  if (content?.S3Bucket || content?.S3Key || content?.S3ObjectVersion) {
    // There is no S3 offline; say so rather than pretend.
    throw invalidParameter(
      `Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error Message: The emulator has no S3; upload the layer as Content.ZipFile instead (bucket ${content.S3Bucket ?? "?"}).`,
    );
  }
  if (content?.ZipFile === undefined || content.ZipFile === null) {
    throw invalidParameter("Please provide the layer content as Content.ZipFile (or Content.S3Bucket and S3Key).");
  }
  return storeUploadedZip(ctx, content.ZipFile);
}

// POST /2018-10-31/layers/{LayerName}/versions — PublishLayerVersion
const publishLayerVersion = (
  req: ApiRequest<Input<PublishLayerVersionRequest, "LayerName" | "Content">>,
  ctx: EmulatorContext,
) => {
  const input = req.input;
  const ref = layerRef(ctx, input.LayerName);
  if (ref.foreign) {
    throw new LambdaError(
      "AccessDeniedException",
      403,
      `User is not authorized to publish versions of layer ${input.LayerName} in this account and region.`,
    );
  }
  const arn = layerArn(ctx.config.region, ctx.config.accountId, ref.name);
  const code = storeLayerZip(ctx, input.Content);
  const doc = ctx.resources.transaction(() => {
    if (accountUsage(ctx).TotalCodeSize + code.size > ACCOUNT_LIMITS.TotalCodeSize) {
      throw new LambdaError("CodeStorageExceededException", 400, "Code storage limit exceeded.");
    }
    const layer = ctx.resources.get<LayerDoc>(KIND.layer, ref.name);
    const version = (layer?.LatestVersion ?? 0) + 1;
    ctx.resources.put<LayerDoc>(KIND.layer, ref.name, { LayerName: ref.name, LayerArn: arn, LatestVersion: version });
    const versionArn = layerVersionArn(ctx.config.region, ctx.config.accountId, ref.name, version);
    // The reference caps LayerVersionArn at 140 characters, which bounds the name.
    if (versionArn.length > 140) {
      throw invalidParameter(
        `The layer name ${ref.name} is too long: its layer version ARN would exceed 140 characters.`,
      );
    }
    const next: LayerVersionDoc = {
      Content: { CodeSha256: code.sha256, CodeSize: code.size },
      LayerArn: arn,
      LayerVersionArn: versionArn,
      Description: input.Description ?? "",
      CreatedDate: lastModified(),
      Version: version,
      ...(input.CompatibleRuntimes?.length ? { CompatibleRuntimes: input.CompatibleRuntimes } : {}),
      ...(input.LicenseInfo !== undefined && input.LicenseInfo !== null ? { LicenseInfo: input.LicenseInfo } : {}),
      ...(input.CompatibleArchitectures?.length ? { CompatibleArchitectures: input.CompatibleArchitectures } : {}),
      ContentHash: code.hash,
    };
    ctx.resources.insert(KIND.layerVersion, versionKey(ref.name, version), next);
    ctx.resources.put<LayerContentDoc>(KIND.layerContent, versionArn, {
      LayerVersionArn: versionArn,
      ContentHash: code.hash,
      CodeSize: code.size,
      CodeSha256: code.sha256,
    });
    return next;
  });
  return { status: 201, body: present(ctx, doc) };
};

// GET /2018-10-31/layers/{LayerName}/versions/{VersionNumber} — GetLayerVersion
const getLayerVersion = (
  req: ApiRequest<Input<GetLayerVersionRequest, "LayerName" | "VersionNumber">>,
  ctx: EmulatorContext,
) => ({ body: present(ctx, getVersionDoc(ctx, req.input.LayerName, req.input.VersionNumber)) });

// GET /2018-10-31/layers?find=LayerVersion&Arn={Arn} — GetLayerVersionByArn
const getLayerVersionByArn = (req: ApiRequest<Input<GetLayerVersionByArnRequest, "Arn">>, ctx: EmulatorContext) => {
  const parsed = parseLayerVersionArn(req.input.Arn);
  if (!parsed) throw notFound();
  checkVersionNumber(parsed.version);
  if (parsed.region !== ctx.config.region || parsed.account !== ctx.config.accountId) throw notFound();
  const doc = ctx.resources.get<LayerVersionDoc>(KIND.layerVersion, versionKey(parsed.layerName, parsed.version));
  if (!doc) throw notFound();
  return { body: present(ctx, doc) };
};

// GET /2018-10-31/layers — ListLayers
const listLayers = (req: ApiRequest<Input<ListLayersRequest>>, ctx: EmulatorContext) => {
  const { CompatibleRuntime: runtime, CompatibleArchitecture: architecture } = req.input;
  // Each layer with its newest version that matches the filters; layers with none are left out.
  const latest = new Map<string, LayerVersionDoc>();
  for (const { key, doc } of ctx.resources.entries<LayerVersionDoc>(KIND.layerVersion)) {
    if (!matches(doc, runtime, architecture)) continue;
    const name = key.slice(0, key.lastIndexOf(":"));
    const seen = latest.get(name);
    if (!seen || seen.Version < doc.Version) latest.set(name, doc);
  }
  const layers = sortedBy([...latest.entries()], ([name]) => name);
  const page = paginate(layers, ([name]) => name, req.input, { defaultLimit: MAX_LIST, maxLimit: MAX_LIST });
  const items: Wire<LayersListItem>[] = page.items.map(([name, doc]) => ({
    LayerName: name,
    LayerArn: doc.LayerArn,
    LatestMatchingVersion: listItem(doc),
  }));
  return { body: { Layers: items, ...(page.nextMarker ? { NextMarker: page.nextMarker } : {}) } };
};

// GET /2018-10-31/layers/{LayerName}/versions — ListLayerVersions
const listLayerVersions = (req: ApiRequest<Input<ListLayerVersionsRequest, "LayerName">>, ctx: EmulatorContext) => {
  const ref = layerRef(ctx, req.input.LayerName);
  // An unknown layer lists as empty, as the service answers.
  const docs = ref.foreign ? [] : versionsOf(ctx, ref.name);
  const filtered = docs.filter((d) => matches(d, req.input.CompatibleRuntime, req.input.CompatibleArchitecture));
  // Newest first, as the service lists them.
  const ordered = sortedBy(filtered, (d) => d.Version, true);
  const page = paginate(ordered, (d) => d.Version, req.input, {
    defaultLimit: MAX_LIST,
    maxLimit: MAX_LIST,
    descending: true,
  });
  return {
    body: {
      LayerVersions: page.items.map(listItem),
      ...(page.nextMarker ? { NextMarker: page.nextMarker } : {}),
    },
  };
};

// DELETE /2018-10-31/layers/{LayerName}/versions/{VersionNumber} — DeleteLayerVersion
const deleteLayerVersion = (
  req: ApiRequest<Input<DeleteLayerVersionRequest, "LayerName" | "VersionNumber">>,
  ctx: EmulatorContext,
) => {
  checkVersionNumber(req.input.VersionNumber);
  const ref = layerRef(ctx, req.input.LayerName);
  // Idempotent like the service: deleting a missing version is a success. The layer-content record
  // stays, so functions that use this version keep working.
  if (!ref.foreign) {
    ctx.resources.transaction(() => {
      const key = versionKey(ref.name, req.input.VersionNumber);
      ctx.resources.delete(KIND.layerVersion, key);
      ctx.resources.delete(KIND.layerVersionPolicy, key);
    });
  }
  return { status: 204 };
};

function layerVersionNotFound(ctx: EmulatorContext, layerName: string, version: number) {
  const ref = layerRef(ctx, layerName);
  return resourceNotFound(
    `Layer version ${layerVersionArn(ctx.config.region, ctx.config.accountId, ref.name, version)} does not exist.`,
  );
}

/** The version document for a policy call, or the service's "Layer version … does not exist." */
function requireForPolicy(ctx: EmulatorContext, layerName: string, version: number): LayerVersionDoc {
  checkVersionNumber(version);
  const ref = layerRef(ctx, layerName);
  const doc = ref.foreign
    ? undefined
    : ctx.resources.get<LayerVersionDoc>(KIND.layerVersion, versionKey(ref.name, version));
  if (!doc) throw layerVersionNotFound(ctx, layerName, version);
  return doc;
}

const revisionMismatch = () =>
  preconditionFailed(
    "The Revision Id provided does not match the latest Revision Id. Call the GetLayerPolicy API to retrieve the latest Revision Id",
  );

function policyDocument(statements: PolicyStatement[]): string {
  return JSON.stringify({ Version: "2012-10-17", Id: "default", Statement: statements });
}

// POST /2018-10-31/layers/{LayerName}/versions/{VersionNumber}/policy — AddLayerVersionPermission
const addLayerVersionPermission = (
  req: ApiRequest<
    Input<AddLayerVersionPermissionRequest, "LayerName" | "VersionNumber" | "StatementId" | "Action" | "Principal">
  >,
  ctx: EmulatorContext,
) => {
  const input = req.input;
  if (input.OrganizationId && input.Principal !== "*") {
    throw invalidParameter("OrganizationId can only be specified when Principal is '*'.");
  }
  const result = ctx.resources.transaction(() => {
    const doc = requireForPolicy(ctx, input.LayerName, input.VersionNumber);
    const key = versionKey(layerRef(ctx, input.LayerName).name, input.VersionNumber);
    const policy = ctx.resources.get<LayerPolicyDoc>(KIND.layerVersionPolicy, key);
    if (policy?.Statements.some((s) => s.Sid === input.StatementId)) {
      throw resourceConflict(
        `The statement id (${input.StatementId}) provided already exists. Please provide a new statement id, or remove the existing statement.`,
      );
    }
    if (input.RevisionId && input.RevisionId !== policy?.RevisionId) throw revisionMismatch();
    // AWS writes an account principal as its root ARN, and "*" as-is (optionally limited to an organization).
    const principal: PolicyStatement["Principal"] =
      input.Principal === "*"
        ? "*"
        : { AWS: /^\d{12}$/.test(input.Principal) ? `arn:aws:iam::${input.Principal}:root` : input.Principal };
    const statement: PolicyStatement = {
      Sid: input.StatementId,
      Effect: "Allow",
      Principal: principal,
      Action: input.Action,
      Resource: doc.LayerVersionArn,
      ...(input.OrganizationId ? { Condition: { StringEquals: { "aws:PrincipalOrgID": input.OrganizationId } } } : {}),
    };
    const statements = [...(policy?.Statements ?? []), statement];
    const size = Buffer.byteLength(policyDocument(statements));
    if (size > POLICY_MAX_BYTES) {
      throw new LambdaError(
        "PolicyLengthExceededException",
        400,
        `The final policy size (${size}) is bigger than the limit (${POLICY_MAX_BYTES}).`,
      );
    }
    const next: LayerPolicyDoc = { RevisionId: randomUUID(), Statements: statements };
    ctx.resources.put(KIND.layerVersionPolicy, key, next);
    return { Statement: JSON.stringify(statement), RevisionId: next.RevisionId };
  });
  return { status: 201, body: result };
};

// DELETE /2018-10-31/layers/{LayerName}/versions/{VersionNumber}/policy/{StatementId} — RemoveLayerVersionPermission
const removeLayerVersionPermission = (
  req: ApiRequest<Input<RemoveLayerVersionPermissionRequest, "LayerName" | "VersionNumber" | "StatementId">>,
  ctx: EmulatorContext,
) => {
  const input = req.input;
  ctx.resources.transaction(() => {
    requireForPolicy(ctx, input.LayerName, input.VersionNumber);
    const key = versionKey(layerRef(ctx, input.LayerName).name, input.VersionNumber);
    const policy = ctx.resources.get<LayerPolicyDoc>(KIND.layerVersionPolicy, key);
    if (input.RevisionId && input.RevisionId !== policy?.RevisionId) throw revisionMismatch();
    if (!policy?.Statements.some((s) => s.Sid === input.StatementId)) {
      throw resourceNotFound(`Statement ${input.StatementId} is not found in resource policy.`);
    }
    const statements = policy.Statements.filter((s) => s.Sid !== input.StatementId);
    // The policy disappears with its last statement (GetLayerVersionPolicy then answers 404).
    if (statements.length === 0) ctx.resources.delete(KIND.layerVersionPolicy, key);
    else
      ctx.resources.put<LayerPolicyDoc>(KIND.layerVersionPolicy, key, {
        RevisionId: randomUUID(),
        Statements: statements,
      });
  });
  return { status: 204 };
};

// GET /2018-10-31/layers/{LayerName}/versions/{VersionNumber}/policy — GetLayerVersionPolicy
const getLayerVersionPolicy = (
  req: ApiRequest<Input<GetLayerVersionPolicyRequest, "LayerName" | "VersionNumber">>,
  ctx: EmulatorContext,
) => {
  requireForPolicy(ctx, req.input.LayerName, req.input.VersionNumber);
  const key = versionKey(layerRef(ctx, req.input.LayerName).name, req.input.VersionNumber);
  const policy = ctx.resources.get<LayerPolicyDoc>(KIND.layerVersionPolicy, key);
  if (!policy) throw resourceNotFound("No policy is associated with the given resource.");
  return { body: { Policy: policyDocument(policy.Statements), RevisionId: policy.RevisionId } };
};

export const layerHandlers: HandlerMap = {
  PublishLayerVersion: publishLayerVersion,
  GetLayerVersion: getLayerVersion,
  GetLayerVersionByArn: getLayerVersionByArn,
  ListLayers: listLayers,
  ListLayerVersions: listLayerVersions,
  DeleteLayerVersion: deleteLayerVersion,
  AddLayerVersionPermission: addLayerVersionPermission,
  RemoveLayerVersionPermission: removeLayerVersionPermission,
  GetLayerVersionPolicy: getLayerVersionPolicy,
};
