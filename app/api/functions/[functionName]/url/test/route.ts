// POST /api/functions/:functionName/url/test — sends one request to the function's URL from the server
// (lib/aws/function-urls.ts: the emulator's *.localhost URLs by their path form, IAM URLs signed) and
// answers with status, headers and body. A route handler, not a server action: it invokes the function,
// which may take minutes, and actions run one at a time per client.
import { AwsCallError, toAwsError } from "@/lib/aws/errors";
import { sendFunctionUrlRequest } from "@/lib/aws/function-urls";
import { UrlTestRequestSchema } from "@/lib/function-url-forms";

export const dynamic = "force-dynamic";

export async function POST(request: Request, ctx: RouteContext<"/api/functions/[functionName]/url/test">) {
  const { functionName } = await ctx.params;
  const parsed = UrlTestRequestSchema.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "The request is not valid.";
    return Response.json({ error: { code: "ValidationError", message, status: 400 } }, { status: 400 });
  }
  try {
    return Response.json(await sendFunctionUrlRequest({ functionName, ...parsed.data }), {
      headers: { "cache-control": "no-store" },
    });
  } catch (error) {
    const detail = error instanceof AwsCallError ? error.detail : toAwsError(error);
    return Response.json({ error: detail }, { status: detail.status ?? 500, headers: { "cache-control": "no-store" } });
  }
}
