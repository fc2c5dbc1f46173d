// The dispatch chain's measurements, run in a process of their own against the bench database
// with the domain functions exactly as the app calls them (started by worker-process.ts with the
// "react-server" condition, like domain-worker.ts):
// - views: listInstructions(actor, "inbox" | "district") for the demo city's officers or
//   coordinators, `connections` calls in flight for `seconds`, then each actor's list compared with
//   the same list written independently in SQL;
// - sweep: sweepSupervision at T0 until nothing is left (the first sweep of the backlog), then at
//   T0 + 30 s, + 60 s … (the steady state of the worker, which sweeps every 30 s), each checked
//   against the rows that were due, counted beforehand;
// - dispatch: analysts dispatch straight to the alert's station (dispatchInstruction) while each
//   station's officer has the inbox open: the page hears the change on the live channel (the same
//   listener and scope rule as /api/live) and re-reads listInstructions(officer, "inbox"); the time
//   from the dispatch call until a re-read that contains the instruction returns.
import pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { jurisdictionOf, type Jurisdiction } from "@/lib/auth/jurisdiction";
import { RUNNING_STATUSES } from "@/lib/instructions/instruction-state";
import { runWithRequestContext } from "@/lib/request-context";
import { concerns } from "@/lib/realtime/live-scope";
import { dispatchInstruction } from "@/lib/server/instructions/dispatch-instruction";
import { listInstructions } from "@/lib/server/instructions/list-instructions";
import { sweepSupervision, type SweepResult } from "@/lib/server/instructions/sweep-supervision";
import { subscribeToLiveChanges } from "@/lib/server/realtime/live-changes";
import type { InstructionKind } from "@/prisma/generated/client/enums";
import type { CpuUse } from "./cpu";
import { sleep, summarize, type LatencySummary } from "./stats";
import { LivePage } from "./live-page";
import { context, errorText, loadFor, query, serveOneJob, signInAll, workerCpu, type LoadResult } from "./worker-session";

export type ChainView = "inbox" | "district";

export interface ViewsJob {
  mode: "views";
  view: ChainView;
  runId: string;
  usernames: string[];
  password: string;
  connections: number;
  seconds: number;
}

export interface ViewsWorkerResult extends LoadResult {
  view: ChainView;
  actors: number;
  connections: number;
  verification: { ok: boolean; problems: string[]; actorsChecked: number };
}

export interface SweepJob {
  mode: "sweep";
  runId: string;
  t0: string;
  steadySweeps: number;
  /** Between steady-state sweeps (the worker's interval). */
  intervalSeconds: number;
  /** Calls at one `now` before giving up on draining it. */
  maxCalls: number;
}

export interface SweepDue {
  signOff: number;
  feedback: number;
  escalation: number;
  reminder: number;
}

export interface SweepPhase {
  now: string;
  calls: number;
  ms: number;
  callsMs: number[];
  due: SweepDue;
  result: SweepResult;
  cpu: CpuUse | null;
}

export interface SweepWorkerResult {
  /** Running instructions when the first sweep starts (all cities). */
  running: number;
  first: SweepPhase;
  steady: SweepPhase[];
  steadyLatency: LatencySummary;
  verification: { ok: boolean; problems: string[] };
}

export interface DispatchJob {
  mode: "dispatch";
  runId: string;
  cityId: string;
  dispatchers: string[];
  officers: string[];
  password: string;
  each: number;
  timeoutMs: number;
}

export interface DispatchWorkerResult {
  dispatchers: number;
  stations: number;
  dispatches: number;
  failures: number;
  firstFailure: string | null;
  seconds: number;
  /** From the dispatch call until the officer's open inbox has re-read a list containing it. */
  visible: LatencySummary;
  /** The dispatch call alone (its transaction committed). */
  dispatch: LatencySummary;
  /** Inbox re-reads the live changes caused, and their latency. */
  refreshes: number;
  refresh: LatencySummary;
  cpu: CpuUse | null;
  verification: { ok: boolean; problems: string[] };
}

// ---------------------------------------------------------------------------------------------
// Station inbox and district view

