// The money workflow's measurements (issue 9), run in a process of their own against the bench
// database with the domain functions exactly as the pages and actions call them (started by
// worker-process.ts with the "react-server" condition, like chain-worker.ts):
// - desk: getBankDesk(liaison) for the demo city's bank liaisons in turn, `connections` calls in
//   flight for `seconds`; then each desk compared with the same lists written in SQL;
// - case: getCase(analyst, caseId) over a sample of the city's cases the same way; then each
//   case's totals and rows compared with SQL over its transfers, requests and return entries;
// - filed: analysts file stops (fileStop) from new alerts to banks with a desk while each bank's
//   liaison has the desk open: the page hears the change on the live channel (the same listener
//   and scope rule as /api/live) and re-reads getBankDesk; the time from the fileStop call's
//   return until a re-read that lists the request returns.
import type { Actor } from "@/lib/auth/actor";
import { jurisdictionOf, type Jurisdiction } from "@/lib/auth/jurisdiction";
import { luhnCheckDigit } from "@/lib/pii/bank-card";
import { concerns } from "@/lib/realtime/live-scope";
import { runWithRequestContext } from "@/lib/request-context";
import { FileStopSchema } from "@/lib/schemas/cases";
import { getBankDesk } from "@/lib/server/bank-desk/get-bank-desk";
import { fileStop } from "@/lib/server/bank-requests/file-stop";
import { getCase } from "@/lib/server/cases/get-case";
import { subscribeToLiveChanges } from "@/lib/server/realtime/live-changes";
import { shanghaiDay, shanghaiDayStart } from "@/lib/time";
import type { CpuUse } from "./cpu";
import { LivePage } from "./live-page";
import { sleep, summarize, type LatencySummary } from "./stats";
import { context, errorText, loadFor, query, serveOneJob, signInAll, workerCpu, type LoadResult } from "./worker-session";

export type MoneyView = "desk" | "case";

export interface MoneyViewJob {
  mode: MoneyView;
  runId: string;
  /** The liaisons (desk) or analysts (case) calling, in turn. */
  usernames: string[];
  /** case: the cases read, in turn. */
  caseIds: string[];
  password: string;
  connections: number;
  seconds: number;
}

export interface MoneyViewResult extends LoadResult {
  view: MoneyView;
  actors: number;
  /** Desks or cases read. */
  subjects: number;
  connections: number;
  verification: { ok: boolean; problems: string[]; checked: number };
}

export interface FiledJob {
  mode: "filed";
  runId: string;
  cityId: string;
  filers: string[];
  liaisons: string[];
  password: string;
  each: number;
  timeoutMs: number;
}

export interface FiledWorkerResult {
  filers: number;
  desks: number;
  filings: number;
  failures: number;
  firstFailure: string | null;
  seconds: number;
  /** From the fileStop call's return until the bank's open desk has re-read a list containing the request. */
  visible: LatencySummary;
  /** The fileStop call alone (its transaction committed). */
  file: LatencySummary;
  /** Desk re-reads the live changes caused, and their latency. */
  refreshes: number;
  refresh: LatencySummary;
  cpu: CpuUse | null;
  verification: { ok: boolean; problems: string[] };
}

const call = <T>(runId: string, tag: string, fn: () => Promise<T>) => runWithRequestContext(context(runId, tag), fn);

// ---------------------------------------------------------------------------------------------
// The liaison's desk and the case page under load

