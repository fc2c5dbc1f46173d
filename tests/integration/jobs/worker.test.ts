import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { JobDefinition } from "@/lib/server/jobs/registry";
import { startWorker } from "@/lib/server/jobs/worker";
import { openTestDatabase } from "../../support/test-database";

// The worker on the real queue: several instances enqueue a periodic job once per window between
// them and never run one twice; a stop lets the running job finish; a failure reaches the queue's
// table without its message; and the worker process itself starts, works and stops on a signal.
// Nothing here bounds how fast anything happens: the waits only give up after a long time.

const database = await openTestDatabase("empty");
const sql = new pg.Pool({ connectionString: database.url, max: 2 });
afterAll(() => sql.end());

const ROOT = path.resolve(import.meta.dirname, "../../..");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, giveUpAfterMs = 45_000): Promise<void> {
  const deadline = Date.now() + giveUpAfterMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await sleep(100);
  }
}

interface QueuedRun {
  id: string;
  state: string;
  singleton_on: Date | null;
  output: unknown;
}

async function runsOf(name: string): Promise<QueuedRun[]> {
  const { rows } = await sql.query<QueuedRun>(
    "SELECT id::text, state::text, singleton_on, output FROM pgboss.job WHERE name = $1 UNION ALL SELECT id::text, state::text, singleton_on, output FROM pgboss.archive WHERE name = $1 ORDER BY singleton_on",
    [name],
  );
  return rows;
}

describe("the worker", () => {
  it("runs a periodic job once per window, however many instances run it", async () => {
    const ran: string[] = [];
    const job: JobDefinition = {
      name: "test.every-two-seconds",
      everySeconds: 2,
      run: async ({ jobId }) => {
        ran.push(jobId!);
        return { n: ran.length };
      },
    };
    // Three instances, started at once on a database the queue has never seen (its schema and the
    // job's queue are created while they race).
    const workers = await Promise.all([1, 2, 3].map(() => startWorker({ jobs: [job] })));
    try {
      await waitUntil("three runs", () => ran.length >= 3);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    const runs = await runsOf(job.name);
    const stats = workers.map((w) => w.stats()[job.name]!);
    const sum = (key: keyof (typeof stats)[number]) => stats.reduce((total, s) => total + s[key], 0);

    // Each run was executed once, by one instance.
    expect(new Set(ran).size).toBe(ran.length);
    expect(runs.filter((r) => r.state === "completed").map((r) => r.id).sort()).toEqual([...ran].sort());
    expect(sum("ran")).toBe(ran.length);
    // At most one run per two-second window, whatever the number of sends.
    const windows = runs.map((r) => r.singleton_on!.getTime());
    expect(new Set(windows).size).toBe(runs.length);
    for (let i = 1; i < windows.length; i++) expect(windows[i]! - windows[i - 1]!).toBeGreaterThanOrEqual(2_000);
    expect(sum("enqueued")).toBe(runs.length);
    // Every instance kept sending; the queue turned all but one send per window away.
    for (const s of stats) expect(s.enqueued + s.skipped).toBeGreaterThan(0);
    expect(sum("skipped")).toBeGreaterThan(0);
  });

  it("lets a running job finish when it stops", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    let finished = false;
    const job: JobDefinition = {
      name: "test.slow",
      everySeconds: 3600,
      run: async () => {
        started = true;
        await released;
        finished = true;
        return { finished: true };
      },
    };
    const worker = await startWorker({ jobs: [job], stopTimeoutMs: 60_000 });
    await waitUntil("the job started", () => started);

    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await sleep(1_500);
    // Still running, so the stop waits for it…
    expect(finished).toBe(false);
    expect(stopped).toBe(false);
    release();
    await stopping;
    // …and the run is recorded as complete, not cut off.
    expect(finished).toBe(true);
    expect((await runsOf(job.name)).map((r) => [r.state, r.output])).toEqual([["completed", { finished: true }]]);
  });

  it("hands a failure to the queue without its message", async () => {
    let ran = false;
    const job: JobDefinition = {
      name: "test.failing",
      everySeconds: 3600,
      run: async () => {
        ran = true;
        // A message quoting a value, as a database error can.
        throw new Error("duplicate key value violates unique constraint: (phone)=(13800138000)");
      },
    };
    const worker = await startWorker({ jobs: [job] });
    try {
      await waitUntil("the run failed", async () => ran && (await runsOf(job.name)).some((r) => r.state === "failed"));
    } finally {
      await worker.stop();
    }
    expect(worker.stats()[job.name]).toMatchObject({ ran: 0, failed: 1 });
    const runs = await runsOf(job.name);
    // Not retried: the next window runs the job again.
    expect(runs.map((r) => r.state)).toEqual(["failed"]);
    expect(JSON.stringify(runs[0]!.output)).not.toContain("13800138000");
  });

  it("runs as its own process (npm run worker) and stops cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "worker/main.ts"], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lines: { msg?: string; job?: string; result?: unknown }[] = [];
    let stderr = "";
    let buffered = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      buffered += chunk;
      const complete = buffered.split("\n");
      buffered = complete.pop()!;
      for (const line of complete) if (line.trim()) lines.push(JSON.parse(line));
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once("exit", (code, signal) => resolve({ code, signal })),
    );
    try {
      // The registry's housekeeping runs as the worker starts.
      await waitUntil("housekeeping ran in the worker process", () => lines.some((l) => l.msg === "job done" && l.job === "housekeeping"));
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(stderr).toBe("");
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(["worker started", "job done", "worker: stopping", "worker stopped"]));
    expect((await runsOf("housekeeping")).map((r) => r.state)).toEqual(["completed"]);
  });
});
