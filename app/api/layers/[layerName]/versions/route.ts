// GET /api/layers/:layerName/versions — ListLayerVersions (all pages), newest first.
import { listLayerVersions } from "@/lib/aws/layers";
import { jsonFromAws } from "@/lib/aws/respond";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: RouteContext<"/api/layers/[layerName]/versions">) {
  const { layerName } = await ctx.params;
  return jsonFromAws(() => listLayerVersions(layerName));
}
