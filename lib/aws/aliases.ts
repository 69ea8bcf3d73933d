/** Alias verbs, named like the API. */
import "server-only";
import { ListAliasesCommand } from "@aws-sdk/client-lambda";
import type { AliasSummary } from "@/lib/lambda-types";
import { call } from "./call";
import { lambdaClient } from "./client";

/** Every alias of a function, following NextMarker. */
export async function listAliases(functionName: string): Promise<AliasSummary[]> {
  const aliases: AliasSummary[] = [];
  let marker: string | undefined;
  do {
    const out = await call(() =>
      lambdaClient().send(new ListAliasesCommand({ FunctionName: functionName, Marker: marker, MaxItems: 50 })),
    );
    for (const a of out.Aliases ?? []) {
      if (!a.Name || !a.FunctionVersion) continue;
      aliases.push({
        Name: a.Name,
        FunctionVersion: a.FunctionVersion,
        ...(a.Description ? { Description: a.Description } : {}),
        ...(a.RoutingConfig?.AdditionalVersionWeights
          ? { AdditionalVersionWeights: a.RoutingConfig.AdditionalVersionWeights }
          : {}),
      });
    }
    marker = out.NextMarker;
  } while (marker);
  return aliases;
}
