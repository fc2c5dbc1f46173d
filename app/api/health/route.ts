import { checkDatabase } from "@/lib/server/health/check-database";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the start script. */
export async function GET() {
  const started = Date.now();
  const database = await checkDatabase();
  const body = { status: database === "ok" ? "ok" : "degraded", app: "ok", database, latencyMs: Date.now() - started };
  return Response.json(body, { status: database === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
