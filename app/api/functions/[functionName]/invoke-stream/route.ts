// POST /api/functions/:functionName/invoke-stream — every Test-tab invoke. Invoke or
// InvokeWithResponseStream (lib/aws/invoke.ts), piped to the browser as text/event-stream. A route
// handler, not a server action: actions run one at a time per client, and an invoke may take minutes.
import { invocationEvents } from "@/lib/aws/invoke";
import { encodeSseEvent, InvokeRequestSchema } from "@/lib/invoke-stream";

export const dynamic = "force-dynamic";

export async function POST(request: Request, ctx: RouteContext<"/api/functions/[functionName]/invoke-stream">) {
  const { functionName } = await ctx.params;
  const parsed = InvokeRequestSchema.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "The invoke request is not valid.";
    return Response.json({ error: { code: "ValidationError", message, status: 400 } }, { status: 400 });
  }
  // Closing the tab aborts the request; the same signal aborts the SDK call, so the function's answer
  // stops being read (and the emulator sees the caller go away).
  const upstream = new AbortController();
  request.signal.addEventListener("abort", () => upstream.abort(), { once: true });
  const events = invocationEvents({ ...parsed.data, functionName }, upstream.signal);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await events.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(encodeSseEvent(next.value)));
    },
    async cancel() {
      upstream.abort();
      await events.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
