#!/usr/bin/env node
// `npm run demo` — start the console with demo data on a fresh machine, one command, no setup.
//
//   1. DATABASE_URL (environment or .env) if set; otherwise an embedded PostgreSQL 18
//      (data in .data/pg, port 54329, database anti_fraud, created if missing);
//   2. apply migrations, seed the demo city unless the database already holds one;
//   3. AUTH_SECRET from the environment, or generated once and kept in .data/auth-secret;
//   4. `next build` when there is no build or the sources are newer than it (or with --rebuild);
//   5. scripts/serve.mjs (`npm start`) on ${PORT:-3000}: the app and, beside it, the background worker
//      (worker/main.ts; WORKER=off leaves it out). Ctrl-C stops the app and the worker (which
//      finishes its running jobs), then the database, and exits 0.
//
// Installs nothing: run `npm ci` first. Plain Node ESM so it runs before anything is compiled.

import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";
import { canConnect, createDatabase, databaseExists, withDatabase } from "./lib/postgres.mjs";
import { isAlive, onShutdownSignals, portFree, processCommand, stopChild, stopPid } from "./lib/processes.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DATA_DIR = path.join(ROOT, ".data");
const PG_DATA_DIR = path.join(DATA_DIR, "pg");
const PG_PORT = 54329;
const DB_NAME = "anti_fraud";
const SECRET_FILE = path.join(DATA_DIR, "auth-secret");
const PII_KEYS_FILE = path.join(DATA_DIR, "pii-keys.json");
const STATE_FILE = path.join(DATA_DIR, "demo-processes.json"); // our pid and the app server's
const BIN = path.join(ROOT, "node_modules", ".bin");
// What a build depends on. A plain mtime check: good enough to catch edits and `git pull`.
const BUILD_INPUTS = [
  "app",
  "lib",
  "components",
  "messages",
  "i18n",
  "public",
  "proxy.ts",
  "next.config.ts",
  "next.config.mjs",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];

const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h")) {
  console.log(`用法 / Usage: npm run demo [-- --rebuild]

  启动演示环境（内置数据库、演示数据）/ Start the console with demo data.
  --rebuild   强制重新构建 / force \`next build\`
  环境变量 / Environment: DATABASE_URL, AUTH_SECRET, APP_URL, PORT (default 3000), TRUSTED_PROXIES,
                          WORKER=off (不启动后台任务 / without the background worker)`);
  process.exit(0);
}
const unknown = argv.filter((a) => a !== "--rebuild");
if (unknown.length > 0) {
  console.error(`[demo] 未知参数 / unknown argument: ${unknown.join(" ")} (try --help)`);
  process.exit(2);
}
const forceRebuild = argv.includes("--rebuild");

const say = (msg) => console.log(`[demo] ${msg}`);
const started = Date.now();
const elapsed = (since = started) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// Lifecycle: at most one child (migrate, seed, build or the server) runs at a time.
// ---------------------------------------------------------------------------------------------

let shuttingDown = false;
let currentChild = null;
let pgPromise = null; // resolves to the embedded server, when one is used

/**
 * Stops the running child. The app server (scripts/serve.mjs) stops its worker before it exits,
 * and the worker lets running jobs finish for up to 8 s: give it time before SIGKILL.
 */
function stopCurrentChild(sig) {
  return stopChild(currentChild, {
    steps: [[sig, 30_000], ["SIGKILL", 5_000]],
    what: "子进程 / child process",
    log: say,
  });
}

async function stopPostgres() {
  const server = await pgPromise?.catch(() => null);
  if (!server) return;
  const t = Date.now();
  await server.stop();
  say(`数据库已停止 / database stopped (${elapsed(t)})`);
}

async function shutdown(sig) {
  if (shuttingDown) {
    // A second Ctrl-C: do not make the user wait for a slow child.
    currentChild?.kill("SIGKILL");
    return;
  }
  shuttingDown = true;
  console.log();
  say(`收到 ${sig}，正在停止… / ${sig} received, shutting down…`);
  // The app and its worker first (they hold database connections), then the database.
  // (In a terminal they already got the same SIGINT; a repeat is harmless.)
  const t = Date.now();
  const wasRunning = currentChild;
  await stopCurrentChild(sig === "SIGHUP" ? "SIGTERM" : sig);
  if (wasRunning) {
    const what = [path.basename(wasRunning.spawnfile), wasRunning.spawnargs[1]].join(" ");
    say(`已停止 / stopped: ${what} (${elapsed(t)})`);
  }
  await stopPostgres();
  fs.rmSync(STATE_FILE, { force: true });
  say(`已退出 / bye`);
  process.exit(0);
}

onShutdownSignals(shutdown);

async function fail(message) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.error(`\n[demo] 启动失败 / failed: ${message}`);
  await stopCurrentChild("SIGTERM");
  await stopPostgres().catch((err) => console.error(`[demo] ${err.message}`));
  process.exit(1);
}

