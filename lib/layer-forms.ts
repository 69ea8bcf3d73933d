/** Publishing and deleting layer versions, from PublishLayerVersion's member constraints. */
import { z } from "zod";
import { inputMember } from "@/lib/lambda-model/model";
import { LIMITS } from "@/lib/lambda-model/schemas";
import { memberSchema } from "@/lib/lambda-model/validate";
import { friendly } from "./friendly";

const member = (name: string) => inputMember("PublishLayerVersion", name);
const MB = 1024 * 1024;

export const LAYER_RUNTIMES = member("CompatibleRuntimes").itemEnum ?? [];
export const LAYER_LIMITS = {
  maxRuntimes: member("CompatibleRuntimes").maxItems ?? 15,
  maxArchitectures: member("CompatibleArchitectures").maxItems ?? 2,
  licenseMax: member("LicenseInfo").max ?? 512,
  descriptionMax: member("Description").max ?? 256,
  zipMaxBytes: LIMITS.zipDirectUploadMaxBytes,
} as const;

export const LayerNameSchema = z
  .string()
  .min(1, { error: "Enter a layer name." })
  .max(member("LayerName").max ?? 140, { error: "Layer names are at most 140 characters." })
  .pipe(friendly(memberSchema(member("LayerName")), "Use letters, digits, hyphens and underscores."));

export const PublishLayerVersionFormSchema = z.object({
  layerName: LayerNameSchema,
  zip: z
    .instanceof(Blob, { error: "Choose the layer's .zip file." })
    .refine((b) => b.size > 0, { error: "The zip is empty." })
    .refine((b) => b.size <= LAYER_LIMITS.zipMaxBytes, {
      error: `Lambda accepts at most ${LAYER_LIMITS.zipMaxBytes / MB} MB zipped when uploading directly.`,
    }),
  description: friendly(memberSchema(member("Description")), "Descriptions are at most 256 characters.").optional(),
  compatibleRuntimes: z
    .array(z.string())
    .max(LAYER_LIMITS.maxRuntimes, { error: `Choose at most ${LAYER_LIMITS.maxRuntimes} runtimes.` })
    .refine((r) => memberSchema(member("CompatibleRuntimes")).safeParse(r).success, {
      error: "Choose runtimes Lambda knows.",
    })
    .optional(),
  compatibleArchitectures: z
    .array(z.enum(["x86_64", "arm64"]))
    .max(LAYER_LIMITS.maxArchitectures)
    .optional(),
  licenseInfo: friendly(
    memberSchema(member("LicenseInfo")),
    `License information is at most ${LAYER_LIMITS.licenseMax} characters.`,
  ).optional(),
});
export type PublishLayerVersionFormSchema = z.infer<typeof PublishLayerVersionFormSchema>;

export const LayerVersionRefSchema = z.object({
  layerName: LayerNameSchema,
  version: z.number().int().min(1, { error: "Layer versions start at 1." }),
});
export type LayerVersionRefSchema = z.infer<typeof LayerVersionRefSchema>;
