import "server-only";
import { housekeepingJob } from "@/lib/server/jobs/housekeeping";
import { supervisionSweepJob } from "@/lib/server/instructions/sweep-supervision";
import { moneySweepJob } from "@/lib/server/bank-requests/sweep-money";

// Every background job of the console, declared once, here. The worker (worker/main.ts, started by
// `npm start`, `npm run demo` or `npm run worker`) runs each on the PostgreSQL job queue
// (lib/server/jobs/worker.ts, docs/decisions/017-worker-and-job-queue.md).
//
// A job is { name, everySeconds, run, timeoutSeconds? }:
//   name          the queue's name: lowercase letters, digits, '.', '_', '-' ("area.what-it-does")
//   everySeconds  how often it runs. Whatever the number of worker instances, it is enqueued at most
//                 once per window of that many seconds (windows counted from the epoch, on the
//                 database's clock), and never runs twice at the same time.
//   run(ctx)      the handler: async and idempotent (a run repeated, or cut off and run again, must
//                 leave the same state). ctx.now is the moment to reason with (the tests fix it);
//                 ctx.jobId is the queue's id of the run (null in runJobNow) and is the request id
//                 of the audit rows and log lines the run writes. It returns counts for the log and
//                 the queue's record of the run, or nothing.
//   timeoutSeconds  after this long the queue gives up on a run and lets the next one start
//                 (default 15 minutes). Keep runs much shorter: work in batches.
//
// Adding a job is one entry below, with its handler in its own file, for example:
//   { name: "instruction.supervision-sweep", everySeconds: 60, run: sweepInstructionSupervision },
// plus an integration test that calls it through runJobNow (lib/server/jobs/run-job-now.ts).

export interface JobContext {
  /** The moment the run reasons with (deadlines, expiry). */
  now: Date;
  /** The queue's id of this run; null when run directly (runJobNow). */
  jobId: string | null;
}

/** What a run reports: small counts and flags, logged and kept with the queue's record of the run. */
export type JobResult = Record<string, number | string | boolean> | void;

export interface JobDefinition {
  name: string;
  everySeconds: number;
  run: (ctx: JobContext) => Promise<JobResult>;
  timeoutSeconds?: number;
}

export const JOBS: readonly JobDefinition[] = [housekeepingJob, supervisionSweepJob, moneySweepJob];

const NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** Throws when a definition cannot run as declared; returns the list as it was given. */
export function checkJobs(jobs: readonly JobDefinition[]): readonly JobDefinition[] {
  const seen = new Set<string>();
  for (const job of jobs) {
    if (!NAME.test(job.name)) throw new Error(`job name ${JSON.stringify(job.name)}: lowercase letters, digits, '.', '_', '-'`);
    if (seen.has(job.name)) throw new Error(`job ${job.name} is declared twice`);
    seen.add(job.name);
    if (!Number.isInteger(job.everySeconds) || job.everySeconds < 2) throw new Error(`job ${job.name}: everySeconds must be an integer ≥ 2`);
    if (job.timeoutSeconds !== undefined && (!Number.isInteger(job.timeoutSeconds) || job.timeoutSeconds < 1)) {
      throw new Error(`job ${job.name}: timeoutSeconds must be a positive integer`);
    }
  }
  return jobs;
}

export function findJob(name: string, jobs: readonly JobDefinition[] = JOBS): JobDefinition {
  const job = jobs.find((j) => j.name === name);
  if (!job) throw new Error(`no job named ${JSON.stringify(name)}`);
  return job;
}
