// GET /api/functions?marker=… — one page of ListFunctions, for client refetches and "Load more".
import { listFunctions } from "@/lib/aws/functions";
import { jsonFromAws } from "@/lib/aws/respond";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  const marker = new URL(request.url).searchParams.get("marker") ?? undefined;
  return jsonFromAws(() => listFunctions(marker ? { marker } : {}));
}
