/** Alias verbs, named like the API. */
import "server-only";
import {
  CreateAliasCommand,
  DeleteAliasCommand,
  ListAliasesCommand,
  UpdateAliasCommand,
  type AliasConfiguration,
} from "@aws-sdk/client-lambda";
import type { AliasSummary } from "@/lib/lambda-types";
import { call } from "./call";
import { lambdaClient } from "./client";

function toAlias(a: AliasConfiguration): AliasSummary | undefined {
  if (!a.Name || !a.FunctionVersion) return undefined;
  const weights = a.RoutingConfig?.AdditionalVersionWeights;
  return {
    Name: a.Name,
    FunctionVersion: a.FunctionVersion,
    ...(a.AliasArn ? { AliasArn: a.AliasArn } : {}),
    ...(a.Description ? { Description: a.Description } : {}),
    ...(a.RevisionId ? { RevisionId: a.RevisionId } : {}),
    ...(weights && Object.keys(weights).length > 0 ? { AdditionalVersionWeights: { ...weights } } : {}),
  };
}

/** Every alias of a function, following NextMarker. */
export async function listAliases(functionName: string): Promise<AliasSummary[]> {
  const aliases: AliasSummary[] = [];
  let marker: string | undefined;
  do {
    const out = await call(() =>
      lambdaClient().send(new ListAliasesCommand({ FunctionName: functionName, Marker: marker, MaxItems: 50 })),
    );
    for (const a of out.Aliases ?? []) {
      const alias = toAlias(a);
      if (alias) aliases.push(alias);
    }
    marker = out.NextMarker;
  } while (marker);
  return aliases;
}

export interface AliasInput {
  functionName: string;
  name: string;
  functionVersion: string;
  description?: string;
  /** `{}` removes weighted routing; undefined leaves it as it is (UpdateAlias). */
  additionalVersionWeights?: Record<string, number>;
}

function required(alias: AliasSummary | undefined): AliasSummary {
  if (!alias) throw new Error("Lambda answered without the alias's name and version");
  return alias;
}

export async function createAlias(input: AliasInput): Promise<AliasSummary> {
  const out = await call(() =>
    lambdaClient().send(
      new CreateAliasCommand({
        FunctionName: input.functionName,
        Name: input.name,
        FunctionVersion: input.functionVersion,
        Description: input.description,
        ...(input.additionalVersionWeights && Object.keys(input.additionalVersionWeights).length > 0
          ? { RoutingConfig: { AdditionalVersionWeights: input.additionalVersionWeights } }
          : {}),
      }),
    ),
  );
  return required(toAlias(out));
}

export async function updateAlias(input: AliasInput & { revisionId?: string }): Promise<AliasSummary> {
  const out = await call(() =>
    lambdaClient().send(
      new UpdateAliasCommand({
        FunctionName: input.functionName,
        Name: input.name,
        FunctionVersion: input.functionVersion,
        Description: input.description ?? "",
        RevisionId: input.revisionId,
        ...(input.additionalVersionWeights
          ? { RoutingConfig: { AdditionalVersionWeights: input.additionalVersionWeights } }
          : {}),
      }),
    ),
  );
  return required(toAlias(out));
}

export async function deleteAlias(functionName: string, name: string): Promise<void> {
  await call(() => lambdaClient().send(new DeleteAliasCommand({ FunctionName: functionName, Name: name })));
}
