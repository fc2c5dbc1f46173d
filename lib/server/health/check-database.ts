import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { errorSummary } from "@/lib/log-error";

/** Whether the database answers. No actor: the health check is public and says nothing else. */
export async function checkDatabase(): Promise<"ok" | "unavailable"> {
  try {
    await db.$queryRaw`SELECT 1`;
    return "ok";
  } catch (error) {
    log.warn({ err: errorSummary(error) }, "health check: database unavailable");
    return "unavailable";
  }
}
