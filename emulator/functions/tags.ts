/**
 * Tags of every taggable resource (functions, event source mappings, code signing configs, capacity
 * providers): KIND.tags documents keyed by the resource's canonical ARN, and the service's tag limits.
 * Function tags hang off the function (parent = name) so they vanish with it; the other resource kinds
 * must delete their tags when they are deleted (`deleteTags`).
 */
import type { EmulatorContext } from "../context";
import { invalidParameter } from "../errors";
import { KIND } from "../store/kinds";

export type Tags = Record<string, string>;

export const TAGS_PER_RESOURCE_MAX = 50;
const KEY_MAX = 128;
const VALUE_MAX = 256;

/** `arn:aws:lambda:<region>:<account>:<type>:<id>` as tags are keyed. */
export function taggableArn(ctx: EmulatorContext, type: string, id: string): string {
  return `arn:aws:lambda:${ctx.config.region}:${ctx.config.accountId}:${type}:${id}`;
}

export function tagsOf(ctx: EmulatorContext, arn: string): Tags {
  return ctx.resources.get<Tags>(KIND.tags, arn) ?? {};
}

/** Checks tags being added against the limits, given the tags the resource already has. */
export function checkTags(existing: Tags, added: Tags): void {
  for (const [key, value] of Object.entries(added)) {
    if (key.length < 1 || key.length > KEY_MAX) {
      throw invalidParameter(
        `1 validation error detected: Value '${key}' at 'tags' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to ${KEY_MAX}, Member must have length greater than or equal to 1]`,
      );
    }
    if (value.length > VALUE_MAX) {
      throw invalidParameter(
        `1 validation error detected: Value '${value}' at 'tags' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to ${VALUE_MAX}]`,
      );
    }
    if (key.toLowerCase().startsWith("aws:")) {
      throw invalidParameter(`Tag keys starting with 'aws:' are reserved for AWS use: ${key}`);
    }
  }
  const count = Object.keys({ ...existing, ...added }).length;
  if (count > TAGS_PER_RESOURCE_MAX) {
    throw invalidParameter(
      `The number of tags (${count}) exceeds the limit of ${TAGS_PER_RESOURCE_MAX} tags per resource.`,
    );
  }
}

/** Adds tags (checked) to a resource. `parent` ties them to a function so they go with it. */
export function addTags(ctx: EmulatorContext, arn: string, added: Tags, parent?: string): Tags {
  const existing = tagsOf(ctx, arn);
  checkTags(existing, added);
  const next = { ...existing, ...added };
  ctx.resources.put(KIND.tags, arn, next, parent);
  return next;
}

export function removeTags(ctx: EmulatorContext, arn: string, keys: readonly string[], parent?: string): void {
  const next = { ...tagsOf(ctx, arn) };
  for (const key of keys) delete next[key];
  if (Object.keys(next).length === 0) ctx.resources.delete(KIND.tags, arn);
  else ctx.resources.put(KIND.tags, arn, next, parent);
}

export function deleteTags(ctx: EmulatorContext, arn: string): void {
  ctx.resources.delete(KIND.tags, arn);
}
