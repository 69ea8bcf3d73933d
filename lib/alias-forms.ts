/**
 * Alias forms, from the API's constraints (CreateAlias / UpdateAlias members and AliasRoutingConfiguration),
 * plus the routing rules the reference states in prose: one additional version at most, not the primary,
 * and never on a $LATEST alias.
 */
import { z } from "zod";
import { inputMember, typeMember } from "@/lib/lambda-model/model";
import { FunctionNameSchema } from "@/lib/lambda-model/schemas";
import { memberSchema } from "@/lib/lambda-model/validate";
import { friendly } from "./friendly";

const NameMember = inputMember("CreateAlias", "Name");

export const AliasNameSchema = z
  .string()
  .min(1, { error: "Enter a name for the alias." })
  .max(NameMember.max ?? 128, { error: `Alias names are at most ${NameMember.max ?? 128} characters.` })
  .pipe(
    friendly(
      memberSchema(NameMember),
      "Use letters, digits, hyphens and underscores, and not only digits (those are version numbers).",
    ),
  );

export const AliasVersionSchema = friendly(
  memberSchema(inputMember("CreateAlias", "FunctionVersion")),
  "Choose the version the alias points to.",
);

export const AliasDescriptionSchema = friendly(
  memberSchema(inputMember("CreateAlias", "Description")),
  "Descriptions are at most 256 characters.",
);

const WeightsMember = memberSchema(typeMember("AliasRoutingConfiguration", "AdditionalVersionWeights"));

export const AdditionalVersionWeightsSchema = z
  .record(z.string(), z.number())
  .refine((w) => WeightsMember.safeParse(w).success, {
    error: "Weights are between 0 and 1, for published (numbered) versions.",
  })
  .refine((w) => Object.keys(w).length <= 1, { error: "An alias can route to one additional version." });

export const AliasFormSchema = z
  .object({
    functionName: FunctionNameSchema,
    name: AliasNameSchema,
    functionVersion: AliasVersionSchema,
    description: AliasDescriptionSchema.optional(),
    /** `{}` (update) removes weighted routing. */
    additionalVersionWeights: AdditionalVersionWeightsSchema.optional(),
    /** The alias's revision when the edit began (update only). */
    revisionId: z.string().optional(),
  })
  .superRefine((input, ctx) => {
    const extra = Object.keys(input.additionalVersionWeights ?? {});
    if (extra.length === 0) return;
    if (input.functionVersion === "$LATEST") {
      ctx.addIssue({
        code: "custom",
        path: ["functionVersion"],
        message: "Weighted routing needs a published version; $LATEST cannot share traffic.",
      });
    }
    if (extra.includes(input.functionVersion)) {
      ctx.addIssue({
        code: "custom",
        path: ["additionalVersionWeights"],
        message: "The additional version must differ from the alias's version.",
      });
    }
  });
export type AliasFormSchema = z.infer<typeof AliasFormSchema>;

export const DeleteAliasFormSchema = z.object({ functionName: FunctionNameSchema, name: AliasNameSchema });
export type DeleteAliasFormSchema = z.infer<typeof DeleteAliasFormSchema>;
