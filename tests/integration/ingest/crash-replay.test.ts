// An acknowledged batch survives a crash of the database server. The file starts a PostgreSQL of
// its own (durable, as deployed: fsync and synchronous_commit on), ingests a batch through the
// route, kills every process of that server at once right after the reply, starts it again on the
// same data directory (crash recovery replays the WAL) and sends the batch again: each item must
// come back `duplicate`, with the id it was first given. Were commits acknowledged before their
// WAL left the server's memory (tried with ALTER SYSTEM SET synchronous_commit = off: the batch
// was lost in every run), the recovered database would lack the batch and this would fail. A
// process kill cannot lose what the kernel already holds, so fsync is checked as a setting below,
// with the tables' persistence.
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { IngestItemResult } from "@/lib/schemas/ingest";
import { seedDemoCity } from "../../../prisma/seed/seed-demo-city";
import { applyMigrations } from "../../../prisma/tools/apply-migrations";
import { startEmbeddedPostgres } from "../../../scripts/lib/embedded-postgres.mjs";
import { createDatabase, withDatabase } from "../../../scripts/lib/postgres.mjs";
import { freePort, isAlive, signal, sleep } from "../../../scripts/lib/processes.mjs";
import { applyTestPiiKeys } from "../../support/pii-test-keys";
import { closeDatabaseClients } from "../../support/test-database";
import { counts, delta, makeAlert, post } from "./support";

const BATCH_SIZE = 200;

interface Server {
  url: string;
  stop: () => Promise<void>;
}

// The prefix and layout of the project's throwaway clusters (scripts/lib/embedded-postgres.mjs):
// should this process be killed before afterAll, the next temporary server's sweep removes it.
const root = await fsp.mkdtemp(path.join(os.tmpdir(), "anti-fraud-pg-"));
// mkdtemp makes it 0700; as root the server runs as `postgres`, which must reach the data inside.
await fsp.chmod(root, 0o755);
const dataDir = path.join(root, "data");
const port = await freePort();
let server: Server | undefined;
let databaseUrl = "";

/** Starts the server on the data directory (crash recovery, when it was killed); never fsync off. */
async function startServer(): Promise<Server> {
  return startEmbeddedPostgres({ dataDir, port, durable: true });
}

/**
 * Kills the postmaster and every process it started (backends, WAL writer, checkpointer), as a
 * power cut would: each is frozen with SIGSTOP first (the postmaster first, so it can neither
 * start nor mourn a child), then all are SIGKILLed. Killing the postmaster alone would not do:
 * its children run in process groups of their own and, seeing it gone, end on their own.
 * No shutdown checkpoint, and nothing written that was not written before the freeze.
 */
async function crashServer(running: Server): Promise<void> {
  const pidFile = await fsp.readFile(path.join(dataDir, "postmaster.pid"), "utf8");
  const postmaster = Number.parseInt(pidFile.split("\n")[0]!, 10);
  expect(isAlive(postmaster)).toBe(true);
  process.kill(postmaster, "SIGSTOP");
  const all = [postmaster, ...childrenOf(postmaster)];
  // A child that exited meanwhile is simply gone already (signal() ignores it).
  for (const pid of all) signal(pid, "SIGSTOP");
  for (const pid of all) signal(pid, "SIGKILL");
  // stop() finds its child dead and only forgets it (it would escalate signals to a live one).
  await running.stop();
  while (all.some(isRunning)) await sleep(20);
}

/** `/proc/<pid>/stat` as [state, ppid], or null once the process is gone. */
function procStat(pid: number): [string, number] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid …": comm may hold spaces, so read after its closing parenthesis.
    const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return [state!, Number(ppid)];
  } catch {
    return null;
  }
}

function childrenOf(parent: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => procStat(pid)?.[1] === parent);
}

/** Zombies do not count: they hold no memory or files, and wait for whoever reaps orphans here. */
function isRunning(pid: number): boolean {
  const stat = procStat(pid);
  return stat !== null && stat[0] !== "Z";
}

