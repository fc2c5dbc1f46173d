import "server-only";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

// Every rate limit of the console, counted in PostgreSQL (table rate_limit, created by a
// migration) so that all instances of the app share one count. rate-limiter-flexible's upsert is
// one atomic statement: parallel requests cannot slip past a limit.

const MINUTE = 60;

/** Points per window (seconds); a limit with `blockDuration` stays shut that long once crossed. */
export const RATE_LIMITS = {
  /**
   * Sign-in attempts from one address that did not succeed (a success gives its point back).
   * Checked before the account is even looked up, so one address cannot run through accounts
   * locking them: at most 20 / 5 = 4 accounts per window, instead of all of them.
   */
  signInByAddress: { points: 20, duration: 15 * MINUTE, blockDuration: 15 * MINUTE },
  /** Wrong current passwords on the password-change form, per user (a stolen session cannot guess on). */
  passwordChangeByUser: { points: 5, duration: 15 * MINUTE, blockDuration: 15 * MINUTE },
  /** Ingestion requests per address, before the key is looked up. */
  ingestByAddress: { points: 60_000, duration: MINUTE },
  /** Ingestion requests per API key: a runaway feed, not a normal one (the target is 300 requests/s). */
  ingestByKey: { points: 30_000, duration: MINUTE },
  /** Audit rows that requests without valid credentials (bad API keys) may cause from one address. */
  anonymousAuditByAddress: { points: 30, duration: 15 * MINUTE },
} as const satisfies Record<string, { points: number; duration: number; blockDuration?: number }>;

export type RateLimitName = keyof typeof RATE_LIMITS;

export type RateLimitDecision =
  | { allowed: true }
  | {
      allowed: false;
      retryAfterSeconds: number;
      /** This request is the one that crossed the limit: exactly one per window, to audit once. */
      firstRefusal: boolean;
    };

/** The subject of a per-address limit; requests with no known address share one count. */
export function addressKey(ip: string | null): string {
  return ip ?? "unknown";
}

/**
 * Takes `points` from the subject's allowance. Throws (like any query) when the database is
 * unreachable: callers answer that as they answer any database outage.
 */
export async function consumeRateLimit(name: RateLimitName, subject: string, points = 1): Promise<RateLimitDecision> {
  try {
    await limiter(name).consume(subject, points);
    return { allowed: true };
  } catch (outcome) {
    if (!(outcome instanceof RateLimiterRes)) throw outcome;
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)),
      firstRefusal: outcome.consumedPoints === RATE_LIMITS[name].points + points,
    };
  }
}

/** Gives one point back (a sign-in that succeeded after all). */
export async function refundRateLimit(name: RateLimitName, subject: string): Promise<void> {
  await limiter(name).reward(subject, 1);
}

interface Store {
  pool: pg.Pool;
  limiters: Map<RateLimitName, RateLimiterPostgres>;
}

// Like lib/db.ts: one pool per process, on globalThis so that development reloads reuse it (and
// the integration tests can close it when they point the app at another database).
const globalForRateLimit = globalThis as unknown as { afcRateLimit?: Store };

function limiter(name: RateLimitName): RateLimiterPostgres {
  const store = (globalForRateLimit.afcRateLimit ??= createStore());
  let found = store.limiters.get(name);
  if (!found) {
    found = new RateLimiterPostgres({
      storeClient: store.pool,
      storeType: "pool",
      tableName: "rate_limit",
      tableCreated: true, // by the migration, never by the library at run time
      keyPrefix: name,
      // One timer per process is enough to delete rows that expired an hour ago.
      clearExpiredByTimeout: store.limiters.size === 0,
      ...RATE_LIMITS[name],
    });
    store.limiters.set(name, found);
  }
  return found;
}

function createStore(): Store {
  // Small and separate from Prisma's pool: one short statement per check, and a check must not
  // queue behind a long transaction.
  const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 4, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  // An idle connection that the server drops (restart, failover) must not crash the process.
  pool.on("error", (error) => log.warn({ err: { name: error.name, message: error.message } }, "rate limit pool: idle connection lost"));
  return { pool, limiters: new Map() };
}
