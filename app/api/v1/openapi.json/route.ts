import { openApiDocument } from "@/lib/openapi/document";

// The OpenAPI 3.1 description of /api/v1, generated from the zod schemas that validate requests.
export const runtime = "nodejs";

export async function GET(): Promise<Response> {
  return Response.json(openApiDocument(), {
    headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