/** The same lists in SQL, from the issue's words: a station's open work, a district's open instructions. */
async function expectedList(view: ChainView, actor: Actor): Promise<string[]> {
  const j = jurisdictionOf(actor);
  if (view === "inbox") {
    if (j.kind !== "station") throw new Error(`${actor.username} is not a station officer`);
    const waiting = await query<{ id: string }>(
      `SELECT id FROM instruction WHERE station_id = $1 AND status = 'AT_STATION' ORDER BY sign_off_deadline, id LIMIT 300`,
      [j.stationId],
    );
    const working = await query<{ id: string }>(
      `SELECT id FROM instruction WHERE station_id = $1 AND status IN ('SIGNED_OFF', 'ON_SITE') ORDER BY feedback_deadline, id LIMIT 300`,
      [j.stationId],
    );
    return [...waiting, ...working].map((r) => r.id);
  }
  if (j.kind !== "district") throw new Error(`${actor.username} is not a district coordinator`);
  const rows = await query<{ id: string }>(
    `SELECT id FROM instruction
     WHERE district_id = $1 AND status IN ('AT_DISTRICT', 'DECLINED', 'AT_STATION', 'SIGNED_OFF', 'ON_SITE')
     ORDER BY escalated_at NULLS LAST, feedback_overdue_at NULLS LAST, sign_off_overdue_at NULLS LAST, feedback_deadline, id
     LIMIT 300`,
    [j.districtId],
  );
  return rows.map((r) => r.id);
}

async function runViews(job: ViewsJob): Promise<ViewsWorkerResult> {
  const actors = await signInAll(job.usernames, job.password);
  const call = (actor: Actor, tag: string) => runWithRequestContext(context(job.runId, tag), () => listInstructions(actor, job.view));
  // Warm-up: every actor once, then a second of load (opens the pool's connections).
  for (const [i, actor] of actors.entries()) await call(actor, `vw-${i}`);
  const load = await loadFor(job.connections, job.seconds, async (i) => (await call(actors[i % actors.length]!, `v-${i}`)).items.length);

  // Each actor's list, as the function returns it, against the SQL.
  const problems: string[] = [];
  for (const actor of actors) {
    const got = (await call(actor, "check")).items;
    const want = await expectedList(job.view, actor);
    const ids = got.map((i) => i.id);
    if (ids.length !== want.length || ids.some((id, k) => id !== want[k])) {
      problems.push(`${actor.username}: ${ids.length} items, expected ${want.length}${ids.length === want.length ? " (another order or other instructions)" : ""}`);
    }
  }
  if (load.failures > 0) problems.push(`${load.failures} calls failed (${load.firstFailure})`);
  return {
    view: job.view,
    actors: actors.length,
    connections: job.connections,
    ...load,
    verification: { ok: problems.length === 0, problems: problems.slice(0, 10), actorsChecked: actors.length },
  };
}

// ---------------------------------------------------------------------------------------------
// Supervision sweep

const RUNNING_SQL = `(${RUNNING_STATUSES.map((s) => `'${s}'`).join(", ")})`;

/**
 * What is due at `now`, by the rules of lib/instructions/supervision-clock.ts (not the sweep's
 * SQL): kept in temporary tables of this connection for the check afterwards.
 */
async function snapshotDue(c: pg.Client, now: Date): Promise<SweepDue> {
  await c.query(`DROP TABLE IF EXISTS due_sign_off, due_feedback, due_escalation, due_reminder`);
  await c.query(
    `CREATE TEMP TABLE due_sign_off AS SELECT id, station_id, district_id FROM instruction
     WHERE status IN ('AT_DISTRICT', 'AT_STATION') AND sign_off_overdue_at IS NULL AND sign_off_deadline <= $1`,
    [now],
  );
  await c.query(
    `CREATE TEMP TABLE due_feedback AS SELECT id, station_id, district_id FROM instruction
     WHERE status IN ${RUNNING_SQL} AND feedback_overdue_at IS NULL AND feedback_deadline <= $1`,
    [now],
  );
  await c.query(
    `CREATE TEMP TABLE due_escalation AS SELECT id, city_id, station_id, district_id, feedback_deadline - routed_at AS ivl FROM instruction
     WHERE status IN ${RUNNING_SQL} AND escalated_at IS NULL AND escalate_at <= $1`,
    [now],
  );
  await c.query(
    `CREATE TEMP TABLE due_reminder AS SELECT id, station_id, district_id, next_reminder_at FROM instruction
     WHERE status IN ${RUNNING_SQL} AND next_reminder_at <= $1`,
    [now],
  );
  const { rows } = await c.query<{ s: string; f: string; e: string; r: string }>(
    `SELECT (SELECT count(*) FROM due_sign_off) AS s, (SELECT count(*) FROM due_feedback) AS f,
            (SELECT count(*) FROM due_escalation) AS e, (SELECT count(*) FROM due_reminder) AS r`,
  );
  return { signOff: Number(rows[0]!.s), feedback: Number(rows[0]!.f), escalation: Number(rows[0]!.e), reminder: Number(rows[0]!.r) };
}

