// Starts a domain worker — bench/lib/domain-worker.ts (claims, the queue's query),
// bench/lib/chain-worker.ts (the dispatch chain) or bench/lib/money-worker.ts (the money workflow) — in a child process with the "react-server"
// export condition (so `import "server-only"` resolves to its empty module, as inside Next) and
// returns its result.
import { spawn } from "node:child_process";
import type { DispatchJob, SweepJob, ViewsJob } from "./chain-worker";
import type { ClaimJob, QueueJob } from "./domain-worker";
import type { FiledJob, MoneyViewJob } from "./money-worker";

export interface WorkerEnv {
  databaseUrl: string;
  authSecret: string;
  poolSize: number;
}

type Job = ClaimJob | QueueJob | ViewsJob | SweepJob | DispatchJob | MoneyViewJob | FiledJob;

const SCRIPT: Record<Job["mode"], string> = {
  claim: "bench/lib/domain-worker.ts",
  queue: "bench/lib/domain-worker.ts",
  views: "bench/lib/chain-worker.ts",
  sweep: "bench/lib/chain-worker.ts",
  dispatch: "bench/lib/chain-worker.ts",
  desk: "bench/lib/money-worker.ts",
  case: "bench/lib/money-worker.ts",
  filed: "bench/lib/money-worker.ts",
};

export function runDomainWorker<T>(job: Job, env: WorkerEnv): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", SCRIPT[job.mode]], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: env.databaseUrl,
        AUTH_SECRET: env.authSecret,
        DB_POOL_SIZE: String(env.poolSize),
        LOG_LEVEL: "warn",
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (err += c.toString("utf8")));
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      const line = out.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
      if (code === 0 && line) resolve(JSON.parse(line.slice("BENCH_RESULT ".length)) as T);
      else reject(new Error(`domain worker (${job.mode}) failed (${signal ?? `exit ${code}`}):\n${(err || out).slice(-3000)}`));
    });
    child.stdin.end(JSON.stringify(job));
  });
}
