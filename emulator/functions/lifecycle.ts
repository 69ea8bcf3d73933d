/**
 * Creating, updating, publishing and deleting function versions, with the State / LastUpdateStatus
 * lifecycle: a change is stored (and acknowledged) as Pending / InProgress, then the code is prepared
 * (extracted once per hash) and the function settles to Active / Successful.
 */
import { randomUUID } from "node:crypto";
import type { EmulatorContext } from "../context";
import { invalidParameter, LambdaError } from "../errors";
import type { FunctionConfig, VersionRecord } from "../store/functions-repo";
import { KIND } from "../store/kinds";
import { finalize, lastModified, settled } from "./config";
import { arnOf, type AliasDoc } from "./resolve";

/** Prepares the code and settles every Pending / InProgress version of a function. */
export function scheduleSettle(ctx: EmulatorContext, name: string): void {
  setTimeout(() => {
    try {
      settleNow(ctx, name);
    } catch (e) {
      // The function may have been deleted meanwhile (or the emulator closed); nothing to settle then.
      if (ctx.db.open) console.error(`[emulator] settling ${name} failed:`, e);
    }
  }, ctx.config.stateTransitionMs).unref();
}

function settleNow(ctx: EmulatorContext, name: string): void {
  if (!ctx.db.open) return;
  const versions = ctx.functions.versions(name);
  let failure: string | undefined;
  for (const v of versions) {
    if (v.codeHash && (v.config.State === "Pending" || v.config.LastUpdateStatus === "InProgress")) {
      try {
        ctx.code.extracted(v.codeHash);
      } catch (e) {
        failure = e instanceof Error ? e.message : String(e);
      }
    }
  }
  ctx.functions.transaction(() => {
    for (const v of ctx.functions.versions(name)) {
      if (v.config.State !== "Pending" && v.config.LastUpdateStatus !== "InProgress") continue;
      const next = failure
        ? {
            ...v.config,
            State: "Failed" as const,
            StateReason: `Could not prepare the code: ${failure}`,
            StateReasonCode: "InvalidZipFileException" as const,
            LastUpdateStatus: "Failed" as const,
            LastUpdateStatusReason: `Could not prepare the code: ${failure}`,
            LastUpdateStatusReasonCode: "InvalidZipFileException" as const,
          }
        : settled(v.config);
      ctx.functions.save(next, v.codeHash);
    }
  });
}

/**
 * Publishes $LATEST as a new version. No new version when the code and configuration equal the latest
 * published one (the service returns that version instead). Checks CodeSha256 / RevisionId preconditions.
 */
export function publishVersion(
  ctx: EmulatorContext,
  name: string,
  options: {
    description?: string | null;
    codeSha256?: string | null;
    revisionId?: string | null;
    /** Publishing as part of the create/update that made $LATEST InProgress (the Publish flag). */
    partOfUpdate?: boolean;
  } = {},
): VersionRecord {
  return ctx.functions.transaction(() => {
    const latest = ctx.functions.get(name);
    if (!latest) throw new LambdaError("ResourceNotFoundException", 404, `Function not found: ${arnOf(ctx, name)}`);
    if (options.codeSha256 && options.codeSha256 !== latest.config.CodeSha256) {
      throw invalidParameter(
        `CodeSHA256 (${options.codeSha256}) is different from current CodeSHA256 in $LATEST (${latest.config.CodeSha256}). Please try again with the CodeSHA256 in $LATEST.`,
      );
    }
    if (options.revisionId && options.revisionId !== latest.config.RevisionId) {
      throw new LambdaError(
        "PreconditionFailedException",
        412,
        "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id",
      );
    }
    if (
      !options.partOfUpdate &&
      (latest.config.LastUpdateStatus === "InProgress" || latest.config.State === "Pending")
    ) {
      throw new LambdaError(
        "ResourceConflictException",
        409,
        `The operation cannot be performed at this time. An update is in progress for resource: ${latest.config.FunctionArn}`,
      );
    }
    const previous = ctx.functions.latestPublished(name);
    if (
      previous &&
      previous.config.ConfigSha256 === latest.config.ConfigSha256 &&
      previous.codeHash === latest.codeHash
    ) {
      return previous;
    }
    const number = ctx.functions.nextVersionNumber(name);
    const config: FunctionConfig = finalize({
      ...latest.config,
      FunctionArn: arnOf(ctx, name, String(number)),
      Version: String(number),
      Description: options.description ?? latest.config.Description ?? "",
      LastModified: lastModified(),
      RevisionId: randomUUID(),
    });
    // The description belongs to the version, not to what makes it "unchanged": keep $LATEST's hash.
    config.ConfigSha256 = latest.config.ConfigSha256;
    ctx.functions.insertVersion(config, latest.codeHash);
    const image = ctx.resources.get(KIND.imageUri, `${name}:$LATEST`);
    if (image) ctx.resources.put(KIND.imageUri, `${name}:${config.Version}`, image, name);
    return { name, version: config.Version, seq: number, config, codeHash: latest.codeHash };
  });
}

/** Deletes one published version; refuses $LATEST and versions an alias points at. */
export function deleteVersion(ctx: EmulatorContext, name: string, version: string): void {
  if (version === "$LATEST") throw invalidParameter("$LATEST version cannot be deleted without deleting the function.");
  if (!/^\d+$/.test(version)) {
    throw invalidParameter("Deletion of aliases is not supported by DeleteFunction; use DeleteAlias.");
  }
  ctx.functions.transaction(() => {
    if (!ctx.functions.get(name, version)) {
      throw new LambdaError("ResourceNotFoundException", 404, `Function not found: ${arnOf(ctx, name, version)}`);
    }
    const aliases = ctx.resources
      .all<AliasDoc>(KIND.alias, { parent: name })
      .filter(
        (a) =>
          a.FunctionVersion === version ||
          Object.keys(a.RoutingConfig?.AdditionalVersionWeights ?? {}).includes(version),
      );
    if (aliases.length > 0) {
      throw new LambdaError(
        "ResourceConflictException",
        409,
        `Unable to delete version because the following aliases reference it: [${aliases.map((a) => a.Name).join(", ")}]`,
      );
    }
    ctx.functions.deleteVersion(name, version);
    for (const kind of [
      KIND.functionUrl,
      KIND.eventInvokeConfig,
      KIND.provisionedConcurrency,
      KIND.policy,
      KIND.scalingConfig,
      KIND.runtimeManagement,
    ]) {
      ctx.resources.delete(kind, `${name}:${version}`);
    }
  });
  ctx.events.emit("function-deleted", name, version);
}

/** Deletes a function and everything hanging off it (versions, aliases, policies, URLs, configs, tags). */
export function deleteFunction(ctx: EmulatorContext, name: string): void {
  ctx.functions.transaction(() => {
    ctx.resources.deleteByParent(name);
    ctx.resources.delete(KIND.tags, arnOf(ctx, name));
    ctx.functions.delete(name);
  });
  ctx.events.emit("function-deleted", name);
}