/** Each due row marked once at `now`, nothing else; a notice per escalation; events, audit rows and notifications to match. */
async function checkSweep(c: pg.Client, now: Date, due: SweepDue, result: SweepResult, auditMark: string): Promise<string[]> {
  const at = now.toISOString();
  const n = async (sql: string, params: unknown[] = [now]) => Number((await c.query<{ n: string }>(sql, params)).rows[0]!.n);
  const problems: string[] = [];
  const expect = (what: string, got: number, want: number) => {
    if (got !== want) problems.push(`${at}: ${what}: ${got}, expected ${want}`);
  };
  expect("sign-off marks reported", result.signOffOverdue, due.signOff);
  expect("feedback marks reported", result.feedbackOverdue, due.feedback);
  expect("escalations reported", result.escalated, due.escalation);
  expect("reminders reported", result.reminded, due.reminder);
  for (const [kind, column, table] of [
    ["SIGN_OFF", "sign_off_overdue_at", "due_sign_off"],
    ["FEEDBACK", "feedback_overdue_at", "due_feedback"],
  ] as const) {
    const want = kind === "SIGN_OFF" ? due.signOff : due.feedback;
    expect(`instructions marked ${kind} at now`, await n(`SELECT count(*) AS n FROM instruction WHERE ${column} = $1`), want);
    expect(`due rows marked ${kind}`, await n(`SELECT count(*) AS n FROM ${table} d JOIN instruction i ON i.id = d.id AND i.${column} = $1`), want);
    expect(
      `${kind} overdue rows of due instructions (one each)`,
      await n(`SELECT count(DISTINCT o.instruction_id) AS n FROM instruction_overdue o JOIN ${table} d ON d.id = o.instruction_id WHERE o.kind = '${kind}' AND o.marked_at = $1`),
      want,
    );
    expect(`${kind} overdue rows at now`, await n(`SELECT count(*) AS n FROM instruction_overdue WHERE kind = '${kind}' AND marked_at = $1`), want);
  }
  expect("instructions escalated at now", await n(`SELECT count(*) AS n FROM instruction WHERE escalated_at = $1`), due.escalation);
  expect(
    "due rows escalated, next reminder one feedback interval later",
    await n(`SELECT count(*) AS n FROM due_escalation d JOIN instruction i ON i.id = d.id AND i.escalated_at = $1 AND i.next_reminder_at = $1::timestamptz + d.ivl`),
    due.escalation,
  );
  expect("supervision notices raised at now", await n(`SELECT count(*) AS n FROM supervision_notice WHERE raised_at = $1`), due.escalation);
  expect("due rows with a notice", await n(`SELECT count(*) AS n FROM due_escalation d JOIN supervision_notice s ON s.instruction_id = d.id AND s.raised_at = $1`), due.escalation);
  expect(
    "due reminders moved on",
    await n(`SELECT count(*) AS n FROM due_reminder d JOIN instruction i ON i.id = d.id AND i.next_reminder_at > $1 AND i.next_reminder_at > d.next_reminder_at`),
    due.reminder,
  );
  expect("OVERDUE events", await n(`SELECT count(*) AS n FROM instruction_event WHERE kind = 'OVERDUE' AND at = $1`), due.signOff + due.feedback);
  expect("ESCALATED events", await n(`SELECT count(*) AS n FROM instruction_event WHERE kind = 'ESCALATED' AND at = $1`), due.escalation);
  expect("REMINDED events", await n(`SELECT count(*) AS n FROM instruction_event WHERE kind = 'REMINDED' AND at = $1`), due.reminder);
  expect("overdue audit rows", await n(`SELECT count(*) AS n FROM audit_event WHERE id > $2 AND action = 'instruction.overdue' AND at = $1`, [now, auditMark]), due.signOff + due.feedback);
  expect("escalation audit rows", await n(`SELECT count(*) AS n FROM audit_event WHERE id > $2 AND action = 'instruction.escalate' AND at = $1`, [now, auditMark]), due.escalation);
  // Who hears of it: the holder (the station's officers, or the district's coordinators while it
  // waits there) of each mark and reminder; the district's coordinators, the city's supervisors and
  // the station's officers of each escalation.
  const holders = (table: string) =>
    `SELECT count(*) FROM ${table} d JOIN app_user u ON u.status = 'ACTIVE' AND (
       (d.station_id IS NOT NULL AND u.unit_id = d.station_id AND u.role = 'STATION_OFFICER') OR
       (d.station_id IS NULL AND u.unit_id = d.district_id AND u.role = 'DISTRICT_COORDINATOR'))`;
  expect(
    "overdue and reminder notifications",
    await n(`SELECT count(*) AS n FROM notification WHERE kind = 'INSTRUCTION_OVERDUE' AND created_at = $1`),
    await n(`SELECT (${holders("due_sign_off")}) + (${holders("due_feedback")}) + (${holders("due_reminder")}) AS n`, []),
  );
  expect(
    "supervision notice notifications",
    await n(`SELECT count(*) AS n FROM notification WHERE kind = 'SUPERVISION_NOTICE' AND created_at = $1`),
    await n(
      `SELECT count(*) AS n FROM due_escalation d JOIN app_user u ON u.status = 'ACTIVE' AND (
         (u.unit_id = d.district_id AND u.role = 'DISTRICT_COORDINATOR') OR (u.unit_id = d.city_id AND u.role = 'SUPERVISOR') OR
         (d.station_id IS NOT NULL AND u.unit_id = d.station_id AND u.role = 'STATION_OFFICER'))`,
      [],
    ),
  );
  return problems;
}