/** Run a command in the project with inherited output; resolves to its exit code. */
function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    currentChild = child;
    child.once("error", (err) => {
      if (currentChild === child) currentChild = null;
      reject(err);
    });
    child.once("exit", (code, signal) => {
      if (currentChild === child) currentChild = null;
      resolve(code ?? 128 + (os.constants.signals[signal] ?? 0));
    });
  });
}

async function step(title, command, args, env) {
  const t = Date.now();
  say(`${title} …`);
  const code = await run(command, args, env);
  if (shuttingDown) return false;
  if (code !== 0) {
    await fail(`${title} (exit code ${code})`);
    return false;
  }
  say(`${title} ✓ (${elapsed(t)})`);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/**
 * A launcher killed with SIGKILL leaves the app server running (it holds the port and the database
 * connections). Stop it if its launcher is gone; it stops its worker. (A worker whose app server
 * died stops by itself; the database server is handled the same way by startEmbeddedPostgres.)
 */
async function stopOrphanedApp() {
  let state;
  try {
    state = JSON.parse(fs.readFileSync(STATE_FILE, "utf8"));
  } catch {
    return;
  }
  if (state.launcher !== process.pid && isAlive(state.launcher) && /node/.test(processCommand(state.launcher))) {
    return; // another demo is running: the port check below says so
  }
  if (Number.isInteger(state.app) && isAlive(state.app) && /serve\.mjs|next/.test(processCommand(state.app))) {
    say(`停止上次遗留的应用进程 / stopping the app server left by a previous run (pid ${state.app})`);
    await stopPid(state.app, { steps: [["SIGTERM", 30_000], ["SIGKILL", 5_000]], what: "app server", log: say });
  }
  fs.rmSync(STATE_FILE, { force: true });
}

function newestFile(entries) {
  let newest = { file: null, mtimeMs: 0 };
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return; // absent input
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p)) {
        if (name === "node_modules" || name === ".next") continue;
        visit(path.join(p, name));
      }
    } else if (stat.mtimeMs > newest.mtimeMs) {
      newest = { file: p, mtimeMs: stat.mtimeMs };
    }
  };
  for (const entry of entries) visit(path.join(ROOT, entry));
  return newest;
}

/** Why a build is needed, or null. */
function buildReason() {
  if (forceRebuild) return "--rebuild";
  let builtAt;
  try {
    builtAt = fs.statSync(path.join(ROOT, ".next", "BUILD_ID")).mtimeMs;
  } catch {
    return "尚未构建 / no build yet";
  }
  const newest = newestFile(BUILD_INPUTS);
  if (newest.mtimeMs > builtAt) {
    return `源码有更新 / sources changed since the last build (${path.relative(ROOT, newest.file)})`;
  }
  return null;
}

function authSecret() {
  try {
    const saved = fs.readFileSync(SECRET_FILE, "utf8").trim();
    if (saved) return saved;
  } catch {
    // first run
  }
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.mkdirSync(DATA_DIR, { recursive: true });
  fs.writeFileSync(SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  say(`已生成 AUTH_SECRET / generated AUTH_SECRET (.data/auth-secret)`);
  return secret;
}

/**
 * The keys that seal the demo's personal data at rest (PII_KEYS, PII_ACTIVE_KEY, PII_INDEX_KEY):
 * from the environment, or generated once and kept in .data/pii-keys.json (never committed). A
 * real deployment brings its own, from its key management.
 */
function piiKeys() {
  try {
    const saved = JSON.parse(fs.readFileSync(PII_KEYS_FILE, "utf8"));
    if (saved.PII_KEYS && saved.PII_INDEX_KEY) return saved;
  } catch {
    // first run
  }
  const keys = {
    PII_KEYS: `demo1:${crypto.randomBytes(32).toString("base64")}`,
    PII_ACTIVE_KEY: "demo1",
    PII_INDEX_KEY: crypto.randomBytes(32).toString("base64"),
  };
  fs.mkdirSync(DATA_DIR, { recursive: true });
  fs.writeFileSync(PII_KEYS_FILE, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  say(`已生成个人信息加密密钥 / generated the personal-data keys (.data/pii-keys.json)`);
  return keys;
}

/** The URL without its password, for display. */
function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(invalid URL)";
  }
}

async function waitForHttp(url, child, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  return false;
}

