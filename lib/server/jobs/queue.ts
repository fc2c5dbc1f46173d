import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

// The job queue: pg-boss 10 on the application's own PostgreSQL, in its own schema. pg-boss creates
// and upgrades that schema itself when it starts (under an advisory lock, so instances starting
// together are safe); the application's migrations never touch it. The worker holds the one
// instance of its process (lib/server/jobs/worker.ts). Should the app ever enqueue work on demand,
// give it one instance per process too, kept on globalThis as lib/db.ts keeps its client.

export const JOB_SCHEMA = "pgboss";

export function createJobQueue(connectionString: string = env().DATABASE_URL): PgBoss {
  const boss = new PgBoss({
    connectionString,
    schema: JOB_SCHEMA,
    application_name: "afc-worker",
    // Polling, sends and pg-boss's own maintenance; the jobs' queries go through lib/db's pool.
    max: 3,
    // No cron: periodic jobs are enqueued by the worker's ticks (see worker.ts), so the
    // timekeeper's clock-skew and cron monitors have nothing to do.
    schedule: false,
    // pg-boss's maintenance (expiring stuck runs, archiving and deleting old ones) stays on; it
    // takes an advisory lock, so one instance at a time does it.
    supervise: true,
  });
  // Without a listener, an 'error' event (a lost connection while polling) would crash the process.
  boss.on("error", (error: Error & { queue?: string }) => {
    log.error({ err: { name: error.name, message: error.message }, queue: error.queue }, "job queue error");
  });
  return boss;
}
