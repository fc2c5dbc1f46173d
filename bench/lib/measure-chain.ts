// The dispatch chain against its targets (issue 8): the station inbox and the district view under
// 10 callers, the supervision sweep over the backlog, and dispatch → the station's open inbox.
// The lists and the sweep are domain functions with no HTTP route of their own yet (the /inbox
// and /district pages come later), and dispatch is a server action: all three run in
// chain-worker.ts, like the claims, with the app's pool size. The data: instruction-data.ts.
import type { AlertGenerator } from "./alert-generator";
import type { DispatchWorkerResult, SweepWorkerResult, ViewsWorkerResult, ChainView } from "./chain-worker";
import { accountsOf, ensureBenchAnalysts, withClient } from "./database";
import { rearmSweep, vacuum, type InstructionData } from "./instruction-data";
import { DEMO_PASSWORD } from "./measure-claim";
import { postBatch } from "./measure-ingest";
import { runDomainWorker, type WorkerEnv } from "./worker-process";

export type ViewsResult = ViewsWorkerResult & { poolSize: number; how: string };
export type SweepMeasureResult = SweepWorkerResult & { t0: string; rearmed: number; how: string };
export type DispatchResult = DispatchWorkerResult & { poolSize: number; how: string };

/** The worker's interval for the sweep (docs/decisions/018-dispatch-chain.md). */
const SWEEP_INTERVAL_SECONDS = 30;

const ROLE: Record<ChainView, string> = { inbox: "STATION_OFFICER", district: "DISTRICT_COORDINATOR" };

export async function measureViews(
  url: string,
  env: WorkerEnv,
  opts: { runId: string; cityId: string; view: ChainView; connections: number; seconds: number },
): Promise<ViewsResult> {
  const usernames = await accountsOf(url, opts.cityId, ROLE[opts.view]);
  if (usernames.length === 0) throw new Error(`the demo city has no ${ROLE[opts.view]} accounts`);
  const result = await runDomainWorker<ViewsWorkerResult>(
    { mode: "views", view: opts.view, runId: opts.runId, usernames, password: DEMO_PASSWORD, connections: opts.connections, seconds: opts.seconds },
    env,
  );
  const who = opts.view === "inbox" ? `the city's ${usernames.length} station officers` : `the city's ${usernames.length} district coordinators`;
  return {
    ...result,
    poolSize: env.poolSize,
    how:
      `listInstructions(actor, "${opts.view}") — the ${opts.view === "inbox" ? "station inbox" : "district view"}'s query with its authorization and ` +
      `masking — for ${who} (signed in with the real code) in turn, ${opts.connections} calls in flight for ${opts.seconds} s after a warm-up, ` +
      `in one process with a pool of ${env.poolSize} connections; every actor's list then compared with the same list written in SQL.`,
  };
}

export async function measureSweep(
  url: string,
  env: WorkerEnv,
  data: InstructionData,
  opts: { runId: string; steadySweeps: number },
  log: (line: string) => void,
): Promise<SweepMeasureResult> {
  const rearmed = await rearmSweep(url, data.t0);
  if (rearmed > 0) {
    log(`  re-armed ${rearmed.toLocaleString("en-US")} instructions an earlier run swept; vacuum…`);
    await vacuum(url);
  }
  const result = await runDomainWorker<SweepWorkerResult>(
    { mode: "sweep", runId: opts.runId, t0: data.t0.toISOString(), steadySweeps: opts.steadySweeps, intervalSeconds: SWEEP_INTERVAL_SECONDS, maxCalls: 100 },
    env,
  );
  return {
    ...result,
    t0: data.t0.toISOString(),
    rearmed,
    how:
      `sweepSupervision(now) as the worker calls it (each step at most 5,000 rows a call): first at T0 — the sweep city's backlog ` +
      `never swept, so what is due at T0 is marked in one go — called until a call finds nothing left, timed from the first call ` +
      `to the end of the empty one; then every ${SWEEP_INTERVAL_SECONDS} s after T0, ${opts.steadySweeps} times (the worker's steady state: it sweeps every ${SWEEP_INTERVAL_SECONDS} s). ` +
      `Before each, the rows due are counted by the supervision-clock rules; after it, each must be marked once, with its overdue row, ` +
      `event, audit row and notifications, and one notice per escalation.`,
  };
}

/**
 * At least `needed` new alerts that `countSql` (one parameter: the city) counts as usable: when
 * earlier measurements (batch, single) or runs left too few, more arrive through the ingestion API
 * like any alert. Not measured.
 */
export async function ensureNewAlerts(
  ctx: { baseUrl: string; url: string; cityId: string },
  generator: AlertGenerator,
  needed: number,
  usable: { what: string; countSql: string },
  log: (line: string) => void,
): Promise<void> {
  const have = await withClient(ctx.url, async (c) => Number((await c.query<{ n: string }>(usable.countSql, [ctx.cityId])).rows[0]!.n));
  if (have >= needed) return;
  const missing = Math.ceil((needed - have) / 0.9) + 20; // a few are unroutable by design
  log(`  ${have} ${usable.what} for ${needed}: ingesting ${missing} more alerts…`);
  for (let i = 0; i < missing; i += 500) {
    const alerts = Array.from({ length: Math.min(500, missing - i) }, () => generator.next("D").item);
    const res = await postBatch(ctx.baseUrl, JSON.stringify({ alerts }));
    if (res.status !== 200) throw new Error(`ingesting alerts for the ${usable.what} answered ${res.status}: ${res.text.slice(0, 300)}`);
  }
}

/** New alerts routed to a station, enough for the dispatches. */
export function ensureDispatchableAlerts(
  ctx: { baseUrl: string; url: string; cityId: string },
  generator: AlertGenerator,
  needed: number,
  log: (line: string) => void,
): Promise<void> {
  return ensureNewAlerts(
    ctx,
    generator,
    needed,
    {
      what: "new routed alerts for dispatches",
      countSql: `SELECT count(*) AS n FROM alert a WHERE a.city_id = $1 AND a.status = 'NEW' AND a.station_id IS NOT NULL
         AND (SELECT count(*) FROM instruction i WHERE i.alert_id = a.id AND i.status NOT IN ('CLOSED', 'CANCELLED')) < 3`,
    },
    log,
  );
}

export async function measureDispatch(
  url: string,
  env: WorkerEnv,
  opts: { runId: string; cityId: string; dispatchers: number; each: number },
): Promise<DispatchResult> {
  const dispatchers = await ensureBenchAnalysts(url, opts.dispatchers);
  const officers = await accountsOf(url, opts.cityId, "STATION_OFFICER");
  const result = await runDomainWorker<DispatchWorkerResult>(
    { mode: "dispatch", runId: opts.runId, cityId: opts.cityId, dispatchers, officers, password: DEMO_PASSWORD, each: opts.each, timeoutMs: 30_000 },
    env,
  );
  return {
    ...result,
    poolSize: env.poolSize,
    how:
      `${opts.dispatchers} analysts at once, each dispatching ${opts.each} new alerts back to back straight to the alert's station ` +
      `(dispatchInstruction, as the server action calls it), while each of the city's ${officers.length} station officers has the inbox open: ` +
      `the page hears the change on the live channel (the app's listener and /api/live's scope rule) and re-reads ` +
      `listInstructions(officer, "inbox"). Time from the dispatch call until a re-read containing the instruction returned; ` +
      `browser and SSE hop not included (one process, pool of ${env.poolSize}).`,
  };
}
