/**
 * A zip uploaded inline (CreateFunction/UpdateFunctionCode `ZipFile`, PublishLayerVersion
 * `Content.ZipFile`): decoded, checked against the reference's size limits and stored content-addressed,
 * with the service's messages for what is wrong with it.
 */
import { LIMITS } from "../../lib/lambda-model/schemas";
import type { EmulatorContext } from "../context";
import { invalidParameter, LambdaError } from "../errors";
import { InvalidZipError, ZipTooLargeError } from "../zip";
import type { StoredCode } from "./code-store";

export function storeUploadedZip(ctx: EmulatorContext, base64: string): StoredCode {
  const zip = Buffer.from(base64, "base64");
  if (zip.length === 0) throw invalidParameter("Uploaded file must be a non-empty zip");
  if (zip.length > LIMITS.zipDirectUploadMaxBytes) {
    throw new LambdaError(
      "RequestEntityTooLargeException",
      413,
      `Zipped size must be smaller than ${LIMITS.zipDirectUploadMaxBytes} bytes`,
    );
  }
  const tooLarge = () => invalidParameter(`Unzipped size must be smaller than ${LIMITS.unzippedMaxBytes} bytes`);
  let stored: StoredCode;
  try {
    stored = ctx.code.put(zip, LIMITS.unzippedMaxBytes);
  } catch (e) {
    if (e instanceof ZipTooLargeError) throw tooLarge();
    if (e instanceof InvalidZipError) {
      throw invalidParameter("Could not unzip uploaded file. Please check your file, then try to upload again.");
    }
    throw e;
  }
  if (stored.unzippedSize > LIMITS.unzippedMaxBytes) throw tooLarge();
  return stored;
}
