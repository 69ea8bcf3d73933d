// GET /api/functions/:functionName/code[?download=1] — the deployed zip, fetched server-side from
// GetFunction's Code.Location (a presigned URL the browser never sees).
import { AwsCallError, toAwsError } from "@/lib/aws/errors";
import { getFunctionCodeZip } from "@/lib/aws/code";

export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: RouteContext<"/api/functions/[functionName]/code">) {
  const { functionName } = await ctx.params;
  const download = new URL(request.url).searchParams.get("download") === "1";
  try {
    const { zip, codeSha256 } = await getFunctionCodeZip(functionName);
    return new Response(Buffer.from(zip), {
      headers: {
        "content-type": "application/zip",
        "cache-control": "no-store",
        ...(codeSha256 ? { "x-code-sha256": codeSha256 } : {}),
        ...(download ? { "content-disposition": `attachment; filename="${functionName}.zip"` } : {}),
      },
    });
  } catch (error) {
    const detail = error instanceof AwsCallError ? error.detail : toAwsError(error);
    return Response.json({ error: detail }, { status: detail.status ?? 500, headers: { "cache-control": "no-store" } });
  }
}
