import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { inject } from "vitest";
import pg from "pg";
import { createDatabase, withDatabase } from "../../../scripts/lib/postgres.mjs";
import { applyMigrations, readMigrations } from "../../../prisma/tools/apply-migrations";

async function freshDatabase(): Promise<string> {
  const name = `${inject("runPrefix")}_mig${Math.random().toString(16).slice(2, 8)}`;
  await createDatabase(inject("adminUrl"), name);
  return withDatabase(inject("adminUrl"), name);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

describe("the migration applier", () => {
  it("applies every migration once and records it as Prisma does", async () => {
    const url = await freshDatabase();
    const files = readMigrations();
    const first = await applyMigrations(url);
    expect(first.applied).toEqual(files.map((f) => f.name));
    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null; logs: string | null }>(
      url,
      `SELECT migration_name, checksum, applied_steps_count, finished_at, logs FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(createHash("sha256").update(files[i]!.sql).digest("hex"));
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).not.toBeNull();
      expect(row.logs).toBeNull();
    }
  });

  it("is idempotent: a second and third run apply nothing and add no rows", async () => {
    const url = await freshDatabase();
    await applyMigrations(url);
    const second = await applyMigrations(url);
    const third = await applyMigrations(url);
    expect(second.applied).toEqual([]);
    expect(third.applied).toEqual([]);
    expect(second.alreadyApplied.length).toBe(readMigrations().length);
    const counted = await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM _prisma_migrations`);
    expect(counted[0]?.n).toBe(readMigrations().length);
  });

  it("runs safely when two instances start at once (advisory lock)", async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(readMigrations().map((f) => f.name).sort());
    const counted = await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM _prisma_migrations`);
    expect(counted[0]?.n).toBe(readMigrations().length);
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const url = await freshDatabase();
    await applyMigrations(url);
    await query(url, `UPDATE _prisma_migrations SET checksum = repeat('0', 64)`);
    await expect(applyMigrations(url)).rejects.toThrow(/edited after it was applied/);
  });
});
