import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SESSION_KEEP_AFTER_EXPIRY_MS } from "@/lib/server/jobs/housekeeping";
import { runJobNow } from "@/lib/server/jobs/run-job-now";
import { startWorker } from "@/lib/server/jobs/worker";
import { openTestDatabase } from "../../support/test-database";

// The housekeeping job deletes expired rate-limit counters and sessions that ended more than a week
// ago — and nothing else: every other row of every table is still there afterwards.

const database = await openTestDatabase("demo");
const sql = new pg.Pool({ connectionString: database.url, max: 2 });
afterAll(() => sql.end());

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
let serial = 0;

/** Row counts of every table of the application (schema public). */
async function tableCounts(): Promise<Record<string, number>> {
  const { rows: tables } = await sql.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const { rows } = await sql.query<{ n: string }>(`SELECT count(*) AS n FROM "${table_name}"`);
    counts[table_name] = Number(rows[0]!.n);
  }
  return counts;
}

async function addRateLimit(expire: number | null): Promise<string> {
  const key = `test:${++serial}:${expire ?? "never"}`;
  await sql.query("INSERT INTO rate_limit (key, points, expire) VALUES ($1, 3, $2)", [key, expire]);
  return key;
}

async function addSession(expiresAt: Date, revoked = false): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { username: "analyst1" }, select: { id: true } });
  const session = await db.session.create({
    data: {
      userId: user.id,
      createdAt: new Date(expiresAt.getTime() - 12 * HOUR),
      lastSeenAt: new Date(expiresAt.getTime() - 12 * HOUR),
      expiresAt,
      ...(revoked ? { revokedAt: new Date(expiresAt.getTime() - 6 * HOUR), revokedReason: "sign_out" } : {}),
    },
    select: { id: true },
  });
  return session.id;
}

async function existing(table: "rate_limit" | "session", column: "key" | "id", ids: string[]): Promise<string[]> {
  const { rows } = await sql.query<{ v: string }>(`SELECT ${column}::text AS v FROM ${table} WHERE ${column}::text = ANY($1::text[]) ORDER BY 1`, [ids]);
  return rows.map((r) => r.v);
}

describe("housekeeping", () => {
  it("deletes expired rate-limit counters and sessions ended over a week ago, and only those", async () => {
    const now = new Date("2030-06-15T08:00:00Z");
    const t = now.getTime();
    const expiredCounters = [await addRateLimit(t - 1), await addRateLimit(t - 30 * DAY)];
    const liveCounters = [await addRateLimit(t), await addRateLimit(t + 1), await addRateLimit(t + HOUR), await addRateLimit(null)];
    const oldSessions = [await addSession(new Date(t - SESSION_KEEP_AFTER_EXPIRY_MS - 1)), await addSession(new Date(t - 40 * DAY), true)];
    const keptSessions = [
      await addSession(new Date(t - SESSION_KEEP_AFTER_EXPIRY_MS)), // exactly a week: kept
      await addSession(new Date(t - 6 * DAY)), // expired, but recently
      await addSession(new Date(t - DAY), true), // revoked, recently
      await addSession(new Date(t + 6 * HOUR)), // still running
    ];
    const before = await tableCounts();

    const result = await runJobNow("housekeeping", { now });

    expect(result).toEqual({ rateLimitsDeleted: 2, sessionsDeleted: 2 });
    expect(await existing("rate_limit", "key", [...expiredCounters, ...liveCounters])).toEqual([...liveCounters].sort());
    expect(await existing("session", "id", [...oldSessions, ...keptSessions])).toEqual([...keptSessions].sort());
    const after = await tableCounts();
    expect(after).toEqual({ ...before, rate_limit: before.rate_limit! - 2, session: before.session! - 2 });

    // Idempotent: a second run finds nothing more to do.
    expect(await runJobNow("housekeeping", { now })).toEqual({ rateLimitsDeleted: 0, sessionsDeleted: 0 });
    expect(await tableCounts()).toEqual(after);
  });

  it("deletes more rows than one batch holds", async () => {
    // Before every other counter of this file, so that only these 12,000 have expired.
    const now = new Date("2001-01-01T00:00:00Z");
    await sql.query(
      "INSERT INTO rate_limit (key, points, expire) SELECT 'bulk:' || i, 1, $1::bigint - i FROM generate_series(1, 12000) AS i",
      [now.getTime()],
    );
    const result = await runJobNow("housekeeping", { now });
    expect(result).toEqual({ rateLimitsDeleted: 12000, sessionsDeleted: 0 });
    const { rows } = await sql.query<{ n: string }>("SELECT count(*) AS n FROM rate_limit WHERE key LIKE 'bulk:%'");
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it("runs from the registry on the worker, which records its counts with the run", async () => {
    const expired = await addRateLimit(Date.now() - HOUR);
    const oldSession = await addSession(new Date(Date.now() - 30 * DAY));
    const worker = await startWorker();
    try {
      // The worker enqueues every job as it starts; wait for the run (no bound on how fast).
      for (let i = 0; i < 600 && worker.stats().housekeeping!.ran === 0; i++) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await worker.stop();
    }
    expect(worker.stats().housekeeping).toMatchObject({ ran: 1, failed: 0, enqueued: 1 });
    expect(await existing("rate_limit", "key", [expired])).toEqual([]);
    expect(await existing("session", "id", [oldSession])).toEqual([]);
    const { rows } = await sql.query<{ state: string; output: unknown }>("SELECT state, output FROM pgboss.job WHERE name = 'housekeeping'");
    expect(rows).toEqual([{ state: "completed", output: { rateLimitsDeleted: 1, sessionsDeleted: 1 } }]);
  });
});