async function sweepAt(c: pg.Client, now: Date, maxCalls: number): Promise<{ phase: SweepPhase; problems: string[] }> {
  const due = await snapshotDue(c, now);
  const auditMark = (await c.query<{ id: string }>(`SELECT coalesce(max(id), 0)::text AS id FROM audit_event`)).rows[0]!.id;
  const total: SweepResult = { signOffOverdue: 0, feedbackOverdue: 0, escalated: 0, reminded: 0 };
  const callsMs: number[] = [];
  const stopCpu = workerCpu();
  const started = performance.now();
  for (let call = 0; call < maxCalls; call++) {
    const t = performance.now();
    const r = await sweepSupervision(now);
    callsMs.push(Math.round((performance.now() - t) * 100) / 100);
    for (const k of Object.keys(total) as (keyof SweepResult)[]) total[k] += r[k];
    // Done when a call finds nothing left (what the worker's next run would find).
    if (r.signOffOverdue + r.feedbackOverdue + r.escalated + r.reminded === 0) break;
  }
  const ms = Math.round((performance.now() - started) * 100) / 100;
  const cpu = stopCpu();
  const problems = await checkSweep(c, now, due, total, auditMark);
  return { phase: { now: now.toISOString(), calls: callsMs.length, ms, callsMs, due, result: total, cpu }, problems };
}

