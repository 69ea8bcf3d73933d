// GET /api/functions/:functionName/versions/:version — GetFunctionConfiguration of one version (read-only view).
import { getFunctionConfiguration } from "@/lib/aws/functions";
import { jsonFromAws } from "@/lib/aws/respond";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: RouteContext<"/api/functions/[functionName]/versions/[version]">) {
  const { functionName, version } = await ctx.params;
  return jsonFromAws(() => getFunctionConfiguration(functionName, version));
}
