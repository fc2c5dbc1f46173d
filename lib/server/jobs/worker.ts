import "server-only";
import type PgBoss from "pg-boss";
import { log } from "@/lib/log";
import { errorSummary } from "@/lib/log-error";
import { runWithRequestContext } from "@/lib/request-context";
import { createJobQueue, declareQueues } from "@/lib/server/jobs/queue";
import { JOBS, checkJobs, type JobDefinition, type JobResult } from "@/lib/server/jobs/registry";

// The worker: runs the jobs of the registry on the queue. Any number of instances may run at once
// (one per server, beside each app process) — see docs/decisions/017-worker-and-job-queue.md.
//
// How a job that runs every N seconds is enqueued once per N seconds, whatever the number of
// instances: every instance "ticks" each job several times per window and sends it with
// singletonKey + singletonSeconds = N. pg-boss gives such a job the window it falls in
// (floor(epoch / N), on the database's clock) and a unique index on (name, window, key) turns every
// send after the first of a window into a no-op. The queue's policy is "stately": at most one run
// waiting and one running, so a slow run is never overlapped by the next window's, and runs never
// pile up. A failed run is not retried: the next window runs the job again.

const DEFAULT_TIMEOUT_SECONDS = 15 * 60;
/** How long stop() lets running jobs finish; then they are marked failed and the process may exit. */
export const DEFAULT_STOP_TIMEOUT_MS = 8_000;
const PERIODIC = "periodic";

export interface WorkerOptions {
  /** The jobs to run (default: the registry). */
  jobs?: readonly JobDefinition[];
  /** Default: DATABASE_URL (lib/env.ts). */
  connectionString?: string;
  stopTimeoutMs?: number;
}

export interface JobStats {
  /** Sends that created a run. */
  enqueued: number;
  /** Sends that found the window's run already there (another tick, another instance). */
  skipped: number;
  ran: number;
  failed: number;
}

export interface RunningWorker {
  /** Counts of this instance since it started, per job. */
  stats(): Record<string, JobStats>;
  /** Stops enqueueing and fetching, lets running jobs finish (up to the stop timeout), closes the pool. */
  stop(): Promise<void>;
}

/** How often an instance sends a job that runs every `everySeconds`: several times per window. */
export function tickSeconds(everySeconds: number): number {
  return Math.min(30, Math.max(0.5, everySeconds / 4));
}

export async function startWorker(options: WorkerOptions = {}): Promise<RunningWorker> {
  const jobs = checkJobs(options.jobs ?? JOBS);
  const stopTimeoutMs = options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
  const stats = new Map(jobs.map((job) => [job.name, { enqueued: 0, skipped: 0, ran: 0, failed: 0 } satisfies JobStats]));
  const boss = createJobQueue(options.connectionString);
  try {
    await boss.start();
    const queues = jobs.map(
      (job): PgBoss.Queue => ({
        name: job.name,
        policy: "stately",
        retryLimit: 0,
        expireInSeconds: job.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
      }),
    );
    await declareQueues(boss, queues, options.connectionString);
    for (const job of jobs) {
      await boss.work(job.name, { batchSize: 1, pollingIntervalSeconds: Math.min(2, tickSeconds(job.everySeconds)) }, async ([queued]) =>
        runQueuedJob(job, queued!.id, stats.get(job.name)!),
      );
    }
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw error;
  }

  let stopping = false;
  const sending = new Set<Promise<void>>();
  const enqueue = (job: JobDefinition) => {
    if (stopping) return;
    const stat = stats.get(job.name)!;
    const sent: Promise<void> = boss
      .send(job.name, {}, { singletonKey: PERIODIC, singletonSeconds: job.everySeconds })
      .then((id) => {
        if (id) stat.enqueued++;
        else stat.skipped++;
      })
      .catch((error: unknown) => log.warn({ job: job.name, ...errorSummary(error) }, "job: could not enqueue (next tick tries again)"))
      .finally(() => sending.delete(sent));
    sending.add(sent);
  };
  const timers = jobs.map((job) => {
    enqueue(job);
    return setInterval(() => enqueue(job), tickSeconds(job.everySeconds) * 1000);
  });
  log.info({ jobs: jobs.map((j) => ({ name: j.name, everySeconds: j.everySeconds })) }, "worker started");

  let stopped: Promise<void> | undefined;
  return {
    stats: () => Object.fromEntries([...stats].map(([name, stat]) => [name, { ...stat }])),
    stop: () =>
      (stopped ??= (async () => {
        stopping = true;
        for (const timer of timers) clearInterval(timer);
        await Promise.all(sending);
        await boss.stop({ graceful: true, wait: true, timeout: stopTimeoutMs });
        log.info("worker stopped");
      })()),
  };
}

/**
 * One run taken from the queue. Its id is the request id of whatever it writes. A failure is
 * logged here in full (class, codes, stack) and handed to the queue without its message, which
 * could quote a query's values: pg-boss keeps what a handler throws in its job table.
 */
async function runQueuedJob(job: JobDefinition, jobId: string, stat: JobStats): Promise<JobResult> {
  const started = performance.now();
  try {
    const result = await runWithRequestContext({ requestId: jobId, ip: null }, () => job.run({ now: new Date(), jobId }));
    stat.ran++;
    log.info({ job: job.name, jobId, ms: Math.round(performance.now() - started), result }, "job done");
    return result;
  } catch (error) {
    stat.failed++;
    log.error({ job: job.name, jobId, ...errorSummary(error) }, "job failed");
    throw new Error(`job ${job.name} failed (${error instanceof Error ? error.name : typeof error}); see the worker's log`);
  }
}