async function runSweep(job: SweepJob): Promise<SweepWorkerResult> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    const t0 = new Date(job.t0);
    const running = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM instruction WHERE status IN ${RUNNING_SQL}`)).rows[0]!.n);
    await sweepSupervision(new Date(t0.getTime() - 366 * 86_400_000)); // warm-up: nothing is due a year before T0
    const first = await sweepAt(c, t0, job.maxCalls);
    const steady: SweepPhase[] = [];
    const problems = [...first.problems];
    for (let i = 1; i <= job.steadySweeps; i++) {
      const s = await sweepAt(c, new Date(t0.getTime() + i * job.intervalSeconds * 1000), job.maxCalls);
      steady.push(s.phase);
      problems.push(...s.problems);
    }
    return {
      running,
      first: first.phase,
      steady,
      steadyLatency: summarize(steady.map((s) => s.ms)),
      verification: { ok: problems.length === 0, problems: problems.slice(0, 20) },
    };
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Dispatch → the station's open inbox

/** An officer's inbox page: the ids of its list, re-read through the domain function. */
const inboxReader = (officer: Actor, runId: string) => async () =>
  (await runWithRequestContext(context(runId, "inbox"), () => listInstructions(officer, "inbox"))).items.map((i) => i.id);

async function runDispatch(job: DispatchJob): Promise<DispatchWorkerResult> {
  const dispatchers = await signInAll(job.dispatchers, job.password);
  const officers = await signInAll(job.officers, job.password);
  const pages = new Map<string, { page: LivePage; jurisdiction: Jurisdiction }>();
  for (const officer of officers) {
    const j = jurisdictionOf(officer);
    if (j.kind === "station" && !pages.has(j.stationId)) pages.set(j.stationId, { page: new LivePage(inboxReader(officer, job.runId)), jurisdiction: j });
  }
  const stations = [...pages.keys()];
  // As /api/live: a page that follows the "instruction" topic hears the changes its jurisdiction concerns.
  const unsubscribe = subscribeToLiveChanges((change) => {
    for (const { page, jurisdiction } of pages.values()) {
      if (change.kind === "resync" || (change.topic === "instruction" && concerns(change, jurisdiction))) page.changed();
    }
  });
  try {
    // New alerts of those stations, each with a kind that has no open instruction yet; high and
    // urgent first (they go straight to the station).
    const perDispatcher = job.each + 1; // +1 warm-up
    const needed = dispatchers.length * perDispatcher;
    const alerts = await query<{ id: string; station_id: string; kind: InstructionKind }>(
      `SELECT a.id, a.station_id, k.kind FROM alert a
       CROSS JOIN LATERAL (
         SELECT u.kind FROM unnest(ARRAY['DOOR_VISIT', 'LOCATE', 'PHONE_FOLLOW_UP']::"InstructionKind"[]) AS u(kind)
         WHERE NOT EXISTS (SELECT 1 FROM instruction i WHERE i.alert_id = a.id AND i.kind = u.kind AND i.status NOT IN ('CLOSED', 'CANCELLED'))
         LIMIT 1) k
       WHERE a.city_id = $1 AND a.status = 'NEW' AND a.station_id = ANY($2::uuid[])
       ORDER BY a.risk_level IN ('HIGH', 'URGENT') DESC, random() LIMIT $3`,
      [job.cityId, stations, needed],
    );
    if (alerts.length < needed) throw new Error(`only ${alerts.length} new alerts to dispatch for ${needed} dispatches (run batch or single first)`);
    // Let the listener connect, and read every inbox once (as the pages do when opened).
    await sleep(500);
    for (const { page } of pages.values()) page.changed();
    await sleep(1000);

    const visibleMs: number[] = [];
    const dispatchMs: number[] = [];
    const done: { instructionId: string; alertId: string; stationId: string; userId: string; kind: InstructionKind }[] = [];
    let failures = 0;
    let firstFailure: string | null = null;
    const one = async (actor: Actor, alert: (typeof alerts)[number], tag: string, record: boolean) => {
      const t0 = performance.now();
      try {
        const { instructionId } = await runWithRequestContext(context(job.runId, tag), () =>
          dispatchInstruction(actor, { alertId: alert.id, kind: alert.kind, stationId: alert.station_id, note: "压测：请上门核实" }),
        );
        const t1 = performance.now();
        done.push({ instructionId, alertId: alert.id, stationId: alert.station_id, userId: actor.userId, kind: alert.kind });
        const at = await pages.get(alert.station_id)!.page.visible(instructionId, t0, job.timeoutMs);
        if (at === null) throw new Error(`instruction ${instructionId} not in the inbox after ${job.timeoutMs} ms`);
        if (record) {
          dispatchMs.push(t1 - t0);
          visibleMs.push(at - t0);
        }
      } catch (error) {
        failures++;
        firstFailure ??= errorText(error);
      }
    };
    await Promise.all(dispatchers.map((actor, d) => one(actor, alerts[d * perDispatcher]!, `dw-${d}`, false)));
    const all = [...pages.values()].map((p) => p.page);
    const readsBefore = all.map((p) => p.refreshMs.length);
    const stopCpu = workerCpu();
    const started = performance.now();
    await Promise.all(
      dispatchers.map(async (actor, d) => {
        for (let k = 1; k < perDispatcher; k++) await one(actor, alerts[d * perDispatcher + k]!, `d-${d}-${k}`, true);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = stopCpu();
    const refreshMs = all.flatMap((p, i) => p.refreshMs.slice(readsBefore[i]));
    const pageFailures = all.reduce((s, p) => s + p.failures, 0);

    // Read back: each is one instruction at the alert's station, issued by that analyst, with its
    // timeline event, the alert's DISPATCHED event, one audit row and a notice for the station's officers.
    const ids = done.map((d) => d.instructionId);
    const [check] = await query<{ right: string; issued: string; dispatched: string; audit: string; notes: string; expected_notes: string }>(
      `WITH e AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS t("instructionId" uuid, "alertId" uuid, "stationId" uuid, "userId" uuid, kind text))
       SELECT (SELECT count(*) FROM e JOIN instruction i ON i.id = e."instructionId" AND i.alert_id = e."alertId" AND i.station_id = e."stationId"
                 AND i.issued_by_id = e."userId" AND i.kind::text = e.kind AND i.status = 'AT_STATION') AS right,
              (SELECT count(*) FROM instruction_event WHERE kind = 'ISSUED' AND instruction_id = ANY($2::uuid[])) AS issued,
              (SELECT count(*) FROM alert_event WHERE kind = 'DISPATCHED' AND alert_id = ANY($3::uuid[]) AND (data->>'instructionId')::uuid = ANY($2::uuid[])) AS dispatched,
              (SELECT count(*) FROM audit_event WHERE action = 'instruction.dispatch' AND outcome = 'SUCCESS' AND entity_id = ANY($4::text[])) AS audit,
              (SELECT count(*) FROM notification WHERE kind = 'INSTRUCTION_NEW' AND instruction_id = ANY($2::uuid[])) AS notes,
              (SELECT count(*) FROM e JOIN app_user u ON u.unit_id = e."stationId" AND u.role = 'STATION_OFFICER' AND u.status = 'ACTIVE') AS expected_notes`,
      [JSON.stringify(done), ids, done.map((d) => d.alertId), ids],
    );
    const problems: string[] = [];
    const n = done.length;
    if (failures > 0) problems.push(`${failures} dispatches failed or never showed (${firstFailure})`);
    if (pageFailures > 0) problems.push(`${pageFailures} inbox reads failed`);
    if (new Set(ids).size !== n) problems.push("an instruction id came back twice");
    if (Number(check!.right) !== n) problems.push(`${check!.right} of ${n} instructions at the alert's station, issued by their analyst, waiting for sign-off`);
    if (Number(check!.issued) !== n) problems.push(`${check!.issued} ISSUED events for ${n} instructions`);
    if (Number(check!.dispatched) !== n) problems.push(`${check!.dispatched} DISPATCHED alert events for ${n} instructions`);
    if (Number(check!.audit) !== n) problems.push(`${check!.audit} dispatch audit rows for ${n} instructions`);
    if (Number(check!.notes) !== Number(check!.expected_notes)) problems.push(`${check!.notes} new-instruction notifications, expected ${check!.expected_notes}`);
    return {
      dispatchers: dispatchers.length,
      stations: stations.length,
      dispatches: visibleMs.length,
      failures,
      firstFailure,
      seconds: Math.round(seconds * 10) / 10,
      visible: summarize(visibleMs),
      dispatch: summarize(dispatchMs),
      refreshes: refreshMs.length,
      refresh: summarize(refreshMs),
      cpu,
      verification: { ok: problems.length === 0, problems },
    };
  } finally {
    unsubscribe();
  }
}

await serveOneJob<ViewsJob | SweepJob | DispatchJob>((job) =>
  job.mode === "views" ? runViews(job) : job.mode === "sweep" ? runSweep(job) : runDispatch(job),
);
