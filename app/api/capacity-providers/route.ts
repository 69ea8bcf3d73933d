// GET /api/capacity-providers — ListCapacityProviders (all pages).
import { listCapacityProviders } from "@/lib/aws/capacity-providers";
import { jsonFromAws } from "@/lib/aws/respond";

export const dynamic = "force-dynamic";

export async function GET() {
  return jsonFromAws(() => listCapacityProviders());
}
