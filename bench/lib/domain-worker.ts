// Runs domain functions (claimAlert, listTriageQueue) in a process of its own, against the bench
// database, exactly as the app's server actions and pages call them: a real sign-in, a real
// session row, the actor from resolveSession, the function's own transaction and audit row.
//
// Started by measure-claim.ts / measure-queue.ts as
//   node --conditions=react-server --import tsx bench/lib/domain-worker.ts
// because every lib/server module imports "server-only", which throws unless the "react-server"
// export condition is active (as it is inside Next's server). Reads one JSON job on stdin and
// prints one line "BENCH_RESULT {json}".
import type { Actor } from "@/lib/auth/actor";
import { resolveSession } from "@/lib/auth/sessions";
import { ConflictError } from "@/lib/errors";
import { runWithRequestContext } from "@/lib/request-context";
import { QueueFilterSchema } from "@/lib/schemas/triage";
import { getTriageQueueScreen } from "@/lib/server/alerts/get-triage-queue-screen";
import { listTriageQueue } from "@/lib/server/alerts/list-triage-queue";
import { claimAlert } from "@/lib/server/alerts/claim-alert";
import { summarize, type LatencySummary } from "./stats";
import { context, query, serveOneJob, signIn, signInAll } from "./worker-session";

export interface ClaimJob {
  mode: "claim";
  runId: string;
  usernames: string[];
  password: string;
  claimsEach: number;
  /** Alerts every analyst tries to claim at the same moment (exactly one may win each). */
  contendedAlerts: number;
}

export interface QueueJob {
  mode: "queue";
  runId: string;
  username: string;
  password: string;
  runs: number;
  /** Each series stops early after this long (a slow query must not hold the run for minutes). */
  maxSecondsEach: number;
}

export interface ClaimWorkerResult {
  analysts: number;
  claimsEach: number;
  claims: number;
  failures: number;
  firstFailure: string | null;
  seconds: number;
  claimsPerSecond: number;
  latency: LatencySummary;
  contention: { alerts: number; attempts: number; winners: number; conflicts: number; otherErrors: number; latency: LatencySummary };
  verification: { ok: boolean; problems: string[]; claimedByRightAnalyst: number; claimedEvents: number; auditRows: number };
}

export interface QueueWorkerResult {
  /** Repetitions asked for; `query.samples` / `pageData.samples` say how many fitted the time budget. */
  runs: number;
  items: number;
  /** listTriageQueue alone: the page's main query, with its authorization. */
  query: LatencySummary;
  /** What the page's server code reads: resolveSession + getTriageQueueScreen (the queue and its filter choices). */
  pageData: LatencySummary;
}

