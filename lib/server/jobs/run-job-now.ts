import "server-only";
import { randomUUID } from "node:crypto";
import { runWithRequestContext } from "@/lib/request-context";
import { JOBS, findJob, type JobDefinition, type JobResult } from "@/lib/server/jobs/registry";

/**
 * Runs one job's handler here and now, without the queue: for tests (fix `now` to move the
 * clock) and for an operator's one-off run. The same handler the worker runs, in a request
 * context of its own; the queue's guarantees (once per window, never twice at once) do not apply.
 */
export async function runJobNow(
  name: string,
  { now = new Date(), jobs = JOBS }: { now?: Date; jobs?: readonly JobDefinition[] } = {},
): Promise<JobResult> {
  const job = findJob(name, jobs);
  return runWithRequestContext({ requestId: randomUUID(), ip: null }, () => job.run({ now, jobId: null }));
}
