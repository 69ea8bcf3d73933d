// GET /api/functions/:functionName — GetFunction (configuration, code location, tags), for client refetches.
import { getFunction } from "@/lib/aws/functions";
import { jsonFromAws } from "@/lib/aws/respond";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: RouteContext<"/api/functions/[functionName]">) {
  const { functionName } = await ctx.params;
  return jsonFromAws(() => getFunction(functionName));
}
