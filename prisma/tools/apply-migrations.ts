// Applies prisma/migrations the way `prisma migrate deploy` does, so that a database migrated
// here and one migrated by Prisma elsewhere carry the same `_prisma_migrations` bookkeeping:
// same table, sha256 checksums of the files, advisory lock 72707369, a row inserted before the
// script runs and finished afterwards (logs kept and finished_at left null on failure).
// Prisma's native schema engine cannot be downloaded on these machines, hence this script.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { sealClearPersonalData } from "./seal-clear-personal-data";

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../migrations");
const PRISMA_MIGRATE_LOCK = 72707369;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const BOOKKEEPING_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Data steps that SQL cannot do, run before the named migration (and so only while it is pending).
 * `prisma migrate deploy` elsewhere skips them; the migration itself then refuses to run rather
 * than lose data (see its comment).
 */
const DATA_STEPS: Record<string, (client: pg.Client, log: (line: string) => void) => Promise<void>> = {
  "20261203140100_personal_data_plaintext_dropped": sealClearPersonalData,
};

export interface ApplyResult {
  applied: string[];
  alreadyApplied: string[];
}

/** Idempotent: applies only migrations without a finished row; refuses edited or failed ones. */
export async function applyMigrations(
  connectionString: string,
  log: (line: string) => void = () => {},
  options: { upTo?: string } = {},
): Promise<ApplyResult> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const result: ApplyResult = { applied: [], alreadyApplied: [] };
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(BOOKKEEPING_DDL);
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
    }>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`);
    for (const m of readMigrations()) {
      // Stop after `upTo` (tests of an upgrade from an earlier version).
      if (options.upTo !== undefined && m.name > options.upTo) break;
      const done = rows.filter((r) => r.migration_name === m.name && r.rolled_back_at === null);
      if (done.some((r) => r.finished_at === null)) {
        throw new Error(`migration ${m.name} failed earlier; resolve it before migrating again`);
      }
      const finished = done.find((r) => r.finished_at !== null);
      if (finished) {
        if (finished.checksum !== m.checksum) {
          throw new Error(`migration ${m.name} was edited after it was applied`);
        }
        result.alreadyApplied.push(m.name);
        continue;
      }
      await DATA_STEPS[m.name]?.(client, log);
      const id = randomUUID();
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 0)`,
        [id, m.checksum, m.name],
      );
      try {
        // A migration is one script; run it in a transaction so a failure leaves no half.
        await client.query("BEGIN");
        await client.query(m.sql);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [
          id,
          String(error instanceof Error ? error.message : error),
        ]);
        throw new Error(`migration ${m.name} failed: ${error instanceof Error ? error.message : error}`);
      }
      await client.query(
        `UPDATE "_prisma_migrations" SET applied_steps_count = 1, finished_at = now() WHERE id = $1`,
        [id],
      );
      result.applied.push(m.name);
      log(`applied ${m.name}`);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => {});
    await client.end();
  }
  return result;
}
