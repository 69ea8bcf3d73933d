/**
 * Tags on functions (unqualified ARNs only), event source mappings, code signing configs and capacity
 * providers. The resource is found generically by its ARN type: functions in FunctionsRepo, the others
 * as their ResourceStore documents (kinds and keys from store/kinds.ts).
 */
import type { ListTagsRequest, TagResourceRequest, UntagResourceRequest } from "@aws-sdk/client-lambda";
import { parseLambdaArn } from "../../lib/lambda-model/arns";
import type { EmulatorContext } from "../context";
import { functionNotFound, invalidParameter, resourceNotFound } from "../errors";
import { arnOf } from "../functions/resolve";
import { addTags, removeTags, taggableArn, tagsOf } from "../functions/tags";
import { KIND } from "../store/kinds";
import type { ApiRequest, HandlerMap, Input } from "./types";

interface Taggable {
  /** Canonical ARN the tags are stored under. */
  arn: string;
  /** The function name for function tags (so they go with the function). */
  parent?: string;
}

/** ARN resource type → the ResourceStore kind holding that resource, keyed by the ARN's id. */
const DOCUMENT_KINDS: Record<string, string> = {
  "event-source-mapping": KIND.eventSourceMapping,
  "code-signing-config": KIND.codeSigningConfig,
  "capacity-provider": KIND.capacityProvider,
};

function resolveTaggable(ctx: EmulatorContext, resource: string): Taggable {
  const parsed = parseLambdaArn(resource);
  if (!parsed) throw invalidParameter(`Invalid resource ARN: ${resource}`);
  const here = parsed.region === ctx.config.region && parsed.account === ctx.config.accountId;
  if (parsed.resourceType === "function") {
    // Checked before existence, as the service does.
    if (parsed.resource.includes(":")) {
      throw invalidParameter("Tags on function aliases and versions are not supported. Please specify a function ARN.");
    }
    if (!here || !ctx.functions.exists(parsed.resource)) throw functionNotFound(resource);
    return { arn: arnOf(ctx, parsed.resource), parent: parsed.resource };
  }
  const kind = DOCUMENT_KINDS[parsed.resourceType];
  if (!kind) throw invalidParameter(`Resources of type ${parsed.resourceType} cannot be tagged.`);
  if (!here || ctx.resources.get(kind, parsed.resource) === undefined) {
    if (parsed.resourceType === "code-signing-config") {
      throw resourceNotFound(
        `The code signing configuration cannot be found. Check that the provided configuration is not deleted: ${resource}.`,
      );
    }
    throw resourceNotFound("The resource you requested does not exist.");
  }
  return { arn: taggableArn(ctx, parsed.resourceType, parsed.resource) };
}

// POST /2017-03-31/tags/{Resource} — TagResource
const tagResource = (req: ApiRequest<Input<TagResourceRequest, "Resource" | "Tags">>, ctx: EmulatorContext) => {
  if (Object.keys(req.input.Tags).length === 0) {
    throw invalidParameter("An error occurred and the request cannot be processed.");
  }
  ctx.resources.transaction(() => {
    const target = resolveTaggable(ctx, req.input.Resource);
    addTags(ctx, target.arn, req.input.Tags, target.parent);
  });
  return { status: 204 };
};

// DELETE /2017-03-31/tags/{Resource} — UntagResource
const untagResource = (req: ApiRequest<Input<UntagResourceRequest, "Resource" | "TagKeys">>, ctx: EmulatorContext) => {
  ctx.resources.transaction(() => {
    const target = resolveTaggable(ctx, req.input.Resource);
    removeTags(ctx, target.arn, req.input.TagKeys, target.parent);
  });
  return { status: 204 };
};

// GET /2017-03-31/tags/{Resource} — ListTags
const listTags = (req: ApiRequest<Input<ListTagsRequest, "Resource">>, ctx: EmulatorContext) => {
  const target = resolveTaggable(ctx, req.input.Resource);
  return { body: { Tags: tagsOf(ctx, target.arn) } };
};

export const tagHandlers: HandlerMap = {
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTags: listTags,
};
