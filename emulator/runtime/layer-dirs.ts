/**
 * The extracted trees of a function's layers, in its layer order: each one stands in for Lambda's /opt
 * (NODE_PATH, PYTHONPATH, PATH and LD_LIBRARY_PATH entries point into them). Layer versions are
 * KIND.layerVersion documents keyed `${layerName}:${version}` carrying the zip's CodeStore hash.
 */
import { parseLayerVersionArn } from "../../lib/lambda-model/arns";
import type { EmulatorContext } from "../context";
import type { FunctionConfig } from "../store/functions-repo";
import { KIND } from "../store/kinds";

interface LayerVersionContent {
  /** hex sha256 of the layer zip (its CodeStore key). */
  ContentHash?: string;
}

/** Called on cold starts only (extraction is synchronous, once per layer version). */
export function layerDirs(ctx: EmulatorContext, config: FunctionConfig): string[] {
  const dirs: string[] = [];
  for (const layer of config.Layers ?? []) {
    const ref = layer.Arn ? parseLayerVersionArn(layer.Arn) : undefined;
    if (!ref) continue;
    const doc = ctx.resources.get<LayerVersionContent>(KIND.layerVersion, `${ref.layerName}:${ref.version}`);
    if (doc?.ContentHash && ctx.code.has(doc.ContentHash)) dirs.push(ctx.code.extracted(doc.ContentHash));
  }
  return dirs;
}
