/** Version verbs, named like the API. */
import "server-only";
import { ListVersionsByFunctionCommand, PublishVersionCommand } from "@aws-sdk/client-lambda";
import type { FunctionConfig, VersionSummary } from "@/lib/lambda-types";
import { call, plain } from "./call";
import { lambdaClient } from "./client";

/** Every version of a function ($LATEST first, as the API lists them), following NextMarker. */
export async function listVersionsByFunction(functionName: string): Promise<VersionSummary[]> {
  const versions: VersionSummary[] = [];
  let marker: string | undefined;
  do {
    const out = await call(() =>
      lambdaClient().send(
        new ListVersionsByFunctionCommand({ FunctionName: functionName, Marker: marker, MaxItems: 50 }),
      ),
    );
    for (const v of out.Versions ?? []) {
      if (!v.Version) continue;
      versions.push({
        Version: v.Version,
        ...(v.FunctionArn ? { FunctionArn: v.FunctionArn } : {}),
        ...(v.Description ? { Description: v.Description } : {}),
        ...(v.Runtime ? { Runtime: v.Runtime } : {}),
        ...(v.PackageType ? { PackageType: v.PackageType } : {}),
        ...(v.LastModified ? { LastModified: v.LastModified } : {}),
        ...(v.CodeSha256 ? { CodeSha256: v.CodeSha256 } : {}),
        ...(v.CodeSize !== undefined ? { CodeSize: v.CodeSize } : {}),
        ...(v.RevisionId ? { RevisionId: v.RevisionId } : {}),
      });
    }
    marker = out.NextMarker;
  } while (marker);
  return versions;
}

/**
 * Publishes $LATEST. `codeSha256` and `revisionId` are preconditions: Lambda refuses when $LATEST's code
 * or revision moved on since the caller looked, so what is published is what the user saw.
 */
export async function publishVersion(input: {
  functionName: string;
  description?: string;
  codeSha256?: string;
  revisionId?: string;
}): Promise<FunctionConfig> {
  const out = await call(() =>
    lambdaClient().send(
      new PublishVersionCommand({
        FunctionName: input.functionName,
        Description: input.description,
        CodeSha256: input.codeSha256,
        RevisionId: input.revisionId,
      }),
    ),
  );
  const { $metadata: _metadata, ...config } = out;
  return plain(config as FunctionConfig);
}
