// The money workflow against its targets (issue 9): the liaison's desk and the case page under 10
// callers, and a filed stop → the bank's open desk. The target holds "with ≥ 200k requests": the
// demo seed makes them in proportion to the alerts (prisma/seed/money.ts; ≈ 236k at 1M alerts,
// `--money-factor` multiplies), and the bench counts them rather than assume. The desk is a page
// and the case page too, but their server time is the domain function's (as for the inbox), and
// filing is a server action: all three run in money-worker.ts with the app's pool size.
import type { AlertGenerator } from "./alert-generator";
import { accountsOf, ensureBenchAnalysts, withClient } from "./database";
import { ensureNewAlerts } from "./measure-chain";
import { DEMO_PASSWORD } from "./measure-claim";
import type { FiledWorkerResult, MoneyView, MoneyViewResult } from "./money-worker";
import { runDomainWorker, type WorkerEnv } from "./worker-process";

/** The precondition for the money targets. */
export const MONEY_MIN_REQUESTS = 200_000;

export interface MoneyStats {
  /** Bank requests of the demo city (the precondition counts these). */
  requests: number;
  openAtDesks: number;
  cases: number;
  transfers: number;
  returns: number;
  preconditionMet: boolean;
}

export type MoneyViewMeasureResult = MoneyViewResult & { poolSize: number; requests: number; how: string };
export type FiledResult = FiledWorkerResult & { poolSize: number; requests: number; how: string };

export async function moneyStats(url: string, cityId: string): Promise<MoneyStats> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ requests: string; open: string; cases: string; transfers: string; returns: string }>(
      `SELECT (SELECT count(*) FROM bank_request WHERE city_id = $1) AS requests,
              (SELECT count(*) FROM bank_request WHERE city_id = $1 AND via_desk AND status IN ('SENT', 'ACCEPTED')) AS open,
              (SELECT count(*) FROM fraud_case WHERE city_id = $1) AS cases,
              (SELECT count(*) FROM case_transfer WHERE city_id = $1) AS transfers,
              (SELECT count(*) FROM bank_return r JOIN fraud_case fc ON fc.id = r.case_id WHERE fc.city_id = $1) AS returns`,
      [cityId],
    );
    const r = rows[0]!;
    const requests = Number(r.requests);
    return {
      requests,
      openAtDesks: Number(r.open),
      cases: Number(r.cases),
      transfers: Number(r.transfers),
      returns: Number(r.returns),
      preconditionMet: requests >= MONEY_MIN_REQUESTS,
    };
  });
}

/** The cases the case page reads: the city's biggest by transfers, and a random sample of the rest. */
async function sampleCases(url: string, cityId: string, count: number): Promise<string[]> {
  const biggest = Math.ceil(count / 10);
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `WITH big AS (SELECT case_id AS id FROM case_transfer WHERE city_id = $1 GROUP BY case_id ORDER BY count(*) DESC, case_id LIMIT $2)
       SELECT id FROM big
       UNION ALL
       (SELECT id FROM fraud_case WHERE city_id = $1 AND id NOT IN (SELECT id FROM big) ORDER BY random() LIMIT $3)`,
      [cityId, biggest, count - biggest],
    );
    return rows.map((r) => r.id);
  });
}

export async function measureMoneyView(
  url: string,
  env: WorkerEnv,
  opts: { runId: string; cityId: string; view: MoneyView; connections: number; seconds: number; cases: number; requests: number },
): Promise<MoneyViewMeasureResult> {
  const usernames = await accountsOf(url, opts.cityId, opts.view === "desk" ? "BANK_LIAISON" : "ANALYST");
  if (usernames.length === 0) throw new Error(`the demo city has no ${opts.view === "desk" ? "bank liaisons" : "analysts"}`);
  const caseIds = opts.view === "case" ? await sampleCases(url, opts.cityId, opts.cases) : [];
  if (opts.view === "case" && caseIds.length === 0) throw new Error("the demo city has no cases");
  const result = await runDomainWorker<MoneyViewResult>(
    { mode: opts.view, runId: opts.runId, usernames, caseIds, password: DEMO_PASSWORD, connections: opts.connections, seconds: opts.seconds },
    env,
  );
  const how =
    opts.view === "desk"
      ? `getBankDesk(liaison) — the desk's open requests and those answered today, with its authorization and masking — for the city's ` +
        `${usernames.length} bank liaisons (signed in with the real code) in turn; then each desk's open list compared with the SQL count and ids of ` +
        `its bank's SENT/ACCEPTED requests sent to the desk in the city, and its answered-today list with the SQL count`
      : `getCase(analyst, caseId) — the case page's data: the case, its alerts, transfers and requests, held amounts computed now — over ` +
        `${caseIds.length} of the city's cases (the ${Math.ceil(opts.cases / 10)} with the most transfers and a random sample), by its ${usernames.length} analysts ` +
        `in turn; then each case's returned total compared with the SQL sum of its return entries, its loss, transfers and requests with SQL counts`;
  return {
    ...result,
    poolSize: env.poolSize,
    requests: opts.requests,
    how: `${how}. ${opts.connections} calls in flight for ${opts.seconds} s after a warm-up, in one process with a pool of ${env.poolSize} connections.`,
  };
}

/** New alerts without a case, one per person with no open case: each stop from one opens a case of its own. */
export function ensureFileableAlerts(
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
      what: "new alerts without a case for stops",
      countSql: `SELECT count(DISTINCT a.person_id) AS n FROM alert a WHERE a.city_id = $1 AND a.status = 'NEW' AND a.case_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM fraud_case c WHERE c.person_id = a.person_id AND c.status IN ('OPEN', 'FILED'))`,
    },
    log,
  );
}

export async function measureFiled(
  url: string,
  env: WorkerEnv,
  opts: { runId: string; cityId: string; filers: number; each: number; requests: number },
): Promise<FiledResult> {
  const filers = await ensureBenchAnalysts(url, opts.filers);
  const liaisons = await accountsOf(url, opts.cityId, "BANK_LIAISON");
  const result = await runDomainWorker<FiledWorkerResult>(
    { mode: "filed", runId: opts.runId, cityId: opts.cityId, filers, liaisons, password: DEMO_PASSWORD, each: opts.each, timeoutMs: 30_000 },
    env,
  );
  return {
    ...result,
    poolSize: env.poolSize,
    requests: opts.requests,
    how:
      `${opts.filers} analysts at once, each filing ${opts.each} stops back to back (fileStop, as the server action calls it) from new alerts, ` +
      `to the banks with a desk in turn, while each of the city's ${liaisons.length} bank liaisons has the desk open: the page hears the change ` +
      `on the live channel (the app's listener and /api/live's scope rule) and re-reads getBankDesk(liaison). Time from the fileStop call's ` +
      `return until a re-read listing the request returned; browser and SSE hop not included (one process, pool of ${env.poolSize}). ` +
      `Checked: each request seen by its bank's desk and no other, sent to the desk in the alert's case with its transfer, audit row and notice.`,
  };
}
