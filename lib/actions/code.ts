"use server";
/** Deploying code: UpdateFunctionCode with a zip the editor built or the user uploaded. */
import { DeployCodeSchema } from "@/lib/code-forms";
import { getFunctionConfiguration, updateFunctionCode } from "@/lib/aws/functions";
import { ActionFailure, defineAction } from "./define-action";

export const deployCodeAction = defineAction(DeployCodeSchema, async (input) => {
  if (input.expectedCodeSha256 && !input.force) {
    // Two tabs (or two people) editing one function: the second deploy would silently drop the first.
    const current = await getFunctionConfiguration(input.functionName);
    if (current.CodeSha256 && current.CodeSha256 !== input.expectedCodeSha256) {
      throw new ActionFailure({
        code: "CodeChangedSinceLoaded",
        message: `The deployed code changed after you opened it (now ${current.CodeSha256.slice(0, 12)}…, last modified ${current.LastModified ?? "recently"}). Deploying would overwrite that change.`,
      });
    }
  }
  return updateFunctionCode({
    functionName: input.functionName,
    zipFile: new Uint8Array(await input.zip.arrayBuffer()),
  });
});
