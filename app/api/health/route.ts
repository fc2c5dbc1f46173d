import { db } from "@/lib/db";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the start script. */
export async function GET() {
  const started = Date.now();
  let database: "ok" | "unavailable" = "ok";
  try {
    await db.$queryRaw`SELECT 1`;
  } catch (error) {
    database = "unavailable";
    log.warn({ err: error instanceof Error ? error.message : String(error) }, "health check: database unavailable");
  }
  const body = { status: database === "ok" ? "ok" : "degraded", app: "ok", database, latencyMs: Date.now() - started };
  return Response.json(body, { status: database === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
