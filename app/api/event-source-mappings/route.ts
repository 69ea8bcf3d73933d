// GET /api/event-source-mappings — ListEventSourceMappings (all pages).
import { listEventSourceMappings } from "@/lib/aws/event-source-mappings";
import { jsonFromAws } from "@/lib/aws/respond";

export const dynamic = "force-dynamic";

export async function GET() {
  return jsonFromAws(() => listEventSourceMappings());
}
