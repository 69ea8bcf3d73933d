// GET /api/invocations/:requestId?function=&at= — one invocation in full: the emulator's record (payloads
// and log), or its lines from the function's CloudWatch Logs (`function` names it, `at` is its REPORT's time).
import { getInvocation } from "@/lib/aws/invocations";
import { jsonFromAws } from "@/lib/aws/respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: RouteContext<"/api/invocations/[requestId]">) {
  const { requestId } = await ctx.params;
  const query = new URL(request.url).searchParams;
  const functionName = query.get("function") ?? undefined;
  const at = Number(query.get("at"));
  return jsonFromAws(() =>
    getInvocation(requestId, {
      ...(functionName ? { functionName } : {}),
      ...(Number.isInteger(at) && at > 0 ? { at } : {}),
    }),
  );
}
