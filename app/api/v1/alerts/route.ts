import { handleIngestRequest } from "@/lib/server/ingest/handle-ingest-request";

// Alert ingestion for upstream systems (API key, JSON). Documented at /api/v1/openapi.json.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return handleIngestRequest(request);
}
