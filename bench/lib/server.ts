// The app under test: `next build` (into its own folder, when stale) and scripts/serve.mjs
// (`npm start`), as a deployment runs it. The server gets its own process group so that stopping
// it leaves nothing.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { sleep } from "./stats";

/**
 * The bench builds into its own folder (next.config.ts reads NEXT_DIST_DIR), so that it never
 * swaps the `.next` of a developer's or the test runner's `next start` under them, and theirs
 * never changes the build being measured.
 */
export const BENCH_DIST_DIR = ".next-bench";

/**
 * What a build depends on; a file newer than BUILD_ID means the build is stale. (tsconfig.json is
 * left out: the build itself rewrites it, see restoreSharedFiles.)
 */
const SOURCES = ["app", "lib", "components", "proxy.ts", "next.config.ts", "postcss.config.mjs", "package.json"];

async function newestMtime(entry: string): Promise<number> {
  let stat: fs.Stats;
  try {
    stat = await fsp.stat(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of await fsp.readdir(entry)) {
    if (child === "node_modules" || child.startsWith(".")) continue;
    newest = Math.max(newest, await newestMtime(path.join(entry, child)));
  }
  return newest;
}

export async function buildIsStale(): Promise<{ stale: boolean; reason: string }> {
  let built: number;
  try {
    built = (await fsp.stat(path.join(BENCH_DIST_DIR, "BUILD_ID"))).mtimeMs;
  } catch {
    return { stale: true, reason: `no ${BENCH_DIST_DIR}/BUILD_ID` };
  }
  const newest = Math.max(...(await Promise.all(SOURCES.map(newestMtime))));
  return newest > built ? { stale: true, reason: "sources changed since the last bench build" } : { stale: false, reason: "current" };
}

/**
 * `next build` into BENCH_DIST_DIR. Next writes its dist folder into tsconfig.json's `include` and
 * into next-env.d.ts; both are shared with everyone else's checkout state, so when the build
 * changed nothing but that, they are put back exactly as they were.
 */
export async function buildApp(log: (line: string) => void): Promise<number> {
  const guarded = ["tsconfig.json", "next-env.d.ts"];
  const before = new Map(guarded.map((f) => [f, fs.existsSync(f) ? fs.readFileSync(f, "utf8") : null]));
  const started = performance.now();
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn("node_modules/.bin/next", ["build"], {
        env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const tail: string[] = [];
      const keep = (chunk: Buffer) => {
        tail.push(chunk.toString("utf8"));
        if (tail.length > 200) tail.shift();
      };
      child.stdout.on("data", keep);
      child.stderr.on("data", keep);
      child.once("error", reject);
      child.once("exit", (code, signal) => {
        if (code === 0) resolve();
        else reject(new Error(`next build failed (${signal ?? `exit ${code}`}):\n${tail.join("").slice(-4000)}`));
      });
    });
  } finally {
    restoreSharedFiles(before, log);
  }
  const seconds = (performance.now() - started) / 1000;
  log(`next build: ${seconds.toFixed(0)} s`);
  return seconds;
}

/**
 * Undoes what the bench build did to tsconfig.json (Next adds its dist folder's type globs to
 * `include`, re-formatting the file) and to next-env.d.ts (regenerated for the dist folder),
 * keeping any change someone else made to them in the meantime.
 */
function restoreSharedFiles(before: Map<string, string | null>, log: (line: string) => void): void {
  for (const [file, original] of before) {
    if (original === null || !fs.existsSync(file)) continue;
    const now = fs.readFileSync(file, "utf8");
    if (now === original || !now.includes(BENCH_DIST_DIR)) continue;
    if (file === "next-env.d.ts") {
      fs.writeFileSync(file, original); // generated and git-ignored: the previous build's version
      continue;
    }
    const semantic = (text: string) => {
      const json = JSON.parse(text) as { include?: unknown };
      if (Array.isArray(json.include)) json.include = json.include.filter((x) => !String(x).includes(BENCH_DIST_DIR));
      return JSON.stringify(json);
    };
    let sameOtherwise = false;
    try {
      sameOtherwise = semantic(now) === semantic(original);
    } catch {
      // not plain JSON (comments): fall through to removing our lines
    }
    if (sameOtherwise) {
      fs.writeFileSync(file, original);
    } else {
      const kept = now.split("\n").filter((line) => !line.includes(BENCH_DIST_DIR)).join("\n").replace(/,(\s*\n\s*\])/g, "$1");
      fs.writeFileSync(file, kept);
      log(`note: ${file} was also changed by someone else during the build; only the ${BENCH_DIST_DIR} entries were removed`);
    }
  }
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export interface AppServer {
  /** http://localhost:PORT (Auth.js builds its URLs with localhost). */
  baseUrl: string;
  pid: number;
  logFile: string;
  authSecret: string;
  stop(): Promise<void>;
}

export async function startApp(
  opts: { port: number; databaseUrl: string; poolSize: number; logLevel: string },
  log: (line: string) => void,
): Promise<AppServer> {
  if (await portInUse(opts.port)) throw new Error(`port ${opts.port} is in use; pick another with --port`);
  const authSecret = randomBytes(24).toString("hex");
  const logFile = path.join(os.tmpdir(), `afc-bench-app-${opts.port}.log`);
  const logFd = fs.openSync(logFile, "w");
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, ["scripts/serve.mjs", "--port", String(opts.port)], {
      detached: true, // its own process group: stop() signals the group, so nothing is left
      stdio: ["ignore", logFd, logFd],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: BENCH_DIST_DIR,
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: opts.databaseUrl,
        AUTH_SECRET: authSecret,
        DB_POOL_SIZE: String(opts.poolSize),
        LOG_LEVEL: opts.logLevel,
        // Web only: a background worker beside it would sweep with the real clock in the middle
        // of the measurements (the sweep is measured on its own, with its own clock).
        WORKER: "off",
      },
    });
  } finally {
    fs.closeSync(logFd);
  }
  const pid = child.pid!;
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  const onExit = () => {
    if (!exited) signalGroup(pid, "SIGKILL");
  };
  process.on("exit", onExit);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      for (const [sig, waitMs] of [["SIGTERM", 10_000], ["SIGKILL", 5_000]] as const) {
        if (exited && !groupAlive(pid)) break;
        signalGroup(pid, sig);
        const deadline = Date.now() + waitMs;
        while (Date.now() < deadline && (!exited || groupAlive(pid))) await sleep(100);
      }
      process.removeListener("exit", onExit);
    })());

  const baseUrl = `http://localhost:${opts.port}`;
  const deadline = Date.now() + 90_000;
  const started = performance.now();
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`the app server exited early; log ${logFile}:\n${fs.readFileSync(logFile, "utf8").slice(-3000)}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app server did not answer /api/health within 90 s; log ${logFile}`);
    }
    await sleep(200);
  }
  log(`app server: ready on ${baseUrl} in ${((performance.now() - started) / 1000).toFixed(1)} s (pid ${pid}, DB_POOL_SIZE=${opts.poolSize}, log ${logFile})`);
  return { baseUrl, pid, logFile, authSecret, stop };
}

function signalGroup(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pid, sig);
  } catch {
    // the group is gone
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
