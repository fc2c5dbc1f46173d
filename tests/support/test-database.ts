// Gives the calling test file its own database, copied from a template built by the global
// setup, and points lib/db at it. Call it at the top level of an integration test file.
import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { applyTestPiiKeys } from "./pii-test-keys";
import { createDatabase, withDatabase } from "../../scripts/lib/postgres.mjs";

export interface TestDatabase {
  url: string;
  name: string;
  /** The moment the demo city was seeded (its history ends there). */
  seededAt: Date;
}

export async function openTestDatabase(kind: "empty" | "demo"): Promise<TestDatabase> {
  const adminUrl = inject("adminUrl");
  const template = kind === "empty" ? inject("emptyTemplate") : inject("demoTemplate");
  const name = `${inject("runPrefix")}_f${randomBytes(4).toString("hex")}`;
  await createDatabase(adminUrl, name, { template });
  const url = withDatabase(adminUrl, name);
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= "test-secret-for-integration-tests-only";
  applyTestPiiKeys();
  await closeDatabaseClients();
  afterAll(closeDatabaseClients);
  return { url, name, seededAt: new Date(inject("demoSeedNow")) };
}

/**
 * Worker processes are reused between files: never keep a client aimed at another file's
 * database. Closes lib/db's Prisma client and lib/server/rate-limit's pool; the next use opens
 * them again from process.env.DATABASE_URL.
 */
export async function closeDatabaseClients(): Promise<void> {
  const g = globalThis as unknown as { afcDb?: { $disconnect(): Promise<void> }; afcRateLimit?: { pool: { end(): Promise<void> } } };
  const db = g.afcDb;
  const rateLimit = g.afcRateLimit;
  g.afcDb = undefined;
  g.afcRateLimit = undefined;
  await Promise.all([db?.$disconnect(), rateLimit?.pool.end()]);
}
