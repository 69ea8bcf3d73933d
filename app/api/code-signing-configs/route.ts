// GET /api/code-signing-configs — ListCodeSigningConfigs (all pages).
import { listCodeSigningConfigs } from "@/lib/aws/code-signing";
import { jsonFromAws } from "@/lib/aws/respond";

export const dynamic = "force-dynamic";

export async function GET() {
  return jsonFromAws(() => listCodeSigningConfigs());
}
