// GET /api/durable-execution?arn= — one durable execution (GetDurableExecution, with its payloads).
import { getDurableExecution } from "@/lib/aws/durable-executions";
import { jsonFromAws } from "@/lib/aws/respond";
import { missingArn } from "./missing-arn";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const arn = new URL(request.url).searchParams.get("arn");
  if (!arn) return missingArn();
  return jsonFromAws(() => getDurableExecution(arn));
}