beforeAll(async () => {
  server = await startServer();
  await createDatabase(server.url, "crash_replay");
  databaseUrl = withDatabase(server.url, "crash_replay");
  // The app's clients (lib/db, the rate limits) read DATABASE_URL when first used.
  process.env.DATABASE_URL = databaseUrl;
  process.env.AUTH_SECRET ??= "test-secret-for-integration-tests-only";
  applyTestPiiKeys();
  await closeDatabaseClients();
  await applyMigrations(databaseUrl);
  // Reference data only: the demo city 江州, its stations and the demo-feed source with its key.
  await seedDemoCity(databaseUrl, { alerts: 0, log: () => {} });
});

afterAll(async () => {
  await closeDatabaseClients();
  await server?.stop();
  await fsp.rm(root, { recursive: true, force: true });
});

const outcomes = (results: IngestItemResult[]) => results.map((r) => [r.externalId, r.status, r.outcome]);
const alertIds = (results: IngestItemResult[]) => results.map((r) => ("alertId" in r ? r.alertId : null));

describe("a batch acknowledged just before the database server crashes", () => {
  it("is all there after recovery: the replay is all duplicates with the same ids", async () => {
    const batch = { alerts: Array.from({ length: BATCH_SIZE }, (_, i) => makeAlert({ riskLevel: i % 2 ? "HIGH" : "MEDIUM" })) };
    const before = await counts();

    const first = await post(batch);
    // Killed at once after the reply: no time for a WAL writer to flush what a commit left behind.
    await crashServer(server!);
    expect(first.status).toBe(200);
    expect(first.body.summary).toEqual({ created: BATCH_SIZE, duplicate: 0, conflict: 0, invalid: 0, joined: 0 });

    // The pools' connections died with the server: new ones, to the recovered server.
    await closeDatabaseClients();
    server = await startServer();
    const recovered = await counts();
    // The batch's alerts, persons and CREATED events, and its one audit row: what was acknowledged.
    expect(delta(before, recovered)).toEqual({ alerts: BATCH_SIZE, persons: BATCH_SIZE, audit: 1, events: BATCH_SIZE });

    const replay = await post(batch);
    expect(replay.status).toBe(200);
    expect(outcomes(replay.body.results)).toEqual(batch.alerts.map((a) => [a.externalId, 200, "duplicate"]));
    expect(alertIds(replay.body.results)).toEqual(alertIds(first.body.results));
    expect(replay.body.summary).toEqual({ created: 0, duplicate: BATCH_SIZE, conflict: 0, invalid: 0, joined: 0 });
    // Only the replay's own audit row was added.
    expect(delta(recovered, await counts())).toEqual({ alerts: 0, persons: 0, audit: 1, events: 0 });
  });
});

describe("durability settings", () => {
  it("every table of the migrated schema is logged (not UNLOGGED, not temporary)", async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ relname: string; relpersistence: string }>(
        `SELECT c.relname, c.relpersistence FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'm', 'S') ORDER BY c.relname`,
      );
      const persistence = new Map(rows.map((r) => [r.relname, r.relpersistence]));
      // Named so that a renamed table cannot make this pass by no longer being looked at.
      for (const table of ["alert", "alert_event", "person", "instruction", "instruction_event", "bank_request", "audit_event"]) {
        expect(persistence.get(table), table).toBe("p");
      }
      // Rate-limit counters could be UNLOGGED (losing them in a crash only resets the windows);
      // everything else holds acknowledged writes.
      const notLogged = rows.filter((r) => r.relpersistence !== "p" && r.relname !== "rate_limit").map((r) => r.relname);
      expect(notLogged).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it("the app's own connections commit synchronously, with fsync and full-page writes on", async () => {
    // On a durable server these can only be off if the app, its migrations or its roles turned
    // them off (per connection, ALTER DATABASE … SET or ALTER ROLE … SET).
    const [row] = await db.$queryRaw<{ synchronous_commit: string; fsync: string; full_page_writes: string }[]>`
      SELECT current_setting('synchronous_commit') AS synchronous_commit, current_setting('fsync') AS fsync,
             current_setting('full_page_writes') AS full_page_writes`;
    expect(row).toEqual({ synchronous_commit: "on", fsync: "on", full_page_writes: "on" });
  });
});
