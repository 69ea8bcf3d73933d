// GET /api/functions/:functionName/policy — GetPolicy, parsed into statements (none when there is no policy).
import { getPolicy } from "@/lib/aws/policies";
import { jsonFromAws } from "@/lib/aws/respond";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: RouteContext<"/api/functions/[functionName]/policy">) {
  const { functionName } = await ctx.params;
  return jsonFromAws(() => getPolicy(functionName));
}
