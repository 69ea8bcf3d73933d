"use server";
/** Layer writes: publishing a version from an uploaded zip, deleting a version. */
import { deleteLayerVersion, publishLayerVersion } from "@/lib/aws/layers";
import { LayerVersionRefSchema, PublishLayerVersionFormSchema } from "@/lib/layer-forms";
import { defineAction } from "./define-action";

export const publishLayerVersionAction = defineAction(PublishLayerVersionFormSchema, async (input) =>
  publishLayerVersion({
    layerName: input.layerName,
    zipFile: new Uint8Array(await input.zip.arrayBuffer()),
    ...(input.description ? { description: input.description } : {}),
    ...(input.compatibleRuntimes?.length ? { compatibleRuntimes: input.compatibleRuntimes } : {}),
    ...(input.compatibleArchitectures?.length ? { compatibleArchitectures: input.compatibleArchitectures } : {}),
    ...(input.licenseInfo ? { licenseInfo: input.licenseInfo } : {}),
  }),
);

export const deleteLayerVersionAction = defineAction(LayerVersionRefSchema, async (input) => {
  await deleteLayerVersion(input.layerName, input.version);
  return input;
});
