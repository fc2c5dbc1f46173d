#!/usr/bin/env node
// `npm start` — serves the built app (`next build`) as `next start` would, through Next's
// programmatic API, so that the app learns which address each request came from.
//
//   node scripts/serve.mjs [--port 3000] [--hostname 0.0.0.0]      (or PORT; TRUSTED_PROXIES)
//
// `next start` only sets X-Forwarded-For to the socket's address when the client sent none, so a
// client could name any address it liked, and the socket's address is then lost. This server
// computes the client's address (the socket's peer; behind a proxy listed in TRUSTED_PROXIES, the
// right-most X-Forwarded-For entry that is not a trusted proxy), puts it in a private header after
// deleting any copy the client sent, and marks the process so the app believes that header and
// nothing else. See docs/decisions/009-client-address.md.
//
// It also runs the background worker (worker/main.ts: jobs on the PostgreSQL job queue) as its
// child, restarted with a growing delay if it dies, unless WORKER=off (web-only instances; run
// `npm run worker` elsewhere). Any number of instances may run a worker against one database
// (docs/decisions/017-worker-and-job-queue.md).
//
// Stopping it (SIGTERM, SIGINT) stops everything: the HTTP server and the worker (which finishes its
// running jobs first); no next-server or worker is left behind.

import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies } from "../lib/http/client-address.mjs";
import { childExited, onShutdownSignals, stopChild, withTimeout } from "./lib/processes.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const say = (msg) => console.log(`[serve] ${msg}`);

let options;
let trusted;
try {
  ({ values: options } = parseArgs({
    options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  }));
  trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
} catch (error) {
  console.error(`[serve] ${error.message}`);
  process.exit(2);
}
const port = Number(options.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`[serve] invalid port: ${options.port ?? process.env.PORT}`);
  process.exit(2);
}
// Not $HOSTNAME: containers set it to their own name. Undefined: every interface, as next start.
const hostname = options.hostname;
const workerWanted = !/^(off|0|false|no)$/i.test(process.env.WORKER ?? "");
let stopping = false;

// As `next start` does; and the flag lib/env.ts reads before it trusts CLIENT_ADDRESS_HEADER.
process.env.NODE_ENV = "production";
process.env.AFC_SERVED_BY = "serve.mjs";

const { default: next } = await import("next");
const app = next({ dev: false, dir: ROOT, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  const address = clientAddress({ socketAddress: req.socket.remoteAddress, forwardedFor: req.headers["x-forwarded-for"], trusted });
  delete req.headers[CLIENT_ADDRESS_HEADER];
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
  void handle(req, res);
});
server.once("error", (error) => {
  console.error(`[serve] ${error.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  const { port: bound } = server.address();
  const proxies = trusted.length === 0 ? "none" : process.env.TRUSTED_PROXIES;
  say(`ready on http://${hostname ?? "localhost"}:${bound} (trusted proxies: ${proxies})`);
  if (workerWanted) startWorker();
  else say("worker off (WORKER=off): run `npm run worker` somewhere for the background jobs");
});

// ---------------------------------------------------------------------------------------------
// The worker: a child with an IPC channel, so that it stops by itself if this process dies.
// ---------------------------------------------------------------------------------------------

let worker = null;
let workerRestartDelayMs = 1_000;
let workerRestartTimer = null;

function startWorker() {
  if (stopping) return;
  const startedAt = Date.now();
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "worker", "main.ts")], {
    cwd: ROOT,
    env: process.env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  worker = child;
  say(`worker started (pid ${child.pid})`);
  child.once("error", (error) => say(`worker: ${error.message}`));
  child.once("exit", (code, sig) => {
    if (worker === child) worker = null;
    if (stopping) return;
    // A worker that ran a while had a real failure, not a crash loop: start again soon.
    if (Date.now() - startedAt > 60_000) workerRestartDelayMs = 1_000;
    say(`worker exited (${sig ?? `code ${code}`}); starting it again in ${workerRestartDelayMs / 1000} s`);
    workerRestartTimer = setTimeout(startWorker, workerRestartDelayMs);
    workerRestartDelayMs = Math.min(workerRestartDelayMs * 2, 60_000);
  });
}

async function stop(signal) {
  if (stopping) return;
  stopping = true;
  say(`${signal}: stopping`);
  clearTimeout(workerRestartTimer);
  // Open server-sent event streams would keep close() waiting forever: end every connection.
  const httpClosed = new Promise((resolve) => server.close(resolve));
  server.closeAllConnections();
  // The worker lets its running jobs finish (8 s at most) before it exits; a repeated signal is
  // harmless to it (in a terminal it already got the same Ctrl-C).
  const workerStopped = stopChild(worker, {
    steps: [["SIGTERM", 15_000], ["SIGKILL", 5_000]],
    what: "worker",
    log: say,
  });
  await Promise.all([withTimeout(httpClosed, 5_000), workerStopped]);
  if (worker) await withTimeout(childExited(worker), 1_000);
  say("stopped");
  process.exit(0);
}
onShutdownSignals(stop);
