"use server";
/** Alias writes. Each action = the shared alias schema + one lib/aws verb. */
import { AliasFormSchema, DeleteAliasFormSchema } from "@/lib/alias-forms";
import { createAlias, deleteAlias, updateAlias } from "@/lib/aws/aliases";
import { defineAction } from "./define-action";

export const createAliasAction = defineAction(AliasFormSchema, async (input) =>
  createAlias({
    functionName: input.functionName,
    name: input.name,
    functionVersion: input.functionVersion,
    ...(input.description ? { description: input.description } : {}),
    ...(input.additionalVersionWeights ? { additionalVersionWeights: input.additionalVersionWeights } : {}),
  }),
);

export const updateAliasAction = defineAction(AliasFormSchema, async (input) =>
  updateAlias({
    functionName: input.functionName,
    name: input.name,
    functionVersion: input.functionVersion,
    description: input.description ?? "",
    // Always sent: `{}` is how an edit removes weighted routing.
    additionalVersionWeights: input.additionalVersionWeights ?? {},
    ...(input.revisionId ? { revisionId: input.revisionId } : {}),
  }),
);

export const deleteAliasAction = defineAction(DeleteAliasFormSchema, async (input) => {
  await deleteAlias(input.functionName, input.name);
  return { functionName: input.functionName, name: input.name };
});
