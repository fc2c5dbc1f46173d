import "server-only";
import pg from "pg";
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

/**
 * Creates the queues that do not exist yet and brings every queue's settings in step. pg-boss 10's
 * create_queue deadlocks when two instances create the same queue at the same moment (it inserts the
 * queue row, then creates and attaches a partition of the job table); instances starting together
 * (a deployment, a restart of every server) would then lose one start. So instances take turns,
 * under a session advisory lock on a connection of their own.
 */
export async function declareQueues(boss: PgBoss, queues: readonly PgBoss.Queue[], connectionString: string = env().DATABASE_URL): Promise<void> {
  const lock = new pg.Client({ connectionString, application_name: "afc-worker", connectionTimeoutMillis: 10_000 });
  lock.on("error", () => {}); // a lost connection ends the session, and with it the lock
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock(hashtextextended('afc.job-queue.declare', 0))");
    for (const queue of queues) {
      // createQueue leaves an existing queue as it is; updateQueue brings its settings in step.
      if (!(await boss.getQueue(queue.name))) await boss.createQueue(queue.name, queue);
      await boss.updateQueue(queue.name, queue);
    }
  } finally {
    await lock.end().catch(() => {}); // ends the session: the lock is released with it
  }
}
