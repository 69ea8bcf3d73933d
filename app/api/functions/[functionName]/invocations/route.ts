// GET /api/functions/:functionName/invocations?marker=&status=&since=&maxItems= — one page of invocations:
// the emulator's records, or the function's CloudWatch Logs where there are none.
import { TIME_WINDOWS, type TimeWindow } from "@/components/invocations/invocation-filters";
import { listInvocations } from "@/lib/aws/invocations";
import { jsonFromAws } from "@/lib/aws/respond";
import type { InvocationStatus } from "@/lib/lambda-types";

export const dynamic = "force-dynamic";

const STATUSES = new Set<string>(["Success", "Error", "Timeout"]);

export async function GET(request: Request, ctx: RouteContext<"/api/functions/[functionName]/invocations">) {
  const { functionName } = await ctx.params;
  const query = new URL(request.url).searchParams;
  const status = query.get("status") ?? undefined;
  const since = query.get("since") ?? undefined;
  const maxItems = Number(query.get("maxItems") ?? 50);
  return jsonFromAws(() =>
    listInvocations(functionName, {
      ...(query.get("marker") ? { marker: query.get("marker") ?? undefined } : {}),
      ...(status && STATUSES.has(status) ? { status: status as InvocationStatus } : {}),
      ...(since && since in TIME_WINDOWS ? { withinMs: TIME_WINDOWS[since as TimeWindow] } : {}),
      maxItems: Number.isInteger(maxItems) && maxItems > 0 && maxItems <= 1000 ? maxItems : 50,
    }),
  );
}
