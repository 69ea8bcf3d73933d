// GET /api/durable-execution/history?arn= — every history event of one execution, oldest first
// (GetDurableExecutionHistory, all pages up to the console's bound).
import { getDurableExecutionHistory } from "@/lib/aws/durable-executions";
import { jsonFromAws } from "@/lib/aws/respond";
import { missingArn } from "../missing-arn";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const arn = new URL(request.url).searchParams.get("arn");
  if (!arn) return missingArn();
  return jsonFromAws(() => getDurableExecutionHistory(arn));
}