function banner({ appUrl, dbText, workerText }) {
  const line = "─".repeat(72);
  console.log(`
${line}
  反诈中心工作台 · 演示环境已启动
  Anti-fraud center console · demo is running

  打开 / Open:               ${appUrl}
  演示账号 / Demo accounts:  见 README.md「演示账号 / Demo accounts」
                             see README.md, section "演示账号 / Demo accounts"
  数据库 / Database:         ${dbText}
  后台任务 / Worker:         ${workerText}
  停止 / Stop:               Ctrl-C
${line}
`);
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
  for (const tool of ["next", "tsx"]) {
    if (!fs.existsSync(path.join(BIN, tool))) {
      return fail(`缺少依赖，请先运行 npm ci / dependencies missing: run \`npm ci\` first (${tool})`);
    }
  }

  // The same .env the other tools read (prisma.config.ts, migrate.ts); the environment wins.
  const { default: dotenv } = await import("dotenv");
  dotenv.config({ path: path.join(ROOT, ".env"), quiet: true });

  await stopOrphanedApp();
  const port = Number.parseInt(process.env.PORT ?? "3000", 10);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) return fail(`invalid PORT: ${process.env.PORT}`);
  if (!(await portFree(port))) {
    return fail(
      `端口 ${port} 已被占用（可能另一个演示仍在运行）/ port ${port} is already in use ` +
        `(another demo still running?). Stop it, or run with PORT=3001 npm run demo`,
    );
  }
  const appUrl = `http://localhost:${port}`;

  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1" };
  let dbText;

  // 1. Database.
  if (env.DATABASE_URL) {
    say(`使用 / using DATABASE_URL ${redact(env.DATABASE_URL)}`);
    if (!(await canConnect(env.DATABASE_URL, 5000))) {
      return fail(`无法连接 DATABASE_URL / cannot connect to DATABASE_URL (${redact(env.DATABASE_URL)})`);
    }
    dbText = redact(env.DATABASE_URL);
  } else {
    say(`启动内置 PostgreSQL / starting embedded PostgreSQL (.data/pg, port ${PG_PORT}) …`);
    const t = Date.now();
    pgPromise = startEmbeddedPostgres({
      dataDir: PG_DATA_DIR,
      port: PG_PORT,
      log: (m) => say(`  ${m}`),
    });
    let server;
    try {
      server = await pgPromise;
    } catch (err) {
      return fail(err.message);
    }
    if (shuttingDown) return;
    if (!(await databaseExists(server.url, DB_NAME))) {
      await createDatabase(server.url, DB_NAME);
      say(`已创建数据库 / created database ${DB_NAME}`);
    }
    env.DATABASE_URL = withDatabase(server.url, DB_NAME);
    dbText = `内置 / embedded PostgreSQL 18, 127.0.0.1:${PG_PORT}/${DB_NAME} (.data/pg)`;
    say(`数据库就绪 / database ready (${elapsed(t)})`);
  }

  // 2. Schema and demo data (sealed with the keys the app will read it with).
  if (!env.PII_KEYS) Object.assign(env, piiKeys());
  if (!(await step("迁移 / migrations", path.join(BIN, "tsx"), ["prisma/tools/migrate.ts"], env))) return;
  if (!(await step("演示数据 / demo data (seed --if-empty)", path.join(BIN, "tsx"), ["prisma/seed/index.ts", "--if-empty"], env))) return;

  // 3. App settings.
  env.AUTH_SECRET ||= authSecret();
  env.APP_URL ||= appUrl;
  // `next start` runs in production mode, where Auth.js refuses requests for a host it was not
  // told to trust. The demo is served at whatever host the user browses to.
  if (!env.AUTH_URL && !env.AUTH_TRUST_HOST) env.AUTH_TRUST_HOST = "true";

  // 4. Build when needed.
  const reason = buildReason();
  if (reason) {
    say(`需要构建 / build needed: ${reason}`);
    if (!(await step("构建 / next build", path.join(BIN, "next"), ["build"], env))) return;
  } else {
    say(`构建是最新的 / build is up to date (use --rebuild to force)`);
  }

  // 5. Serve (the app, and the worker beside it).
  const workerText = /^(off|0|false|no)$/i.test(env.WORKER ?? "")
    ? "未启动 / off (WORKER=off)"
    : "随应用启动 / running beside the app (worker/main.ts)";
  say(`启动 / starting scripts/serve.mjs --port ${port} …`);
  const server = spawn(process.execPath, [path.join(ROOT, "scripts", "serve.mjs"), "--port", String(port)], { cwd: ROOT, env, stdio: "inherit" });
  currentChild = server;
  fs.mkdirSync(DATA_DIR, { recursive: true });
  fs.writeFileSync(STATE_FILE, JSON.stringify({ launcher: process.pid, app: server.pid }));
  server.once("error", (err) => {
    if (currentChild === server) currentChild = null;
    void fail(`scripts/serve.mjs: ${err.message}`);
  });
  server.once("exit", async (code, signal) => {
    if (shuttingDown) return;
    shuttingDown = true;
    const exitCode = code ?? 128 + (os.constants.signals[signal] ?? 0);
    say(`应用已退出 / the app exited (${signal ?? `code ${code}`})`);
    await stopPostgres();
    fs.rmSync(STATE_FILE, { force: true });
    process.exit(exitCode);
  });
  if (await waitForHttp(`http://127.0.0.1:${port}/`, server)) {
    if (!shuttingDown) {
      say(`就绪 / ready in ${elapsed()}`);
      banner({ appUrl, dbText, workerText });
    }
  }
}

main().catch((err) => fail(err?.stack ?? String(err)));
