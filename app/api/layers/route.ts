// GET /api/layers — ListLayers (all pages): each layer with its newest version.
import { listLayers } from "@/lib/aws/layers";
import { jsonFromAws } from "@/lib/aws/respond";

export const dynamic = "force-dynamic";

export async function GET() {
  return jsonFromAws(() => listLayers());
}
