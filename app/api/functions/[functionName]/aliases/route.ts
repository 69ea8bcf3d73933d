// GET /api/functions/:functionName/aliases — ListAliases (all pages), for the qualifier picker.
import { listAliases } from "@/lib/aws/aliases";
import { jsonFromAws } from "@/lib/aws/respond";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: RouteContext<"/api/functions/[functionName]/aliases">) {
  const { functionName } = await ctx.params;
  return jsonFromAws(() => listAliases(functionName));
}
