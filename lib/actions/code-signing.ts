"use server";
/** Code signing config writes. */
import { createCodeSigningConfig, deleteCodeSigningConfig, updateCodeSigningConfig } from "@/lib/aws/code-signing";
import { CodeSigningConfigFormSchema, CodeSigningConfigRefSchema } from "@/lib/code-signing-forms";
import { defineAction } from "./define-action";

export const saveCodeSigningConfigAction = defineAction(CodeSigningConfigFormSchema, async (input) => {
  const fields = {
    ...(input.description ? { description: input.description } : {}),
    signingProfileVersionArns: input.signingProfileVersionArns,
    untrustedArtifactOnDeployment: input.untrustedArtifactOnDeployment,
  };
  return input.arn ? updateCodeSigningConfig(input.arn, fields) : createCodeSigningConfig(fields);
});

export const deleteCodeSigningConfigAction = defineAction(CodeSigningConfigRefSchema, async (input) => {
  await deleteCodeSigningConfig(input.arn);
  return input;
});
