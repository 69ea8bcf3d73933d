// GET /api/layers/:layerName/versions/:version/content — the version's zip as an attachment, fetched
// server-side from GetLayerVersion's presigned Content.Location (which the browser never sees).
import { AwsCallError, toAwsError } from "@/lib/aws/errors";
import { getLayerVersionZip } from "@/lib/aws/layers";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: RouteContext<"/api/layers/[layerName]/versions/[version]/content">) {
  const { layerName, version } = await ctx.params;
  try {
    const zip = await getLayerVersionZip(layerName, Number(version));
    return new Response(Buffer.from(zip), {
      headers: {
        "content-type": "application/zip",
        "cache-control": "no-store",
        "content-disposition": `attachment; filename="${layerName.replace(/[^a-zA-Z0-9_-]/g, "_")}-${Number(version)}.zip"`,
      },
    });
  } catch (error) {
    const detail = error instanceof AwsCallError ? error.detail : toAwsError(error);
    return Response.json({ error: detail }, { status: detail.status ?? 500, headers: { "cache-control": "no-store" } });
  }
}
