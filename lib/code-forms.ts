/**
 * Deploying code from the editor: the package limits Lambda enforces on direct uploads, checked before
 * anything is sent, and the deploy action's input schema (shared by the client and the action).
 */
import { z } from "zod";
import { LIMITS } from "@/lib/lambda-model/schemas";
import { FunctionNameSchema } from "@/lib/lambda-model/schemas";

export const ZIP_UPLOAD_MAX_BYTES = LIMITS.zipDirectUploadMaxBytes;
export const UNZIPPED_MAX_BYTES = LIMITS.unzippedMaxBytes;

const MB = 1024 * 1024;

/** Why a package cannot be uploaded directly, or undefined when it can. */
export function packageLimitProblem(zippedBytes: number, unzippedBytes: number): string | undefined {
  if (zippedBytes > ZIP_UPLOAD_MAX_BYTES) {
    return `The zipped package is ${(zippedBytes / MB).toFixed(1)} MB. Lambda accepts at most ${ZIP_UPLOAD_MAX_BYTES / MB} MB uploaded directly; larger packages go through Amazon S3 (or move dependencies to a layer).`;
  }
  if (unzippedBytes > UNZIPPED_MAX_BYTES) {
    return `The package unzips to ${(unzippedBytes / MB).toFixed(1)} MB. Lambda allows at most ${UNZIPPED_MAX_BYTES / MB} MB unzipped, layers included.`;
  }
  return undefined;
}

export const DeployCodeSchema = z.object({
  functionName: FunctionNameSchema,
  zip: z
    .instanceof(Blob, { error: "Attach the zip to deploy." })
    .refine((blob) => blob.size > 0, { error: "The package is empty." })
    .refine((blob) => blob.size <= ZIP_UPLOAD_MAX_BYTES, {
      error: `Lambda accepts at most ${ZIP_UPLOAD_MAX_BYTES / MB} MB zipped when uploading directly.`,
    }),
  /** The CodeSha256 the editor loaded; the deploy is refused if someone deployed since, unless `force`. */
  expectedCodeSha256: z.string().optional(),
  force: z.boolean().optional(),
});
export type DeployCodeSchema = z.infer<typeof DeployCodeSchema>;
