/** Tag verbs, named like the API. Resources are ARNs: a function (unqualified), mapping, config, provider. */
import "server-only";
import { ListTagsCommand, TagResourceCommand, UntagResourceCommand } from "@aws-sdk/client-lambda";
import { call } from "./call";
import { lambdaClient } from "./client";

export async function listTags(resource: string): Promise<Record<string, string>> {
  const out = await call(() => lambdaClient().send(new ListTagsCommand({ Resource: resource })));
  return { ...(out.Tags ?? {}) };
}

export async function tagResource(resource: string, tags: Record<string, string>): Promise<void> {
  await call(() => lambdaClient().send(new TagResourceCommand({ Resource: resource, Tags: tags })));
}

export async function untagResource(resource: string, tagKeys: string[]): Promise<void> {
  await call(() => lambdaClient().send(new UntagResourceCommand({ Resource: resource, TagKeys: tagKeys })));
}
