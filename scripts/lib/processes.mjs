// Process helpers for the project's own launchers (`npm run demo`, `npm start`, `npm test`) and for
// the embedded PostgreSQL server: is a pid alive, what runs under it, stop a child or a stranger
// with escalating signals, wait with a timeout, ports.
//
// Plain Node ESM on purpose: these run before anything is compiled, so no TypeScript here.
//
// Exports:
//   sleep(ms)                                     -> Promise<void>
//   isAlive(pid)                                  -> boolean  (a zombie counts as dead)
//   processCommand(pid)                           -> string   (its command line, "" when unknown)
//   signal(pid, sig)                              -> void     (never throws)
//   waitUntilDead(pid, timeoutMs)                 -> Promise<boolean>
//   stopPid(pid, { steps, log, what })            -> Promise<void>   a process that is not our child
//   childExited(child)                            -> Promise<void>
//   withTimeout(promise, ms)                      -> Promise<boolean> (true: resolved in time)
//   stopChild(child, { steps, log, what })        -> Promise<boolean> our child; true if it stopped
//   onShutdownSignals(handler, signals?)          -> () => void  (removes the listeners)
//   portAnswers(port, host?, timeoutMs?)          -> Promise<boolean> something accepts connections
//   portFree(port)                                -> Promise<boolean> we could bind it (as a server would)
//   freePort()                                    -> Promise<number>
//   readTail(file, bytes?)                        -> Promise<string>

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import net from "node:net";

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** True when `pid` is a live (non-zombie) process. */
export function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (err.code !== "EPERM") return false; // ESRCH: no such process
  }
  // A dead child of a parent that does not reap (e.g. some container init) stays a zombie and
  // still answers kill(pid, 0). On Linux, look at its state.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    if (state === "Z" || state === "X") return false;
  } catch {
    // no /proc (macOS) or the process just went away
  }
  return true;
}

/** The command line of `pid`, or "" when unknown. */
export function processCommand(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
  } catch {
    // fall through to ps (macOS)
  }
  try {
    return execFileSync("ps", ["-p", String(pid), "-o", "command="], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return "";
  }
}

/** Send `sig` to `pid`; a process that is already gone is not an error. */
export function signal(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** Polls until `pid` is dead; true when it died within `timeoutMs`. */
export async function waitUntilDead(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

/**
 * Stop a process that is not our child (left behind by a killed launcher): each signal of
 * `steps` in turn, waiting its time for the process to die. Throws when even the last one fails.
 */
export async function stopPid(
  pid,
  { steps = [["SIGTERM", 10_000], ["SIGKILL", 5_000]], log = () => {}, what = "process" } = {},
) {
  for (const [sig, waitMs] of steps) {
    if (!isAlive(pid)) return;
    log(`  sending ${sig} to ${what} (pid ${pid})`);
    signal(pid, sig);
    if (await waitUntilDead(pid, waitMs)) return;
  }
  if (isAlive(pid)) throw new Error(`could not stop the ${what} with pid ${pid}`);
}

/** Resolves when our child process has exited (immediately if it already has). */
export function childExited(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** True when `promise` resolves within `ms`, false when it has not by then; a rejection is rethrown. */
export async function withTimeout(promise, ms) {
  let timer;
  try {
    return await Promise.race([
      promise.then(() => true),
      new Promise((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Stop our child: each signal of `steps` in turn, waiting its time for the exit event. Resolves
 * true once it has exited, false when even the last signal did not end it in time.
 */
export async function stopChild(
  child,
  { steps = [["SIGTERM", 15_000], ["SIGKILL", 5_000]], log = () => {}, what = "child process" } = {},
) {
  if (!child) return true;
  for (const [sig, waitMs] of steps) {
    if (child.exitCode !== null || child.signalCode !== null) return true;
    if (sig === "SIGKILL") log(`${what} did not stop in time: sending SIGKILL (pid ${child.pid})`);
    try {
      child.kill(sig);
    } catch {
      // already gone
    }
    if (await withTimeout(childExited(child), waitMs)) return true;
  }
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Calls `handler(signal)` on SIGINT, SIGTERM and SIGHUP (or `signals`). The handler decides what a
 * repeated signal means. Returns a function that removes the listeners.
 */
export function onShutdownSignals(handler, signals = ["SIGINT", "SIGTERM", "SIGHUP"]) {
  const listeners = signals.map((sig) => {
    const listener = () => void handler(sig);
    process.on(sig, listener);
    return [sig, listener];
  });
  return () => {
    for (const [sig, listener] of listeners) process.removeListener(sig, listener);
  };
}

/** True when something accepts TCP connections on host:port. */
export function portAnswers(port, host = "127.0.0.1", timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (answer) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** True when nothing listens on `port` (checked the way an app server binds it: every interface). */
export function portFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The last `bytes` characters of a text file, or "" when it cannot be read. */
export async function readTail(file, bytes = 4000) {
  try {
    const text = await fsp.readFile(file, "utf8");
    return text.slice(-bytes).trim();
  } catch {
    return "";
  }
}
