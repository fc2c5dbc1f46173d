import "server-only";
import { db } from "@/lib/db";
import type { JobContext, JobDefinition } from "@/lib/server/jobs/registry";

// Removes rows whose only remaining use is to take up space:
// - rate_limit counters whose window (or block) is over (`expire`, epoch milliseconds, in the past).
//   An expired counter counts as absent for rate-limiter-flexible, so deleting it changes no
//   decision. Each process of the app also clears counters an hour old on a timer of the library's
//   own; this job does it for the whole installation at once, so a quiet instance's table does not
//   depend on a busy one.
// - sessions that ended more than a week ago (`expires_at`; every session expires at most 12 hours
//   after sign-in, revoked or not). A deleted session is refused exactly as an expired one is; the
//   week leaves the rows for anyone looking into a recent sign-in. The audit trail, not this table,
//   is the record of who signed in.
// Batched, so no statement holds many row locks for long; a run stops after MAX_BATCHES per table and
// the next run continues.

export const SESSION_KEEP_AFTER_EXPIRY_MS = 7 * 24 * 60 * 60 * 1000;
const BATCH = 5_000;
const MAX_BATCHES = 100;

export interface HousekeepingResult {
  rateLimitsDeleted: number;
  sessionsDeleted: number;
  [key: string]: number;
}

export async function runHousekeeping({ now }: Pick<JobContext, "now">): Promise<HousekeepingResult> {
  const expiredBefore = BigInt(now.getTime());
  const sessionsEndedBefore = new Date(now.getTime() - SESSION_KEEP_AFTER_EXPIRY_MS);

  // `expire < …` is repeated outside the subquery on purpose: a counter that a request renews
  // between the subquery's read and the delete is re-checked on its new version (READ COMMITTED)
  // and kept.
  const rateLimitsDeleted = await inBatches(
    () => db.$executeRaw`
      DELETE FROM rate_limit
      WHERE key IN (SELECT key FROM rate_limit WHERE expire < ${expiredBefore} LIMIT ${BATCH})
        AND expire < ${expiredBefore}`,
  );
  const sessionsDeleted = await inBatches(
    () => db.$executeRaw`
      DELETE FROM session
      WHERE id IN (SELECT id FROM session WHERE expires_at < ${sessionsEndedBefore} LIMIT ${BATCH})
        AND expires_at < ${sessionsEndedBefore}`,
  );
  return { rateLimitsDeleted, sessionsDeleted };
}

async function inBatches(deleteBatch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const deleted = await deleteBatch();
    total += deleted;
    if (deleted < BATCH) break;
  }
  return total;
}

export const housekeepingJob: JobDefinition = {
  name: "housekeeping",
  everySeconds: 10 * 60,
  run: runHousekeeping,
};
