// GET /api/functions/:functionName/event-invoke-config — GetFunctionEventInvokeConfig, or null when unset.
import { getFunctionEventInvokeConfig } from "@/lib/aws/event-invoke-configs";
import { jsonFromAws } from "@/lib/aws/respond";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: RouteContext<"/api/functions/[functionName]/event-invoke-config">) {
  const { functionName } = await ctx.params;
  return jsonFromAws(() => getFunctionEventInvokeConfig(functionName));
}
