// GET /api/invocations/:requestId — one invocation record in full: payloads and log (emulator extension).
import { getInvocation } from "@/lib/aws/invocations";
import { jsonFromAws } from "@/lib/aws/respond";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: RouteContext<"/api/invocations/[requestId]">) {
  const { requestId } = await ctx.params;
  return jsonFromAws(() => getInvocation(requestId));
}
