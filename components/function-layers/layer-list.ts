/** A function's ordered layer list: display parts of a version ARN, reordering, and compatibility. */
import { parseLayerVersionArn } from "@/lib/lambda-model/arns";
import type { LayerVersionSummary } from "@/lib/lambda-types";

/** `arn:…:layer:deps:3` → { name: "deps", version: 3 }; foreign or odd ARNs keep the ARN as the name. */
export function layerLabel(arn: string): { name: string; version?: number; account?: string } {
  const parsed = parseLayerVersionArn(arn);
  return parsed ? { name: parsed.layerName, version: parsed.version, account: parsed.account } : { name: arn };
}

/** Moves one item; out-of-range moves leave the list as it is. */
export function moveItem<T>(list: T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

/**
 * Why a layer version may not suit the function, or undefined. Lambda itself does not check (layers are
 * just files), so this is a warning, not a refusal.
 */
export function compatibilityProblem(
  version: Pick<LayerVersionSummary, "CompatibleRuntimes" | "CompatibleArchitectures">,
  runtime: string | undefined,
  architecture: string | undefined,
): string | undefined {
  const runtimes = version.CompatibleRuntimes ?? [];
  const arches = version.CompatibleArchitectures ?? [];
  if (runtime && runtimes.length > 0 && !runtimes.includes(runtime)) {
    return `Declared for ${runtimes.join(", ")}, not ${runtime}.`;
  }
  if (architecture && arches.length > 0 && !arches.includes(architecture)) {
    return `Built for ${arches.join(", ")}, not ${architecture}.`;
  }
  return undefined;
}
