// What the domain workers (domain-worker.ts, chain-worker.ts) share: a real sign-in, one-off SQL
// beside the app's pool, the request context of each call, and the worker's stdin/stdout protocol.
// Imported only by code running with the "react-server" condition (see worker-process.ts).
import pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { resolveSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { signInWithPassword } from "@/lib/server/auth/sign-in-with-password";
import { runPool } from "./stats";

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