/** A desk against SQL from the words: its bank's open requests sent to the desk in its city, answered-today ones. */
async function checkDesk(actor: Actor, runId: string): Promise<string[]> {
  const j = jurisdictionOf(actor);
  if (j.kind !== "bank") return [`${actor.username} is not a bank liaison`];
  const now = new Date();
  const desk = await call(runId, "check", () => getBankDesk(actor, now));
  const open = await query<{ id: string }>(
    `SELECT id FROM bank_request WHERE city_id = $1 AND bank_id = $2 AND via_desk AND status IN ('SENT', 'ACCEPTED')`,
    [j.cityId, j.bankId],
  );
  const [answered] = await query<{ n: string }>(
    `SELECT count(*) AS n FROM bank_request WHERE city_id = $1 AND bank_id = $2 AND via_desk AND status IN ('COMPLETED', 'REFUSED') AND answered_at >= $3`,
    [j.cityId, j.bankId, shanghaiDayStart(shanghaiDay(now))],
  );
  const problems: string[] = [];
  const want = new Set(open.map((r) => r.id));
  if (desk.open.length !== want.size || desk.open.some((r) => !want.has(r.id))) {
    problems.push(`${actor.username}: ${desk.open.length} open requests, expected ${want.size}${desk.open.length === want.size ? " (other requests)" : ""}`);
  }
  if (desk.open.some((r, k) => k > 0 && r.replyBy < desk.open[k - 1]!.replyBy)) problems.push(`${actor.username}: open requests not by reply-by`);
  if (desk.answeredToday.length !== Number(answered!.n)) problems.push(`${actor.username}: ${desk.answeredToday.length} answered today, expected ${answered!.n}`);
  return problems;
}

/** A case page against SQL: the returned total is the sum of its return entries; its transfers and requests are all there. */
async function checkCase(actor: Actor, caseId: string, runId: string): Promise<string[]> {
  const got = await call(runId, "check", () => getCase(actor, caseId));
  const [want] = await query<{ returned: string; loss: string; transfers: string; requests: string }>(
    `SELECT (SELECT coalesce(sum(amount_fen), 0) FROM bank_return WHERE case_id = $1)::text AS returned,
            (SELECT loss_fen FROM fraud_case WHERE id = $1)::text AS loss,
            (SELECT count(*) FROM case_transfer WHERE case_id = $1) AS transfers,
            (SELECT count(*) FROM bank_request WHERE case_id = $1) AS requests`,
    [caseId],
  );
  const problems: string[] = [];
  const say = (what: string, g: string | number, w: string | number) => {
    if (String(g) !== String(w)) problems.push(`case ${caseId}: ${what} ${g}, expected ${w}`);
  };
  say("returned", got.totals.returnedFen, want!.returned);
  say("loss", got.lossFen, want!.loss);
  say("transfers", got.transfers.length, Math.min(500, Number(want!.transfers)));
  say("requests", got.requests.length, Math.min(500, Number(want!.requests)));
  return problems;
}

async function runMoneyView(job: MoneyViewJob): Promise<MoneyViewResult> {
  const actors = await signInAll(job.usernames, job.password);
  const subjects = job.mode === "desk" ? actors.length : job.caseIds.length;
  const one = async (i: number, tag: string): Promise<number> => {
    const actor = actors[i % actors.length]!;
    if (job.mode === "desk") {
      const desk = await call(job.runId, tag, () => getBankDesk(actor));
      return desk.open.length + desk.answeredToday.length;
    }
    const c = await call(job.runId, tag, () => getCase(actor, job.caseIds[i % job.caseIds.length]!));
    return c.transfers.length + c.requests.length;
  };
  // Warm-up: every desk or case once.
  for (let i = 0; i < subjects; i++) await one(i, `mw-${i}`);
  const load = await loadFor(job.connections, job.seconds, (i) => one(i, `m-${i}`));

  const problems: string[] = [];
  if (job.mode === "desk") for (const actor of actors) problems.push(...(await checkDesk(actor, job.runId)));
  else for (const [k, caseId] of job.caseIds.entries()) problems.push(...(await checkCase(actors[k % actors.length]!, caseId, job.runId)));
  if (load.failures > 0) problems.push(`${load.failures} calls failed (${load.firstFailure})`);
  return {
    view: job.mode,
    actors: actors.length,
    subjects,
    connections: job.connections,
    ...load,
    verification: { ok: problems.length === 0, problems: problems.slice(0, 10), checked: subjects },
  };
}

// ---------------------------------------------------------------------------------------------
// A filed stop → the bank's open desk

