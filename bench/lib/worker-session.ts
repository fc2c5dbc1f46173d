// What the domain workers (domain-worker.ts, chain-worker.ts) share: a real sign-in, one-off SQL
// beside the app's pool, the request context of each call, and the worker's stdin/stdout protocol.
// Imported only by code running with the "react-server" condition (see worker-process.ts).
import pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { resolveSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { signInWithPassword } from "@/lib/server/auth/sign-in-with-password";
import { watchCpu, type CpuUse } from "./cpu";
import { runPool, summarize, type LatencySummary } from "./stats";

export async function signIn(username: string, password: string): Promise<Actor> {
  const result = await signInWithPassword({ username, password }, { ip: "127.0.0.1" });
  if (!result.ok) throw new Error(`sign-in of ${username} failed`);
  const actor = await resolveSession(result.sessionId, new Date());
  if (!actor) throw new Error(`the session of ${username} did not resolve`);
  return actor;
}

/** Signs them all in, a few at a time (Argon2 is deliberately slow). */
export async function signInAll(usernames: readonly string[], password: string): Promise<Actor[]> {
  const actors: Actor[] = new Array(usernames.length);
  await runPool(usernames.length, 4, async (i) => {
    actors[i] = await signIn(usernames[i]!, password);
  });
  return actors;
}

/** One statement on a connection of its own (not the app's pool, which the measurement uses). */
export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** CPU of a measurement window, seen from a worker: this process runs the domain code, so it is the "app". */
export function workerCpu(): () => CpuUse | null {
  const stop = watchCpu(() => undefined, decodeURIComponent(new URL(process.env.DATABASE_URL ?? "postgres://x/").pathname.slice(1)));
  return () => {
    const c = stop();
    return c ? { ...c, app: c.bench, bench: 0 } : null;
  };
}

export const errorText = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** Calls `one(i)` back to back in `connections` lanes for `seconds` (i counts up across lanes). */
async function inFlightFor(connections: number, seconds: number, one: (i: number) => Promise<void>): Promise<void> {
  const until = performance.now() + seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) await one(next++);
    }),
  );
}

export interface LoadResult {
  seconds: number;
  calls: number;
  callsPerSecond: number;
  latency: LatencySummary;
  /** Items per call, as the call counts them. */
  items: { min: number; mean: number; max: number };
  failures: number;
  firstFailure: string | null;
  /** CPU during the load; "app" is this worker process (where the domain function runs). */
  cpu: CpuUse | null;
}

/**
 * `call(i)` (returning the items it listed) `connections` at a time, back to back, for `seconds`,
 * after a second of the same load unmeasured (it opens the pool's connections).
 */
export async function loadFor(connections: number, seconds: number, call: (i: number) => Promise<number>): Promise<LoadResult> {
  await inFlightFor(connections, 1, async (i) => {
    await call(i).catch(() => {});
  });
  const latencies: number[] = [];
  const items: number[] = [];
  let failures = 0;
  let firstFailure: string | null = null;
  const stopCpu = workerCpu();
  const started = performance.now();
  await inFlightFor(connections, seconds, async (i) => {
    const t0 = performance.now();
    try {
      const n = await call(i);
      latencies.push(performance.now() - t0);
      items.push(n);
    } catch (error) {
      failures++;
      firstFailure ??= errorText(error);
    }
  });
  const took = (performance.now() - started) / 1000;
  const cpu = stopCpu();
  return {
    seconds: Math.round(took * 10) / 10,
    calls: latencies.length,
    callsPerSecond: Math.round((latencies.length / took) * 10) / 10,
    latency: summarize(latencies),
    items: {
      min: items.length ? Math.min(...items) : 0,
      mean: items.length ? Math.round((items.reduce((s, v) => s + v, 0) / items.length) * 10) / 10 : 0,
      max: items.length ? Math.max(...items) : 0,
    },
    failures,
    firstFailure,
    cpu,
  };
}

export const context = (runId: string, tag: string) => ({ requestId: `bench-${runId}-${tag}`, ip: "127.0.0.1" });

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads the job on stdin, runs it, prints "BENCH_RESULT {json}" and exits (1 on an error). */
export async function serveOneJob<J>(run: (job: J) => Promise<unknown>): Promise<never> {
  try {
    const result = await run(JSON.parse(await readStdin()) as J);
    process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
    await db.$disconnect();
    process.exit(0);
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  }
}