async function runClaims(job: ClaimJob): Promise<ClaimWorkerResult> {
  const actors: Actor[] = await signInAll(job.usernames, job.password);
  const cityId = actors[0]!.cityId;

  const perAnalyst = job.claimsEach + 1; // +1 warm-up claim each
  const needed = actors.length * perAnalyst + job.contendedAlerts;
  const rows = await query<{ id: string }>(
    `SELECT id FROM alert WHERE city_id = $1 AND status = 'NEW' ORDER BY random() LIMIT $2`,
    [cityId, needed],
  );
  if (rows.length < needed) throw new Error(`only ${rows.length} NEW alerts for ${needed} claims`);
  const ids = rows.map((r) => r.id);
  const listOf = (a: number) => ids.slice(a * perAnalyst, (a + 1) * perAnalyst);
  const contended = ids.slice(actors.length * perAnalyst);

  // Warm-up: one claim each, not measured (opens the pool's connections).
  await Promise.all(actors.map((actor, a) => runWithRequestContext(context(job.runId, `cw-${a}`), () => claimAlert(actor, { alertId: listOf(a)[0]! }))));

  const latencies: number[] = [];
  const expectedOwner: { alert: string; user: string }[] = [];
  let failures = 0;
  let firstFailure: string | null = null;
  const started = performance.now();
  await Promise.all(
    actors.map(async (actor, a) => {
      const mine = listOf(a).slice(1);
      for (let k = 0; k < mine.length; k++) {
        const alertId = mine[k]!;
        const t0 = performance.now();
        try {
          await runWithRequestContext(context(job.runId, `c-${a}-${k}`), () => claimAlert(actor, { alertId }));
          latencies.push(performance.now() - t0);
          expectedOwner.push({ alert: alertId, user: actor.userId });
        } catch (error) {
          failures++;
          firstFailure ??= error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  // Contention: every analyst claims the same alert at once; exactly one may win.
  const contentionLatencies: number[] = [];
  let winners = 0;
  let conflicts = 0;
  let otherErrors = 0;
  for (const [c, alertId] of contended.entries()) {
    const outcomes = await Promise.all(
      actors.map(async (actor, a) => {
        const t0 = performance.now();
        try {
          await runWithRequestContext(context(job.runId, `cc-${c}-${a}`), () => claimAlert(actor, { alertId }));
          return { ok: true as const, ms: performance.now() - t0, user: actor.userId };
        } catch (error) {
          return { ok: false as const, ms: performance.now() - t0, conflict: error instanceof ConflictError };
        }
      }),
    );
    for (const o of outcomes) {
      contentionLatencies.push(o.ms);
      if (o.ok) {
        winners++;
        expectedOwner.push({ alert: alertId, user: o.user });
      } else if (o.conflict) conflicts++;
      else otherErrors++;
    }
  }

  // Read back: each claimed alert is CLAIMED by the analyst who was told so, once.
  const allIds = expectedOwner.map((e) => e.alert);
  const [check] = await query<{ right_owner: string; events: string; multi: string; audit: string }>(
    `WITH e AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(alert uuid, "user" uuid))
     SELECT (SELECT count(*) FROM e JOIN alert a ON a.id = e.alert AND a.status = 'CLAIMED' AND a.assignee_id = e."user") AS right_owner,
            (SELECT count(*) FROM alert_event WHERE kind = 'CLAIMED' AND alert_id = ANY($2::uuid[])) AS events,
            (SELECT count(*) FROM (SELECT alert_id FROM alert_event WHERE kind = 'CLAIMED' AND alert_id = ANY($2::uuid[])
                                   GROUP BY alert_id HAVING count(*) > 1) m) AS multi,
            (SELECT count(*) FROM audit_event WHERE action = 'alert.claim' AND outcome = 'SUCCESS' AND entity_id = ANY($3::text[])) AS audit`,
    [JSON.stringify(expectedOwner), allIds, allIds],
  );
  const problems: string[] = [];
  const n = expectedOwner.length;
  if (failures > 0) problems.push(`${failures} claims failed (${firstFailure})`);
  if (new Set(allIds).size !== n) problems.push("an alert was reported claimed twice");
  if (Number(check!.right_owner) !== n) problems.push(`${check!.right_owner} of ${n} alerts held by the analyst who claimed them`);
  if (Number(check!.events) !== n || Number(check!.multi) !== 0) problems.push(`${check!.events} CLAIMED events for ${n} claims (${check!.multi} alerts with more than one)`);
  if (Number(check!.audit) !== n) problems.push(`${check!.audit} claim audit rows for ${n} claims`);
  if (winners !== contended.length) problems.push(`contention: ${winners} winners for ${contended.length} alerts`);
  if (otherErrors > 0) problems.push(`contention: ${otherErrors} errors other than "already claimed"`);

  return {
    analysts: actors.length,
    claimsEach: job.claimsEach,
    claims: latencies.length,
    failures,
    firstFailure,
    seconds: Math.round(seconds * 1000) / 1000,
    claimsPerSecond: Math.round(latencies.length / seconds),
    latency: summarize(latencies),
    contention: { alerts: contended.length, attempts: contentionLatencies.length, winners, conflicts, otherErrors, latency: summarize(contentionLatencies) },
    verification: { ok: problems.length === 0, problems, claimedByRightAnalyst: Number(check!.right_owner), claimedEvents: Number(check!.events), auditRows: Number(check!.audit) },
  };
}

async function runQueue(job: QueueJob): Promise<QueueWorkerResult> {
  const actor = await signIn(job.username, job.password);
  const filter = QueueFilterSchema.parse({});
  let items = 0;
  for (let w = 0; w < 5; w++) items = (await listTriageQueue(actor, filter)).items.length;
  let deadline = performance.now() + job.maxSecondsEach * 1000;
  const queryMs: number[] = [];
  for (let r = 0; r < job.runs && performance.now() < deadline; r++) {
    const t0 = performance.now();
    await runWithRequestContext(context(job.runId, `q-${r}`), () => listTriageQueue(actor, filter));
    queryMs.push(performance.now() - t0);
  }
  deadline = performance.now() + job.maxSecondsEach * 1000;
  const pageMs: number[] = [];
  for (let r = 0; r < job.runs && performance.now() < deadline; r++) {
    const t0 = performance.now();
    await runWithRequestContext(context(job.runId, `qp-${r}`), async () => {
      const current = await resolveSession(actor.sessionId!, new Date());
      if (!current) throw new Error("session lost");
      await getTriageQueueScreen(current, filter);
    });
    pageMs.push(performance.now() - t0);
  }
  return { runs: job.runs, items, query: summarize(queryMs), pageData: summarize(pageMs) };
}

await serveOneJob<ClaimJob | QueueJob>((job) => (job.mode === "claim" ? runClaims(job) : runQueue(job)));
