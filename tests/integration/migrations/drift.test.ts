// Fails when schema.prisma and the migrations disagree on anything Prisma expresses. Builds one
// database from the migrations (the run's template) and one from a from-empty diff of the
// schema, then compares their catalogs. Hand-written SQL (CHECKs, triggers, functions, and the
// indexes Prisma cannot write) may only exist in the migrated database, and must be exactly what
// prisma/hand-written-sql.md lists.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, inject } from "vitest";
import pg from "pg";
import { createDatabase, withDatabase } from "../../../scripts/lib/postgres.mjs";
import { diffSchemas, readSchema } from "../../../prisma/tools/diff-schemas";

interface Catalog {
  enums: string[];
  columns: string[];
  indexes: string[];
  constraints: string[];
  handWritten: string[];
}

async function catalog(url: string): Promise<Catalog> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const rows = async (sql: string) => (await c.query<{ v: string }>(sql)).rows.map((r) => r.v).sort();
  try {
    return {
      enums: await rows(`SELECT t.typname || '=' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS v
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' GROUP BY t.typname`),
      columns: await rows(`SELECT concat_ws('|', table_name, column_name, udt_name, is_nullable, coalesce(column_default, '-'),
          coalesce(character_maximum_length::text, '-'), coalesce(datetime_precision::text, '-')) AS v
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
      indexes: await rows(`SELECT indexdef AS v FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
        AND indexname NOT IN (${handWrittenIndexes().map((n) => `'${n}'`).join(",") || "''"})`),
      constraints: await rows(`SELECT conrelid::regclass || '|' || conname || '|' || contype::text || '|' || pg_get_constraintdef(oid) AS v
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype IN ('p', 'u', 'f')
          AND conrelid::regclass::text <> '_prisma_migrations'`),
      handWritten: await rows(`
        SELECT 'check|' || conrelid::regclass || '|' || conname AS v FROM pg_constraint
          WHERE connamespace = 'public'::regnamespace AND contype = 'c' AND conrelid::regclass::text <> '_prisma_migrations'
        UNION ALL
        SELECT 'trigger|' || tgrelid::regclass || '|' || tgname FROM pg_trigger
          WHERE NOT tgisinternal AND tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)
        UNION ALL
        SELECT 'function|–|' || proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace
        UNION ALL
        SELECT 'index|' || tablename || '|' || indexname FROM pg_indexes
          WHERE schemaname = 'public' AND indexname IN (${handWrittenIndexes().map((n) => `'${n}'`).join(",") || "''"})`),
    };
  } finally {
    await c.end();
  }
}

function listedHandWritten(): string[] {
  const md = readFileSync(path.resolve(import.meta.dirname, "../../../prisma/hand-written-sql.md"), "utf8");
  return md
    .split("\n")
    .map((line) => line.split("|").map((cell) => cell.trim()))
    .filter((cells) => ["check", "trigger", "function", "index"].includes(cells[1] ?? ""))
    .map((cells) => `${cells[1]}|${cells[2]}|${cells[3]}`)
    .sort();
}

/** Index names listed as hand-written: left out of the index comparison, checked by name instead. */
function handWrittenIndexes(): string[] {
  return listedHandWritten()
    .filter((entry) => entry.startsWith("index|"))
    .map((entry) => entry.split("|")[2]!)
    .filter((name) => /^[a-z0-9_]+$/.test(name));
}

describe("schema.prisma and the migrations", () => {
  it("agree on every table, column, enum, index and key", async () => {
    const adminUrl = inject("adminUrl");
    const fromSchema = `${inject("runPrefix")}_drift`;
    await createDatabase(adminUrl, fromSchema);
    const schemaUrl = withDatabase(adminUrl, fromSchema);
    const sql = diffSchemas("", readSchema(), schemaUrl);
    const c = new pg.Client({ connectionString: schemaUrl });
    await c.connect();
    await c.query(sql);
    await c.end();

    const migrated = await catalog(withDatabase(adminUrl, inject("emptyTemplate")));
    const expected = await catalog(schemaUrl);
    expect(migrated.enums).toEqual(expected.enums);
    expect(migrated.columns).toEqual(expected.columns);
    expect(migrated.indexes).toEqual(expected.indexes);
    expect(migrated.constraints).toEqual(expected.constraints);
    // Prisma itself writes no CHECKs, triggers or functions…
    expect(expected.handWritten).toEqual([]);
    // …so everything of that kind in the migrated database must be listed, and everything listed must exist.
    expect(migrated.handWritten).toEqual(listedHandWritten());
  });
});
