/**
 * Resolving a CodeSigningConfigArn that a function refers to (CreateFunction, PutFunctionCodeSigningConfig).
 * The documents themselves belong to api/code-signing.ts.
 */
import type { CodeSigningConfig } from "@aws-sdk/client-lambda";
import type { Wire } from "../api/types";
import type { EmulatorContext } from "../context";
import { LambdaError } from "../errors";
import { KIND } from "../store/kinds";

export type CodeSigningConfigDoc = Wire<CodeSigningConfig> & {
  CodeSigningConfigArn: string;
  CodeSigningConfigId: string;
};

const CSC_ARN = /^arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\d{12}):code-signing-config:(csc-[a-z0-9]{17})$/;

/** The stored config an ARN names, when it is one of this emulator's (same region and account). */
export function findCodeSigningConfig(ctx: EmulatorContext, arn: string): CodeSigningConfigDoc | undefined {
  const m = CSC_ARN.exec(arn);
  if (!m || m[1] !== ctx.config.region || m[2] !== ctx.config.accountId) return undefined;
  const doc = ctx.resources.get<CodeSigningConfigDoc>(KIND.codeSigningConfig, m[3]!);
  return doc?.CodeSigningConfigArn === arn ? doc : undefined;
}

/** The config a function is being attached to; CodeSigningConfigNotFoundException when it does not exist. */
export function requireCodeSigningConfig(ctx: EmulatorContext, arn: string): CodeSigningConfigDoc {
  const doc = findCodeSigningConfig(ctx, arn);
  if (!doc) {
    throw new LambdaError(
      "CodeSigningConfigNotFoundException",
      404,
      `The code signing configuration cannot be found. Check that the provided configuration is not deleted: ${arn}.`,
    );
  }
  // Signatures cannot be verified offline (no AWS Signer), so Enforce behaves like Warn here; say so once
  // per attachment rather than silently accepting what AWS might reject.
  if (doc.CodeSigningPolicies?.UntrustedArtifactOnDeployment === "Enforce") {
    console.warn(
      `[emulator] code signing config ${arn} enforces signatures, but the emulator cannot verify signatures offline; unsigned code is accepted.`,
    );
  }
  return doc;
}
