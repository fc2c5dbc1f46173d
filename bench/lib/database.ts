// The benchmark's database: found or created, migrated, seeded with the demo city (≥ 1M alerts
// by default), plus what the measurements need to know about it.
import { spawn } from "node:child_process";
import pg from "pg";
import { applyMigrations } from "../../prisma/tools/apply-migrations";
import { createDatabase, databaseExists, dropDatabase, findTestServer, withDatabase } from "../../scripts/lib/postgres.mjs";
import type { BenchOptions } from "./options";

export interface BenchDatabase {
  url: string;
  name: string;
  /** Where the server came from: BENCH_DATABASE_URL, the local server, or an embedded one. */
  source: "BENCH_DATABASE_URL" | "env" | "local" | "embedded";
  reused: boolean;
  seedSeconds: number | null;
  /** Drops the database (unless kept) and stops an embedded server. Safe to call twice. */
  close(): Promise<void>;
}

export interface CityInfo {
  cityId: string;
  cityCode: string;
  sourceId: string;
  sourceCode: string;
  /** An analyst of the demo city whose password hash the bench analysts copy. */
  analystUnitId: string;
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

async function isSeeded(url: string): Promise<boolean> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ exists: boolean }>(`SELECT to_regclass('org_unit') IS NOT NULL AS exists`);
    if (!rows[0]?.exists) return false;
    const city = await c.query(`SELECT 1 FROM org_unit WHERE kind = 'CITY' LIMIT 1`);
    return (city.rowCount ?? 0) > 0;
  });
}

