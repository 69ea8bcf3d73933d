/**
 * A function's deployment package: GetFunction's `Code.Location` is a short-lived presigned URL (S3 on
 * AWS, the emulator's signed download route locally), fetched here so the browser never needs it.
 */
import "server-only";
import type { FunctionConfig } from "@/lib/lambda-types";
import { AwsCallError } from "./errors";
import { getFunction, updateFunctionCode } from "./functions";

export interface FunctionCodeZip {
  zip: Uint8Array;
  /** Base64 SHA-256 of the package, as Lambda reports it. */
  codeSha256?: string;
}

export async function getFunctionCodeZip(functionName: string, qualifier?: string): Promise<FunctionCodeZip> {
  const details = await getFunction(functionName, qualifier);
  if (details.Configuration.PackageType === "Image") {
    throw new AwsCallError({
      code: "ImagePackageHasNoZip",
      message: `${functionName} is a container image function; its code lives in the image ${details.Code?.ImageUri ?? ""}.`,
      status: 409,
    });
  }
  const location = details.Code?.Location;
  if (!location) {
    throw new AwsCallError({
      code: "CodeLocationMissing",
      message: "GetFunction returned no Code.Location for this function.",
      status: 502,
    });
  }
  let response: Response;
  try {
    response = await fetch(location, { cache: "no-store" });
  } catch (error) {
    throw new AwsCallError({
      code: "CodeDownloadFailed",
      message: `Could not download the deployment package (${error instanceof Error ? error.message : String(error)}).`,
      status: 502,
    });
  }
  if (!response.ok) {
    throw new AwsCallError({
      code: "CodeDownloadFailed",
      message: `Downloading the deployment package failed with HTTP ${response.status}.`,
      status: 502,
    });
  }
  return {
    zip: new Uint8Array(await response.arrayBuffer()),
    ...(details.Configuration.CodeSha256 ? { codeSha256: details.Configuration.CodeSha256 } : {}),
  };
}

/**
 * Moves a function to another architecture. Lambda takes the architecture only with code
 * (UpdateFunctionCode), so the deployed package is sent again unchanged; RevisionId guards against a
 * deploy in between.
 */
export async function updateFunctionArchitecture(input: {
  functionName: string;
  architecture: "x86_64" | "arm64";
  revisionId?: string;
}): Promise<FunctionConfig> {
  const { zip } = await getFunctionCodeZip(input.functionName);
  return updateFunctionCode({
    functionName: input.functionName,
    zipFile: zip,
    architecture: input.architecture,
    ...(input.revisionId ? { revisionId: input.revisionId } : {}),
  });
}
