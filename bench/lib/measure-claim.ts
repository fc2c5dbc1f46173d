// Claim latency with 50 analysts working at once. There is no HTTP route for a claim (it is a
// server action), so the domain function the action calls — claimAlert: role check, atomic
// UPDATE … WHERE status = 'NEW', timeline event and audit row in one transaction — runs in a
// worker process with the app's pool size, for real bench accounts signed in with the real code.
import { ensureBenchAnalysts } from "./database";
import type { ClaimWorkerResult } from "./domain-worker";
import { runDomainWorker, type WorkerEnv } from "./worker-process";

export const DEMO_PASSWORD = "Demo@2026!";

export type ClaimResult = ClaimWorkerResult & { poolSize: number; how: string };

export async function measureClaim(
  env: WorkerEnv,
  opts: { runId: string; analysts: number; claimsEach: number },
): Promise<ClaimResult> {
  const usernames = await ensureBenchAnalysts(env.databaseUrl, opts.analysts);
  const result = await runDomainWorker<ClaimWorkerResult>(
    { mode: "claim", runId: opts.runId, usernames, password: DEMO_PASSWORD, claimsEach: opts.claimsEach, contendedAlerts: 10 },
    env,
  );
  return {
    ...result,
    poolSize: env.poolSize,
    how:
      `${opts.analysts} analysts signed in (signInWithPassword + resolveSession), each claiming ${opts.claimsEach} distinct NEW alerts ` +
      `back to back with claimAlert (no think time), all at once, in one process with a pool of ${env.poolSize} connections ` +
      "(as the app server); then 10 alerts claimed by all analysts at the same moment (exactly one winner each).",
  };
}