/** `tsx prisma/seed/index.ts --alerts N --money-factor F` in a child process, its output prefixed. */
function runSeed(url: string, alerts: number, moneyFactor: number, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("node_modules/.bin/tsx", ["prisma/seed/index.ts", "--alerts", String(alerts), "--money-factor", String(moneyFactor)], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const relay = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) log(`  ${line}`);
    };
    child.stdout.on("data", relay);
    child.stderr.on("data", relay);
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`seeding failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

export async function openBenchDatabase(opts: BenchOptions, log: (line: string) => void): Promise<BenchDatabase> {
  const fromEnv = process.env.BENCH_DATABASE_URL;
  if (fromEnv) {
    const name = decodeURIComponent(new URL(fromEnv).pathname.slice(1));
    log(`database: BENCH_DATABASE_URL (${name}); it is never dropped`);
    const seedSeconds = await prepare(fromEnv, opts, log);
    return { url: fromEnv, name, source: "BENCH_DATABASE_URL", reused: seedSeconds === null, seedSeconds, close: async () => {} };
  }

  const server = await findTestServer({ log: (line) => log(`postgres: ${line}`) });
  const name = opts.dbName;
  const url = withDatabase(server.adminUrl, name);
  let reused = false;
  try {
    const exists = await databaseExists(server.adminUrl, name);
    if (exists && opts.reuse && (await isSeeded(url))) {
      reused = true;
      log(`database: reusing ${name} (--reuse-db)`);
    } else {
      if (exists && !opts.reuse) {
        log(`database: dropping the previous ${name}`);
        await dropDatabase(server.adminUrl, name);
      }
      if (!exists || !opts.reuse) await createDatabase(server.adminUrl, name);
      log(`database: ${name} created`);
    }
    const seedSeconds = await prepare(url, opts, log);
    // An embedded server is temporary: stopping it deletes its data whatever is kept.
    const keep = opts.keepDb || opts.reuse;
    let closed = false;
    return {
      url,
      name,
      source: server.source,
      reused,
      seedSeconds,
      async close() {
        if (closed) return;
        closed = true;
        if (!keep) {
          await dropDatabase(server.adminUrl, name).catch((error: unknown) => log(`could not drop ${name}: ${String(error)}`));
          log(`database: ${name} dropped (--keep-db or --reuse-db keeps it)`);
        } else log(`database: ${name} kept`);
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop().catch(() => {});
    throw error;
  }
}

/** Migrates; seeds when the database holds no city yet. Returns the seeding time, or null. */
async function prepare(url: string, opts: BenchOptions, log: (line: string) => void): Promise<number | null> {
  const { applied } = await applyMigrations(url);
  if (applied.length > 0) log(`database: ${applied.length} migrations applied`);
  if (await isSeeded(url)) return null;
  log(`database: seeding the demo city with ${opts.alerts.toLocaleString("en-US")} alerts${opts.moneyFactor !== 1 ? ` (money factor ${opts.moneyFactor})` : ""}…`);
  const started = performance.now();
  await runSeed(url, opts.alerts, opts.moneyFactor, log);
  return (performance.now() - started) / 1000;
}

export async function loadCityInfo(url: string): Promise<CityInfo> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ city_id: string; city_code: string; source_id: string; source_code: string; unit_id: string }>(
      `SELECT city.id AS city_id, city.code AS city_code, s.id AS source_id, s.code AS source_code, u.unit_id
       FROM app_user u
       JOIN org_unit city ON city.id = u.unit_id AND city.kind = 'CITY'
       JOIN alert_source s ON s.code = 'demo-feed'
       WHERE u.username = 'analyst1'`,
    );
    const r = rows[0];
    if (!r) throw new Error("the database holds no demo city with the demo-feed source and analyst1: was it seeded by prisma/seed?");
    return { cityId: r.city_id, cityCode: r.city_code, sourceId: r.source_id, sourceCode: r.source_code, analystUnitId: r.unit_id };
  });
}

export interface DatabaseStats {
  alerts: number;
  openAlerts: number;
  newAlerts: number;
  persons: number;
  auditEvents: number;
  sizeBytes: number;
}

export async function databaseStats(url: string): Promise<DatabaseStats> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<Record<keyof DatabaseStats, string>>(
      `SELECT (SELECT count(*) FROM alert) AS alerts,
              (SELECT count(*) FROM alert WHERE status IN ('NEW', 'CLAIMED')) AS "openAlerts",
              (SELECT count(*) FROM alert WHERE status = 'NEW') AS "newAlerts",
              (SELECT count(*) FROM person) AS persons,
              (SELECT count(*) FROM audit_event) AS "auditEvents",
              pg_database_size(current_database()) AS "sizeBytes"`,
    );
    const r = rows[0]!;
    return {
      alerts: Number(r.alerts),
      openAlerts: Number(r.openAlerts),
      newAlerts: Number(r.newAlerts),
      persons: Number(r.persons),
      auditEvents: Number(r.auditEvents),
      sizeBytes: Number(r.sizeBytes),
    };
  });
}

export interface PostgresInfo {
  version: string;
  settings: Record<string, string>;
}

export async function postgresInfo(url: string): Promise<PostgresInfo> {
  return withClient(url, async (c) => {
    const version = (await c.query<{ v: string }>(`SELECT version() AS v`)).rows[0]!.v;
    const { rows } = await c.query<{ name: string; value: string }>(
      `SELECT name, CASE WHEN unit IS NULL THEN setting ELSE setting || ' ' || unit END AS value
       FROM pg_settings
       WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'max_connections', 'work_mem', 'max_wal_size', 'wal_level')
       ORDER BY name`,
    );
    return { version, settings: Object.fromEntries(rows.map((r) => [r.name, r.value])) };
  });
}

/**
 * Analysts `bench.analyst01…NN` in the demo analysts' unit, with analyst1's password hash (the
 * demo password): real accounts that sign in through the real code. Idempotent.
 */
export async function ensureBenchAnalysts(url: string, count: number): Promise<string[]> {
  const usernames = Array.from({ length: count }, (_, i) => `bench.analyst${String(i + 1).padStart(2, "0")}`);
  await withClient(url, (c) =>
    c.query(
      `INSERT INTO app_user (username, display_name, role, unit_id, password_hash)
       SELECT u.name, '压测研判员' || right(u.name, 2), 'ANALYST', a.unit_id, a.password_hash
       FROM unnest($1::text[]) AS u(name)
       CROSS JOIN (SELECT unit_id, password_hash FROM app_user WHERE username = 'analyst1') a
       ON CONFLICT (username) DO UPDATE SET status = 'ACTIVE', failed_login_count = 0, locked_until = NULL, must_change_password = false`,
      [usernames],
    ),
  );
  return usernames;
}

/** The demo city's accounts of a role (its seeded officers or coordinators), by username. */
export async function accountsOf(url: string, cityId: string, role: string): Promise<string[]> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ username: string }>(
      `SELECT u.username FROM app_user u JOIN org_unit o ON o.id = u.unit_id
       WHERE o.city_id = $1 AND u.role = $2::"Role" AND u.status = 'ACTIVE' ORDER BY u.username`,
      [cityId, role],
    );
    return rows.map((r) => r.username);
  });
}

/** A checkpoint before each measurement, so none pays for the previous one's dirty pages. */
export async function checkpoint(url: string): Promise<void> {
  await withClient(url, (c) => c.query("CHECKPOINT")).catch(() => {});
}

/**
 * The newest audit row's id. Rows with a higher id after a measurement are that measurement's:
 * nothing else writes to the bench database meanwhile. (Request ids cannot tag them: proxy.ts
 * stamps every request with its own.)
 */
export async function auditMark(url: string): Promise<string> {
  return withClient(url, async (c) => (await c.query<{ id: string }>(`SELECT coalesce(max(id), 0)::text AS id FROM audit_event`)).rows[0]!.id);
}
