/**
 * Turning a FunctionName (+ Qualifier) parameter into a stored function version, the way the service
 * does: names, partial and full ARNs, qualifiers in the name or the parameter, aliases.
 */
import { functionArn, parseFunctionRef } from "../../lib/lambda-model/arns";
import type { EmulatorContext } from "../context";
import { functionNotFound, invalidParameter, LambdaError, resourceNotFound } from "../errors";
import { KIND } from "../store/kinds";
import type { VersionRecord } from "../store/functions-repo";

export interface FunctionTarget {
  name: string;
  /** As given (alias name, version number or $LATEST); undefined when none was given. */
  qualifier?: string;
}

/** Parses the FunctionName and Qualifier parameters; checks region, account and qualifier agreement. */
export function parseTarget(ctx: EmulatorContext, functionName: string, qualifier?: string | null): FunctionTarget {
  const ref = parseFunctionRef(functionName);
  if (!ref)
    throw invalidParameter(
      `1 validation error detected: Value '${functionName}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern`,
    );
  if (ref.region && ref.region !== ctx.config.region) {
    throw invalidParameter(`Functions from '${ref.region}' are not reachable in this region ('${ctx.config.region}')`);
  }
  if (ref.account && ref.account !== ctx.config.accountId) {
    throw new LambdaError(
      "AccessDeniedException",
      403,
      `User is not authorized to access functions in account ${ref.account}`,
    );
  }
  if (ref.qualifier && qualifier && ref.qualifier !== qualifier) {
    throw invalidParameter("The derived qualifier from the function name does not match the specified qualifier.");
  }
  const q = qualifier ?? ref.qualifier;
  return q ? { name: ref.name, qualifier: q } : { name: ref.name };
}

export function arnOf(ctx: EmulatorContext, name: string, qualifier?: string): string {
  return functionArn(ctx.config.region, ctx.config.accountId, name, qualifier);
}

export interface AliasDoc {
  AliasArn: string;
  Name: string;
  FunctionVersion: string;
  Description?: string;
  RoutingConfig?: { AdditionalVersionWeights?: Record<string, number> };
  RevisionId: string;
}

/** Whether a qualifier names a version ($LATEST or a number) rather than an alias. */
export function isVersionQualifier(qualifier: string): boolean {
  return qualifier === "$LATEST" || /^\d+$/.test(qualifier);
}

export function getAlias(ctx: EmulatorContext, name: string, alias: string): AliasDoc | undefined {
  return ctx.resources.get<AliasDoc>(KIND.alias, `${name}:${alias}`);
}

/**
 * The version a target names. An alias resolves to its primary version (weighted routing is the
 * invoke path's business). Throws ResourceNotFoundException with the service's message.
 */
export function resolveVersion(ctx: EmulatorContext, target: FunctionTarget): VersionRecord {
  const { name, qualifier } = target;
  if (!ctx.functions.exists(name)) throw functionNotFound(arnOf(ctx, name));
  if (!qualifier || qualifier === "$LATEST") {
    const latest = ctx.functions.get(name);
    if (!latest) throw functionNotFound(arnOf(ctx, name));
    return latest;
  }
  if (/^\d+$/.test(qualifier)) {
    const version = ctx.functions.get(name, qualifier);
    if (!version) throw functionNotFound(arnOf(ctx, name, qualifier));
    return version;
  }
  const alias = getAlias(ctx, name, qualifier);
  if (!alias) throw functionNotFound(arnOf(ctx, name, qualifier));
  const version = ctx.functions.get(name, alias.FunctionVersion);
  if (!version) throw resourceNotFound(`Function not found: ${arnOf(ctx, name, alias.FunctionVersion)}`);
  return version;
}

/** The function must exist (its $LATEST); returns it. */
export function requireFunction(ctx: EmulatorContext, functionName: string): VersionRecord {
  const target = parseTarget(ctx, functionName);
  return resolveVersion(ctx, { name: target.name });
}
