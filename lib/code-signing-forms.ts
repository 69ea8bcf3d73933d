/** Code signing config forms, from Create/UpdateCodeSigningConfig's member constraints. */
import { z } from "zod";
import { inputMember, typeMember } from "@/lib/lambda-model/model";
import { memberSchema } from "@/lib/lambda-model/validate";
import { friendly } from "./friendly";

const profiles = typeMember("AllowedPublishers", "SigningProfileVersionArns");
export const SIGNING_PROFILES_MAX = profiles.maxItems ?? 20;

export const CodeSigningConfigFormSchema = z.object({
  /** Set when updating; absent when creating. */
  arn: z.string().optional(),
  description: friendly(
    memberSchema(inputMember("CreateCodeSigningConfig", "Description")),
    "Descriptions are at most 256 characters.",
  ).optional(),
  signingProfileVersionArns: z
    .array(z.string())
    .min(1, { error: "Add at least one signing profile version ARN." })
    .max(SIGNING_PROFILES_MAX, { error: `At most ${SIGNING_PROFILES_MAX} signing profiles.` })
    .refine((arns) => memberSchema(profiles).safeParse(arns).success, {
      error:
        "Signing profile version ARNs look like arn:aws:signer:us-east-1:123456789012:/signing-profiles/MyProfile/abc123.",
    }),
  untrustedArtifactOnDeployment: z.enum(["Warn", "Enforce"]),
});
export type CodeSigningConfigFormSchema = z.infer<typeof CodeSigningConfigFormSchema>;

export const CodeSigningConfigRefSchema = z.object({
  arn: z.string().regex(/^arn:aws[a-zA-Z-]*:lambda:/, { error: "Not a code signing config ARN." }),
});
