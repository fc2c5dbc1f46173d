// The worker process: runs the background jobs of lib/server/jobs/registry.ts on the PostgreSQL job
// queue until SIGINT, SIGTERM or SIGHUP, then lets running jobs finish and exits 0.
//
//   npm run worker      (node --conditions=react-server --import tsx worker/main.ts)
//
// `npm start` (scripts/serve.mjs) runs one beside the app unless WORKER=off. Any number may run
// against one database: docs/decisions/017-worker-and-job-queue.md.
//
// The react-server condition makes `server-only` (which every lib/server module imports) resolve to
// its empty module, as it does inside Next's server; without it the import throws.
import "dotenv/config";
import { log } from "@/lib/log";
import { errorSummary } from "@/lib/log-error";
import { startWorker, type RunningWorker } from "@/lib/server/jobs/worker";

let stopping = false;

const starting: Promise<RunningWorker | undefined> = startWorker().catch((error: unknown) => {
  // Asked to stop while starting (the launcher stopped, and the database with it): nothing failed.
  if (stopping) process.exit(0);
  // Nothing has queried personal data yet: the message (a bad setting, a refused connection) is safe
  // to log and is what an operator needs.
  log.fatal({ ...errorSummary(error), message: error instanceof Error ? error.message : String(error) }, "worker: could not start");
  process.exit(1);
});

async function stop(reason: string): Promise<void> {
  // A repeated signal (Ctrl-C reaches the whole process group, then the launcher forwards its own)
  // changes nothing: the stop under way has its own time limit.
  if (stopping) return;
  stopping = true;
  log.info({ reason }, "worker: stopping");
  try {
    const worker = await starting;
    await worker?.stop();
    process.exit(0);
  } catch (error) {
    log.error(errorSummary(error), "worker: stop failed");
    process.exit(1);
  }
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop(signal));
// Started by scripts/serve.mjs with an IPC channel: when that launcher dies (even SIGKILLed), the
// channel closes and the worker stops instead of running on as an orphan.
if (process.send) process.on("disconnect", () => void stop("launcher exited"));
