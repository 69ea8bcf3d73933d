// GET /api/account — GetAccountSettings (concurrency and code storage limits and usage).
import { getAccountSettings } from "@/lib/aws/account";
import { jsonFromAws } from "@/lib/aws/respond";

export const dynamic = "force-dynamic";

export async function GET() {
  return jsonFromAws(() => getAccountSettings());
}
