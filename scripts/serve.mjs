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
// One process: stopping it (SIGTERM, SIGINT) stops everything; no next-server is left behind.

import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies } from "../lib/http/client-address.mjs";

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
});

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  say(`${signal}: stopping`);
  // Open server-sent event streams would keep close() waiting forever: end every connection.
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
}
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(signal, () => stop(signal));
