// `npm test`: everything, in order — lint, type check, unit and integration tests (vitest, real
// PostgreSQL), then the browser tests (Playwright + Chromium against the built app on a freshly
// seeded database). Finds or starts PostgreSQL itself (TEST_DATABASE_URL, else 127.0.0.1:5432,
// else an embedded server) and drops every database it made.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createDatabase, dropDatabase, findTestServer, withDatabase } from "./lib/postgres.mjs";

const args = new Set(process.argv.slice(2));
const only = (name) => args.size === 0 || args.has(`--${name}`);
const timings = [];

function run(label, command, commandArgs, env = {}) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    console.log(`\n▶ ${label}`);
    const child = spawn(command, commandArgs, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      timings.push(`${label}: ${seconds} s`);
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

const bin = (name) => `node_modules/.bin/${name}`;

// Playwright cannot download its own browser here; the tests drive Debian's Chromium. Install it
// when it is missing and we are root on a Debian-like system, as .ci/run does; otherwise explain.
function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(path)) return;
  const canApt = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (!canApt) {
    throw new Error(`Chromium not found at ${path}. Install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  console.log("▶ installing Chromium (apt-get) for the browser tests");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-wqy-zenhei"]]) {
    const r = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (r.status !== 0) throw new Error(`apt-get ${args[0]} failed`);
  }
}
const server = await findTestServer({ log: (line) => console.log(`[postgres] ${line}`) });
const e2eDb = `afc_e2e_${randomBytes(4).toString("hex")}`;
let failed = false;
try {
  if (only("static")) {
    await run("lint", bin("eslint"), ["."]);
    await run("typecheck", bin("tsc"), ["--noEmit"]);
  }
  if (only("unit") || only("integration")) {
    const projects = [only("unit") && ["--project", "unit"], only("integration") && ["--project", "integration"]].filter(Boolean).flat();
    await run("unit + integration tests", bin("vitest"), ["run", ...projects], { TEST_DATABASE_URL: server.adminUrl });
  }
  if (only("e2e")) {
    ensureChromium();
    await createDatabase(server.adminUrl, e2eDb);
    const databaseUrl = withDatabase(server.adminUrl, e2eDb);
    // Keys of this run only: the database is sealed with them, and the app reads it with them.
    const piiKeys = { PII_KEYS: `e2e:${randomBytes(32).toString("base64")}`, PII_ACTIVE_KEY: "e2e", PII_INDEX_KEY: randomBytes(32).toString("base64") };
    const env = { DATABASE_URL: databaseUrl, AUTH_SECRET: randomBytes(24).toString("hex"), NEXT_TELEMETRY_DISABLED: "1", ...piiKeys };
    await run("migrate e2e database", bin("tsx"), ["prisma/tools/migrate.ts"], env);
    await run("seed e2e database", bin("tsx"), ["prisma/seed/index.ts", "--alerts", "3000", "--second-city"], env);
    await run("next build", bin("next"), ["build"], env);
    await run("browser tests", bin("playwright"), ["test"], { ...env, E2E_DATABASE_URL: databaseUrl });
  }
} catch (error) {
  failed = true;
  console.error(`\n✖ ${error.message}`);
} finally {
  await dropDatabase(server.adminUrl, e2eDb).catch(() => {});
  await server.stop();
  console.log(`\nTimings:\n  ${timings.join("\n  ")}`);
}
process.exit(failed ? 1 : 0);
