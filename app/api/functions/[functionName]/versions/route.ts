// GET /api/functions/:functionName/versions — ListVersionsByFunction (all pages), for the qualifier picker.
import { jsonFromAws } from "@/lib/aws/respond";
import { listVersionsByFunction } from "@/lib/aws/versions";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: RouteContext<"/api/functions/[functionName]/versions">) {
  const { functionName } = await ctx.params;
  return jsonFromAws(() => listVersionsByFunction(functionName));
}
