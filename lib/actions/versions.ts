"use server";
/** Version writes: publishing $LATEST and deleting a published version. */
import { deleteFunction } from "@/lib/aws/functions";
import { listVersionsByFunction, publishVersion } from "@/lib/aws/versions";
import type { PublishedVersion } from "@/lib/lambda-types";
import { DeleteVersionFormSchema, PublishVersionFormSchema } from "@/lib/version-forms";
import { defineAction } from "./define-action";

export const publishVersionAction = defineAction(PublishVersionFormSchema, async (input): Promise<PublishedVersion> => {
  // PublishVersion answers with the newest version, unchanged, when $LATEST equals it; the only way to
  // tell the user "nothing new was published" is to know which versions existed before.
  const before = await listVersionsByFunction(input.functionName);
  const config = await publishVersion({
    functionName: input.functionName,
    ...(input.description ? { description: input.description } : {}),
    ...(input.codeSha256 ? { codeSha256: input.codeSha256 } : {}),
    ...(input.revisionId ? { revisionId: input.revisionId } : {}),
  });
  return { config, created: !before.some((v) => v.Version === config.Version) };
});

export const deleteVersionAction = defineAction(DeleteVersionFormSchema, async (input) => {
  await deleteFunction(input.functionName, input.version);
  return { functionName: input.functionName, version: input.version };
});
