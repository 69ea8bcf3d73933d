/**
 * Qualifiers for the per-qualifier families (policies, URL configs, async invocation configs,
 * provisioned concurrency): which of $LATEST / a version / an alias a qualifier names, its RevisionId,
 * and the key its documents live under.
 */
import { randomUUID } from "node:crypto";
import type { EmulatorContext } from "../context";
import { functionNotFound, resourceNotFound } from "../errors";
import type { FunctionConfig } from "../store/functions-repo";
import { KIND } from "../store/kinds";
import { arnOf, getAlias, parseTarget, type AliasDoc } from "./resolve";

export interface ResolvedQualifier {
  name: string;
  /** `$LATEST`, a version number or an alias name. */
  qualifier: string;
  kind: "latest" | "version" | "alias";
  /** The version the qualifier runs (an alias's primary version). */
  version: string;
  revisionId: string;
}

export const aliasNotFound = (ctx: EmulatorContext, name: string, alias: string) =>
  resourceNotFound(`Cannot find alias arn: ${arnOf(ctx, name, alias)}`);

/** Key of a per-qualifier document: `${fn}:${qualifier}`, `$LATEST` when there is none (see store/kinds.ts). */
export const qualifierKey = (name: string, qualifier?: string | null): string => `${name}:${qualifier || "$LATEST"}`;

export const isVersionNumber = (q: string): boolean => /^\d+$/.test(q);

/**
 * Sorts qualifiers the way the service lists them: `$LATEST`, then version numbers ascending, then alias
 * names. A string key, so lists page with api/paging.ts.
 */
export function qualifierSortKey(qualifier: string): string {
  if (qualifier === "$LATEST") return "0";
  return isVersionNumber(qualifier) ? `1${qualifier.padStart(20, "0")}` : `2${qualifier}`;
}

/**
 * The FunctionName of an action that applies to the function as a whole. A qualifier in the name is
 * ignored there (the reference does not say; tools do not normally send one); the function must exist.
 */
export function functionNameOf(ctx: EmulatorContext, functionName: string): string {
  const { name } = parseTarget(ctx, functionName);
  if (!ctx.functions.exists(name)) throw functionNotFound(arnOf(ctx, name));
  return name;
}

/** Resolves `$LATEST` (or none), a version number or an alias; throws the service's not-found errors. */
export function resolveQualifier(ctx: EmulatorContext, name: string, qualifier?: string | null): ResolvedQualifier {
  const latest = ctx.functions.get(name);
  if (!latest) throw functionNotFound(arnOf(ctx, name));
  if (!qualifier || qualifier === "$LATEST") {
    return { name, qualifier: "$LATEST", kind: "latest", version: "$LATEST", revisionId: latest.config.RevisionId };
  }
  if (isVersionNumber(qualifier)) {
    const version = ctx.functions.get(name, qualifier);
    if (!version) throw functionNotFound(arnOf(ctx, name, qualifier));
    return { name, qualifier, kind: "version", version: qualifier, revisionId: version.config.RevisionId };
  }
  const alias = getAlias(ctx, name, qualifier);
  if (!alias) throw aliasNotFound(ctx, name, qualifier);
  return { name, qualifier, kind: "alias", version: alias.FunctionVersion, revisionId: alias.RevisionId };
}

/**
 * Gives the version or alias a qualifier names a new RevisionId. The service does this when the resource
 * policy changes (GetPolicy reports the function's or alias's RevisionId). Call inside a transaction.
 */
export function bumpRevision(ctx: EmulatorContext, target: ResolvedQualifier): string {
  const revisionId = randomUUID();
  if (target.kind === "alias") {
    const alias = getAlias(ctx, target.name, target.qualifier);
    if (alias) {
      const next: AliasDoc = { ...alias, RevisionId: revisionId };
      ctx.resources.put(KIND.alias, `${target.name}:${target.qualifier}`, next, target.name);
    }
  } else {
    const record = ctx.functions.get(target.name, target.version);
    if (record) ctx.functions.save({ ...record.config, RevisionId: revisionId }, record.codeHash);
  }
  return revisionId;
}

/**
 * A configuration as GetFunction / GetFunctionConfiguration return it: when the caller named a qualifier
 * ($LATEST, a version or an alias), FunctionArn carries that qualifier; Version stays the version run.
 */
export function configAsRequested(ctx: EmulatorContext, config: FunctionConfig, qualifier?: string): FunctionConfig {
  if (!qualifier) return config;
  return { ...config, FunctionArn: arnOf(ctx, config.FunctionName, qualifier) };
}
