// PostgreSQL helpers for the project's own scripts and the tests and benchmark (`npm test`,
// `npm run demo`, `npm run bench`, tests/support): find a server to test on, connect, create and drop
// databases.
//
// Plain Node ESM on purpose: these run before anything is compiled, so no TypeScript here.
// Types: postgres.d.mts (keep it in step). The embedded server is in ./embedded-postgres.mjs, the
// process helpers in ./processes.mjs.
//
// Exports:
//   canConnect(url, timeoutMs = 1500)                  -> Promise<boolean>
//   findTestServer({ log })                            -> Promise<{ adminUrl, stop, source }>
//   withDatabase(url, dbName)                          -> string
//   databaseExists(adminUrl, name)                     -> Promise<boolean>
//   createDatabase(adminUrl, name, { template } = {})  -> Promise<void>
//   dropDatabase(adminUrl, name)                       -> Promise<void>

import pg from "pg";
import { sleep, withTimeout } from "./processes.mjs";

const LOCAL_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
const noop = () => {};

/** Quote an SQL identifier. */
function ident(name) {
  if (typeof name !== "string" || name.length === 0 || name.includes("\0")) {
    throw new Error(`invalid identifier: ${JSON.stringify(name)}`);
  }
  return `"${name.replaceAll('"', '""')}"`;
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", noop); // a server-side disconnect must not crash the process
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(noop);
  }
}

/**
 * True when a connection to `url` can be opened and answers `SELECT 1` within `timeoutMs`.
 * Never throws.
 */
export async function canConnect(url, timeoutMs = 1500) {
  let client;
  try {
    client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
    });
  } catch {
    return false; // malformed URL
  }
  client.on("error", noop);
  try {
    const ok = await withTimeout(
      client.connect().then(() => client.query("SELECT 1")),
      timeoutMs + 250,
    );
    return ok;
  } catch {
    return false;
  } finally {
    // end() may wait for a server that never answered: do not let it hold us up.
    await withTimeout(client.end().catch(noop), 500).catch(noop);
  }
}

/** `url` with its database (the path) replaced by `dbName`; user, host, query are kept. */
export function withDatabase(url, dbName) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(dbName)}`;
  return u.toString();
}

/** True when database `name` exists on the server of `adminUrl`. */
export async function databaseExists(adminUrl, name) {
  return withClient(adminUrl, async (client) => {
    const res = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return res.rowCount > 0;
  });
}

/**
 * CREATE DATABASE `name` (optionally from `template`). Throws if it already exists.
 * Copying a template fails while anything is connected to it (SQLSTATE 55006); pools often close
 * lazily, so that case is retried for a few seconds.
 */
export async function createDatabase(adminUrl, name, { template } = {}) {
  const sql = `CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ""}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await withClient(adminUrl, (client) => client.query(sql));
      return;
    } catch (err) {
      if (err?.code !== "55006" || Date.now() > deadline) throw err;
      await sleep(200);
    }
  }
}

/** DROP DATABASE IF EXISTS `name` WITH (FORCE) — disconnects its sessions (PostgreSQL 13+). */
export async function dropDatabase(adminUrl, name) {
  await withClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`),
  );
}

/**
 * A PostgreSQL server on which the tests may create databases, in this order:
 *   1. TEST_DATABASE_URL, when set (an admin URL whose user may CREATE DATABASE);
 *   2. postgresql://postgres@127.0.0.1:5432/postgres, when it answers (CI and the dev machines);
 *   3. an embedded server with its data in a fresh temporary directory on a free port.
 * `stop()` stops an embedded server and deletes its directory; it does nothing for the others.
 *
 * @param {{ log?: (msg: string) => void }} [opts]
 * @returns {Promise<{ adminUrl: string, stop: () => Promise<void>, source: "env" | "local" | "embedded" }>}
 */
export async function findTestServer({ log = noop } = {}) {
  const fromEnv = process.env.TEST_DATABASE_URL;
  if (fromEnv) {
    if (!(await canConnect(fromEnv, 5000))) {
      throw new Error(`TEST_DATABASE_URL is set but no connection could be made to it`);
    }
    log(`using TEST_DATABASE_URL`);
    return { adminUrl: fromEnv, stop: async () => {}, source: "env" };
  }
  if (await canConnect(LOCAL_SERVER_URL)) {
    log(`using the PostgreSQL server on 127.0.0.1:5432`);
    return { adminUrl: LOCAL_SERVER_URL, stop: async () => {}, source: "local" };
  }

  log(`no PostgreSQL server found: starting an embedded one`);
  // Loaded only here: the embedded package is not needed when a server answers.
  const { startTemporaryEmbeddedPostgres } = await import("./embedded-postgres.mjs");
  const server = await startTemporaryEmbeddedPostgres({ log });
  return { adminUrl: server.url, stop: server.stop, source: "embedded" };
}
