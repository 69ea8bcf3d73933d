// GET /api/functions/:functionName/durable-executions?status=&name=&qualifier=&marker=&maxItems= — one page
// of the function's durable executions (ListDurableExecutionsByFunction), newest first.
import { listDurableExecutionsByFunction } from "@/lib/aws/durable-executions";
import { jsonFromAws } from "@/lib/aws/respond";
import { DURABLE_EXECUTION_STATUSES, type DurableExecutionStatus } from "@/lib/durable-types";

export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: RouteContext<"/api/functions/[functionName]/durable-executions">) {
  const { functionName } = await ctx.params;
  const query = new URL(request.url).searchParams;
  const status = query.get("status") ?? undefined;
  const name = query.get("name") ?? undefined;
  const marker = query.get("marker") ?? undefined;
  const qualifier = query.get("qualifier") ?? undefined;
  const maxItems = Number(query.get("maxItems") ?? 50);
  return jsonFromAws(() =>
    listDurableExecutionsByFunction(functionName, {
      ...(marker ? { marker } : {}),
      ...(name ? { name } : {}),
      ...(qualifier ? { qualifier } : {}),
      ...(status && (DURABLE_EXECUTION_STATUSES as readonly string[]).includes(status)
        ? { status: status as DurableExecutionStatus }
        : {}),
      maxItems: Number.isInteger(maxItems) && maxItems > 0 && maxItems <= 1000 ? maxItems : 50,
    }),
  );
}
