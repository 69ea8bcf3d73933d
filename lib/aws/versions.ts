/** Version verbs, named like the API. */
import "server-only";
import { ListVersionsByFunctionCommand } from "@aws-sdk/client-lambda";
import type { VersionSummary } from "@/lib/lambda-types";
import { call } from "./call";
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
        ...(v.Description ? { Description: v.Description } : {}),
        ...(v.LastModified ? { LastModified: v.LastModified } : {}),
        ...(v.CodeSha256 ? { CodeSha256: v.CodeSha256 } : {}),
      });
    }
    marker = out.NextMarker;
  } while (marker);
  return versions;
}
