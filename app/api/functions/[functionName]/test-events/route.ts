// GET /api/functions/:functionName/test-events — the saved test events (console store, not the Lambda API).
import { testEvents } from "@/lib/store";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: RouteContext<"/api/functions/[functionName]/test-events">) {
  const { functionName } = await ctx.params;
  return Response.json(testEvents().list(functionName), { headers: { "cache-control": "no-store" } });
}