/** A valid UnionPay card number no earlier run used (the run id and a serial in it): no account reaches the two-stops limit. */
function cardNumber(runId: string, serial: number): string {
  let h = 0;
  for (const ch of runId) h = (h * 31 + ch.charCodeAt(0)) % 1e8;
  const body = `6217${String(h).padStart(8, "0")}${String(serial).padStart(6, "0")}`;
  return body + luhnCheckDigit(body);
}

/** A transfer 20 minutes ago, as typed into the form (Shanghai wall time). */
function transferredAtInput(): string {
  return new Date(Date.now() + 8 * 3_600_000 - 20 * 60_000).toISOString().slice(0, 16);
}

async function runFiled(job: FiledJob): Promise<FiledWorkerResult> {
  const filers = await signInAll(job.filers, job.password);
  const liaisons = await signInAll(job.liaisons, job.password);
  const desks = new Map<string, { page: LivePage; jurisdiction: Extract<Jurisdiction, { kind: "bank" }> }>();
  for (const liaison of liaisons) {
    const j = jurisdictionOf(liaison);
    if (j.kind !== "bank" || desks.has(j.bankId)) continue;
    const read = async () => (await call(job.runId, "desk", () => getBankDesk(liaison))).open.map((r) => r.id);
    desks.set(j.bankId, { page: new LivePage(read), jurisdiction: j });
  }
  const banks = [...desks.keys()];
  if (banks.length === 0) throw new Error("the demo city has no bank liaisons");
  // As /api/live: a desk that follows the "bank_request" topic hears the changes of its bank in its city.
  const unsubscribe = subscribeToLiveChanges((change) => {
    for (const { page, jurisdiction } of desks.values()) {
      if (change.kind === "resync" || (change.topic === "bank_request" && concerns(change, jurisdiction))) page.changed();
    }
  });
  try {
    // New alerts of the city with no case, one per person (a stop from each opens a case of its own).
    const perFiler = job.each + 1; // +1 warm-up
    const needed = filers.length * perFiler;
    const alerts = await query<{ id: string }>(
      `SELECT id FROM (
         SELECT DISTINCT ON (a.person_id) a.id FROM alert a
         WHERE a.city_id = $1 AND a.status = 'NEW' AND a.case_id IS NULL
           AND NOT EXISTS (SELECT 1 FROM fraud_case c WHERE c.person_id = a.person_id AND c.status IN ('OPEN', 'FILED'))
         ORDER BY a.person_id) s
       ORDER BY random() LIMIT $2`,
      [job.cityId, needed],
    );
    if (alerts.length < needed) throw new Error(`only ${alerts.length} new alerts without a case for ${needed} stops`);
    // Let the listener connect, and read every desk once (as the pages do when opened).
    await sleep(500);
    for (const { page } of desks.values()) page.changed();
    await sleep(1000);

    const visibleMs: number[] = [];
    const fileMs: number[] = [];
    const done: { requestId: string; caseId: string; alertId: string; bankId: string; userId: string }[] = [];
    let failures = 0;
    let firstFailure: string | null = null;
    let serial = 0;
    const one = async (actor: Actor, alertId: string, tag: string, record: boolean) => {
      const bankId = banks[serial % banks.length]!;
      const input = FileStopSchema.parse({
        alertId,
        bankId,
        account: cardNumber(job.runId, serial++),
        holder: "压测收款人",
        amountYuan: `${1000 + (serial % 9000)}.00`,
        transferredAt: transferredAtInput(),
      });
      const t0 = performance.now();
      try {
        const { caseId, requestId } = await call(job.runId, tag, () => fileStop(actor, input));
        const t1 = performance.now();
        done.push({ requestId, caseId, alertId, bankId, userId: actor.userId });
        const at = await desks.get(bankId)!.page.visible(requestId, t0, job.timeoutMs);
        if (at === null) throw new Error(`request ${requestId} not on the desk after ${job.timeoutMs} ms`);
        if (record) {
          fileMs.push(t1 - t0);
          visibleMs.push(Math.max(0, at - t1));
        }
      } catch (error) {
        failures++;
        firstFailure ??= errorText(error);
      }
    };
    await Promise.all(filers.map((actor, f) => one(actor, alerts[f * perFiler]!.id, `fw-${f}`, false)));
    const pages = [...desks.values()].map((d) => d.page);
    const readsBefore = pages.map((p) => p.refreshMs.length);
    const stopCpu = workerCpu();
    const started = performance.now();
    await Promise.all(
      filers.map(async (actor, f) => {
        for (let k = 1; k < perFiler; k++) await one(actor, alerts[f * perFiler + k]!.id, `f-${f}-${k}`, true);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = stopCpu();
    const refreshMs = pages.flatMap((p, i) => p.refreshMs.slice(readsBefore[i]));
    const pageFailures = pages.reduce((s, p) => s + p.failures, 0);

    const problems: string[] = [];
    // Seen by exactly its bank's desk, never another's.
    for (const d of done) {
      const seenBy = [...desks.entries()].filter(([, desk]) => desk.page.everSeen.has(d.requestId)).map(([bankId]) => bankId);
      if (seenBy.length !== 1 || seenBy[0] !== d.bankId) {
        problems.push(`request ${d.requestId} seen by ${seenBy.length} desks${seenBy.includes(d.bankId) ? "" : " (not its bank's)"}`);
        break;
      }
    }
    // Read back: each a stop sent to its bank's desk, in the alert's case, filed by that analyst, with
    // its transfer, one audit row and a notice for the bank's liaisons.
    const ids = done.map((d) => d.requestId);
    const [check] = await query<{ right: string; audit: string; notes: string; expected_notes: string }>(
      `WITH e AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS t("requestId" uuid, "caseId" uuid, "alertId" uuid, "bankId" uuid, "userId" uuid))
       SELECT (SELECT count(*) FROM e JOIN bank_request r ON r.id = e."requestId" AND r.case_id = e."caseId" AND r.bank_id = e."bankId"
                 AND r.filed_by_id = e."userId" AND r.kind = 'STOP' AND r.status = 'SENT' AND r.via_desk AND r.city_id = $3
                 JOIN case_transfer t ON t.id = r.transfer_id AND t.case_id = e."caseId" AND t.level = 1
                 JOIN alert a ON a.id = e."alertId" AND a.case_id = e."caseId") AS right,
              (SELECT count(*) FROM audit_event WHERE action = 'bankRequest.file' AND outcome = 'SUCCESS' AND entity_id = ANY($2::text[])) AS audit,
              (SELECT count(*) FROM notification WHERE kind = 'BANK_REQUEST_NEW' AND bank_request_id = ANY($2::uuid[])) AS notes,
              (SELECT count(*) FROM e JOIN app_user u ON u.bank_id = e."bankId" AND u.role = 'BANK_LIAISON' AND u.status = 'ACTIVE'
                 JOIN org_unit o ON o.id = u.unit_id AND o.city_id = $3) AS expected_notes`,
      [JSON.stringify(done), ids, job.cityId],
    );
    const n = done.length;
    if (failures > 0) problems.push(`${failures} stops failed or never showed (${firstFailure})`);
    if (pageFailures > 0) problems.push(`${pageFailures} desk reads failed`);
    if (new Set(ids).size !== n) problems.push("a request id came back twice");
    if (Number(check!.right) !== n) problems.push(`${check!.right} of ${n} requests sent to their bank's desk in the alert's case, filed by their analyst`);
    if (Number(check!.audit) !== n) problems.push(`${check!.audit} filing audit rows for ${n} requests`);
    if (Number(check!.notes) !== Number(check!.expected_notes)) problems.push(`${check!.notes} new-request notifications, expected ${check!.expected_notes}`);
    return {
      filers: filers.length,
      desks: desks.size,
      filings: visibleMs.length,
      failures,
      firstFailure,
      seconds: Math.round(seconds * 10) / 10,
      visible: summarize(visibleMs),
      file: summarize(fileMs),
      refreshes: refreshMs.length,
      refresh: summarize(refreshMs),
      cpu,
      verification: { ok: problems.length === 0, problems },
    };
  } finally {
    unsubscribe();
  }
}

await serveOneJob<MoneyViewJob | FiledJob>((job) => (job.mode === "filed" ? runFiled(job) : runMoneyView(job)));
