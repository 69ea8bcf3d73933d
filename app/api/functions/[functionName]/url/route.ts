// GET /api/functions/:functionName/url — GetFunctionUrlConfig ($LATEST), or null when the function has no URL.
import { getFunctionUrlConfig } from "@/lib/aws/function-urls";
import { jsonFromAws } from "@/lib/aws/respond";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: RouteContext<"/api/functions/[functionName]/url">) {
  const { functionName } = await ctx.params;
  return jsonFromAws(() => getFunctionUrlConfig(functionName));
}
