// GET /api/functions/:functionName/provisioned-concurrency — ListProvisionedConcurrencyConfigs (all pages).
import { listProvisionedConcurrencyConfigs } from "@/lib/aws/concurrency";
import { jsonFromAws } from "@/lib/aws/respond";

export const dynamic = "force-dynamic";

export async function GET(
  _request: Request,
  ctx: RouteContext<"/api/functions/[functionName]/provisioned-concurrency">,
) {
  const { functionName } = await ctx.params;
  return jsonFromAws(() => listProvisionedConcurrencyConfigs(functionName));
}
