// The instructions (指令) the dispatch chain's measurements run on, made once per bench database
// by bulk SQL (INSERT … SELECT with generate_series and random(); a few tens of seconds for 1M):
//
// - The demo city's history: ≥ 1M instructions on its alerts (`--instructions`), as the console
//   would have left them — most high and urgent alerts had a door visit, some alerts were sought
//   again (暂时找不到, then another visit), a few re-routed after a decline or issued by a district.
//   A closed alert's instructions are all closed, its last one with the feedback its outcome came
//   from (劝阻成功 ← 已劝阻, 无法联系 ← 确实找不到, 误报 ← 非本人, 已被骗 ← 已被骗); an open alert's last
//   one is still running (or reported, waiting for review) and its age follows the deadlines, so
//   the open share is what an open alert count implies. Overdue marks, escalations, reminders,
//   overdue rows and supervision notices are those the worker would have made, sweeping every 30 s, until
//   T0. Nothing here writes timelines, notifications or audit rows of that history: nothing
//   measured reads them (the demo seed has them).
// - The sweep's 100,000 open instructions (`--open-instructions`), in a city of their own, 压测市
//   (code BX: 10 districts, 60 stations, one account per unit), each on an open alert of that
//   city held by its analyst: a backlog of running instructions the worker has never swept, so
//   the first sweep at T0 finds a realistic share of them due. Being in another city keeps that
//   backlog (1,700 open per station) out of the demo city's inboxes, district views, queue and
//   routing, which stay as the demo city's own data makes them.
//
// T0 is the sweep city's creation time (org_unit.created_at of BX): every generated time is
// before it, and the sweep is measured at T0 and just after. `rearmSweep` undoes what earlier
// sweeps at or after T0 did, so every run's first sweep finds the same rows due.
import pg from "pg";
import { withClient } from "./database";

export const SWEEP_CITY_CODE = "BX";

export interface InstructionData {
  t0: Date;
  sweepCityId: string;
  /** Seconds it took to make them in this run, or null when they were there already. */
  generatedSeconds: number | null;
}

export interface InstructionStats {
  instructions: number;
  cityInstructions: number;
  /** Open (not closed or cancelled) instructions of the demo city. */
  cityOpen: number;
  /** Running instructions (deadlines still running) of the sweep city. */
  sweepOpen: number;
  overdueRows: number;
  notices: number;
  notifications: number;
  instructionEvents: number;
}

/** The instructions are there when the sweep city is: both are made in one transaction. */
export async function ensureInstructionData(
  url: string,
  cityId: string,
  opts: { instructions: number; openInstructions: number },
  log: (line: string) => void,
): Promise<InstructionData> {
  const existing = await withClient(url, (c) => findSweepCity(c));
  if (existing) return { ...existing, generatedSeconds: null };

  const started = performance.now();
  const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
  const sweepCityId = await withClient(url, async (c) => {
    await c.query("BEGIN");
    try {
      // A bulk load: no JIT (it compiled this statement for 12 s), and no live notifications
      // (the statement triggers would turn every new row into JSON to name its units, 0.5 ms a
      // row; nobody listens to a bench database being filled). Both come back at COMMIT.
      await c.query("SET LOCAL jit = off");
      for (const [table, trigger] of BULK_TRIGGERS) await c.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
      await c.query(RULES_SQL, [cityId]);
      const { rows } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM instruction WHERE city_id = $1`, [cityId]);
      const need = opts.instructions - Number(rows[0]!.n);
      if (need > 0) {
        log(`instructions: ${need.toLocaleString("en-US")} for the demo city's alerts…`);
        const t = performance.now();
        const made = await c.query(CITY_HISTORY_SQL, [cityId, need, t0]);
        log(`  ${(made.rowCount ?? 0).toLocaleString("en-US")} in ${((performance.now() - t) / 1000).toFixed(0)} s`);
        await c.query(HISTORY_MARKS_SQL, [cityId, t0]);
      } else log(`instructions: the demo city has ${Number(rows[0]!.n).toLocaleString("en-US")} already`);
      log(`instructions: the sweep city ${SWEEP_CITY_CODE} with ${opts.openInstructions.toLocaleString("en-US")} open instructions…`);
      const t = performance.now();
      const id = await createSweepCity(c, cityId, opts.openInstructions, t0);
      log(`  done in ${((performance.now() - t) / 1000).toFixed(0)} s`);
      for (const [table, trigger] of BULK_TRIGGERS) await c.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
      await c.query("COMMIT");
      return id;
    } catch (error) {
      await c.query("ROLLBACK").catch(() => {});
      throw error;
    }
  });
  await vacuum(url);
  return { t0, sweepCityId, generatedSeconds: (performance.now() - started) / 1000 };
}

const BULK_TRIGGERS = [
  ["instruction", "instruction_live_insert"],
  ["alert", "alert_live_insert"],
] as const;

async function findSweepCity(c: pg.Client): Promise<{ t0: Date; sweepCityId: string } | null> {
  const { rows } = await c.query<{ id: string; created_at: Date }>(`SELECT id, created_at FROM org_unit WHERE code = $1 AND kind = 'CITY'`, [SWEEP_CITY_CODE]);
  return rows[0] ? { t0: rows[0].created_at, sweepCityId: rows[0].id } : null;
}

export async function vacuum(url: string): Promise<void> {
  await withClient(url, (c) => c.query(`VACUUM (ANALYZE) instruction, instruction_overdue, supervision_notice, notification, instruction_event, alert, person, person_phone`));
}

export async function instructionStats(url: string, cityId: string, sweepCityId: string | null): Promise<InstructionStats> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<Record<keyof InstructionStats, string>>(
      `SELECT (SELECT count(*) FROM instruction) AS instructions,
              (SELECT count(*) FROM instruction WHERE city_id = $1) AS "cityInstructions",
              (SELECT count(*) FROM instruction WHERE city_id = $1 AND status NOT IN ('CLOSED', 'CANCELLED')) AS "cityOpen",
              (SELECT count(*) FROM instruction WHERE city_id = $2 AND status IN ('AT_DISTRICT', 'AT_STATION', 'SIGNED_OFF', 'ON_SITE', 'DECLINED')) AS "sweepOpen",
              (SELECT count(*) FROM instruction_overdue) AS "overdueRows",
              (SELECT count(*) FROM supervision_notice) AS notices,
              (SELECT count(*) FROM notification) AS notifications,
              (SELECT count(*) FROM instruction_event) AS "instructionEvents"`,
      [cityId, sweepCityId],
    );
    return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)])) as unknown as InstructionStats;
  });
}

/**
 * Undoes what sweeps at or after T0 did (earlier runs' measurements): their marks, escalations,
 * reminders, overdue rows, notices, notifications and timeline events. Audit rows stay (the
 * audit trail refuses deletes); the checks count only rows newer than the run's own mark.
 * Returns how many instructions it touched.
 */
export async function rearmSweep(url: string, t0: Date): Promise<number> {
  return withClient(url, async (c) => {
    await c.query("BEGIN");
    await c.query(`DELETE FROM notification WHERE kind IN ('INSTRUCTION_OVERDUE', 'SUPERVISION_NOTICE') AND created_at >= $1`, [t0]);
    await c.query(`DELETE FROM instruction_event WHERE kind IN ('OVERDUE', 'ESCALATED', 'REMINDED') AND at >= $1`, [t0]);
    await c.query(`DELETE FROM instruction_overdue WHERE marked_at >= $1`, [t0]);
    await c.query(`DELETE FROM supervision_notice WHERE raised_at >= $1`, [t0]);
    const a = await c.query(`UPDATE instruction SET sign_off_overdue_at = NULL WHERE sign_off_overdue_at >= $1`, [t0]);
    const b = await c.query(`UPDATE instruction SET feedback_overdue_at = NULL WHERE feedback_overdue_at >= $1`, [t0]);
    const e = await c.query(`UPDATE instruction SET escalated_at = NULL, next_reminder_at = NULL WHERE escalated_at >= $1`, [t0]);
    // Reminders of what escalated before T0: back to the first one after T0.
    const r = await c.query(
      `UPDATE instruction SET next_reminder_at = ${NEXT_REMINDER.replaceAll("$T0", "$1::timestamptz")}
       WHERE escalated_at < $1 AND status IN ('AT_DISTRICT', 'AT_STATION', 'SIGNED_OFF', 'ON_SITE', 'DECLINED')
         AND next_reminder_at IS DISTINCT FROM ${NEXT_REMINDER.replaceAll("$T0", "$1::timestamptz")}`,
      [t0],
    );
    await c.query("COMMIT");
    return (a.rowCount ?? 0) + (b.rowCount ?? 0) + (e.rowCount ?? 0) + (r.rowCount ?? 0);
  });
}

/** The first reminder after T0 of an instruction escalated before it (one feedback interval apart). */
const NEXT_REMINDER = `(escalated_at + (feedback_deadline - routed_at) *
  (floor(extract(epoch FROM $T0 - escalated_at) / greatest(extract(epoch FROM feedback_deadline - routed_at), 60)) + 1))`;

// The deadlines by risk (seconds): the city's rules, else the installation's, else the issue's
// defaults (urgent 10 min / 1 h, high 30 min / 4 h, medium 2 h / 24 h, low 8 h / 72 h). Working
// days count as whole days here. Feedback is never due before sign-off (routingDeadlines).
const RULES_SQL = `
CREATE TEMP TABLE bench_rule ON COMMIT DROP AS
WITH d(risk, s_min, f_min, c_min) AS (VALUES ('URGENT'::"RiskLevel", 10, 60, 5), ('HIGH', 30, 240, 15), ('MEDIUM', 120, 1440, 60), ('LOW', 480, 4320, 1440)),
rule AS (
  SELECT d.risk, k.kind, k.fallback,
    (SELECT CASE r.unit WHEN 'MINUTES' THEN r.amount ELSE r.amount * 1440 END FROM deadline_rule r
     WHERE r.kind = k.kind AND (r.city_id = $1 OR r.city_id IS NULL) AND (r.risk_level = d.risk OR r.risk_level IS NULL)
     ORDER BY r.city_id NULLS LAST, r.risk_level NULLS LAST LIMIT 1) AS minutes
  FROM d CROSS JOIN LATERAL (VALUES ('INSTRUCTION_SIGN_OFF'::"DeadlineKind", d.s_min), ('INSTRUCTION_FEEDBACK', d.f_min), ('FIRST_CONTACT', d.c_min)) AS k(kind, fallback)
)
SELECT risk AS risk_level,
  (60 * max(coalesce(minutes, fallback)) FILTER (WHERE kind = 'INSTRUCTION_SIGN_OFF'))::float8 AS s,
  (60 * greatest(max(coalesce(minutes, fallback)) FILTER (WHERE kind = 'INSTRUCTION_FEEDBACK'), max(coalesce(minutes, fallback)) FILTER (WHERE kind = 'INSTRUCTION_SIGN_OFF')))::float8 AS f,
  (60 * max(coalesce(minutes, fallback)) FILTER (WHERE kind = 'FIRST_CONTACT'))::float8 AS c
FROM rule GROUP BY risk`;

// The demo city's history. $1 city, $2 how many more instructions, $3 T0.
// Each CTE step is MATERIALIZED so that each row's random() draws are taken once.
const CITY_HISTORY_SQL = `
INSERT INTO instruction (city_id, district_id, station_id, alert_id, kind, risk_level, status, issuer_unit_id, issued_by_id, note,
  issued_at, routed_at, sign_off_deadline, feedback_deadline, escalate_at, sign_off_overdue_at, feedback_overdue_at, escalated_at,
  next_reminder_at, signed_off_at, signed_off_by_id, team, checked_in_at, check_in_location, visit_attempts, decline_reason,
  suggested_station_id, declined_from_station_id, feedback_outcome, met_person, checks, loss_avoided_fen, loss_fen, feedback_note,
  reported_at, reported_by_id, closed_at, closed_by_id, follow_up_due_at, version)
WITH
districts AS (SELECT array_agg(id ORDER BY code) AS ids FROM org_unit WHERE kind = 'DISTRICT' AND city_id = $1),
all_stations AS (SELECT array_agg(id ORDER BY code) AS ids FROM org_unit WHERE kind = 'STATION' AND city_id = $1),
stations AS (SELECT district_id, array_agg(id ORDER BY code) AS ids FROM org_unit WHERE kind = 'STATION' AND city_id = $1 GROUP BY district_id),
places AS (SELECT station_id, array_agg(street || name ORDER BY id) AS names FROM community WHERE city_id = $1 GROUP BY station_id),
officers AS (SELECT DISTINCT ON (unit_id) unit_id, id, display_name FROM app_user WHERE role = 'STATION_OFFICER' AND status = 'ACTIVE' ORDER BY unit_id, username),
coordinators AS (SELECT DISTINCT ON (unit_id) unit_id, id FROM app_user WHERE role = 'DISTRICT_COORDINATOR' AND status = 'ACTIVE' ORDER BY unit_id, username),
analysts AS (SELECT array_agg(id ORDER BY username) AS ids FROM app_user WHERE role = 'ANALYST' AND unit_id = $1 AND username NOT LIKE 'bench.%'),
cand AS MATERIALIZED (
  SELECT a.id, a.district_id, a.station_id, a.risk_level, a.status, a.outcome, a.received_at, a.closed_at, a.loss_fen,
    CASE WHEN a.status = 'CLAIMED' THEN a.assignee_id
         WHEN a.closed_by_id IN (SELECT unnest(ids) FROM analysts) THEN a.closed_by_id END AS holder_id,
    CASE a.risk_level WHEN 'URGENT' THEN 2.2 WHEN 'HIGH' THEN 1.9 WHEN 'MEDIUM' THEN 0.9 ELSE 0.35 END AS e
  FROM alert a
  WHERE a.city_id = $1 AND a.status <> 'JOINED' AND a.received_at < $3::timestamptz - interval '2 minutes'
    AND NOT EXISTS (SELECT 1 FROM instruction i WHERE i.alert_id = a.id)
),
scale AS (SELECT ($2::float8 + 0.5) / nullif(sum(e), 0) AS f FROM cand),
-- k instructions for each alert, in proportion to its risk's expectation, adding up to exactly $2
-- (systematic sampling over the alerts in random order)
plan AS MATERIALIZED (
  SELECT x.*, (floor(x.upto) - floor(x.upto - x.e * x.f))::int AS k
  FROM (
    SELECT c.*, s.f, sum(c.e * s.f) OVER (ORDER BY random() ROWS UNBOUNDED PRECEDING) AS upto,
      extract(epoch FROM coalesce(c.closed_at, $3::timestamptz) - c.received_at) AS window_s
    FROM cand c CROSS JOIN scale s
  ) x
),
r0 AS MATERIALIZED (
  SELECT p.id AS alert_id, p.district_id AS alert_district, p.station_id AS alert_station, p.risk_level, p.status AS alert_status,
    p.outcome AS alert_outcome, p.loss_fen AS alert_loss, p.received_at, p.holder_id, p.k, g.j, p.window_s,
    (g.j = p.k AND p.status IN ('NEW', 'CLAIMED')) AS open_row, (g.j = p.k AND p.status = 'CLOSED') AS closing_row,
    rule.s, rule.f,
    random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7,
    random() AS r8, random() AS r9, random() AS r10, random() AS r11, random() AS r12, random() AS r13
  FROM plan p CROSS JOIN LATERAL generate_series(1, p.k) AS g(j) JOIN bench_rule rule ON rule.risk_level = p.risk_level
  WHERE p.k > 0
),
r1 AS MATERIALIZED (
  SELECT r.*,
    coalesce(r.alert_district, d.ids[1 + floor(r.r1 * cardinality(d.ids))::int]) AS district_id,
    (r.alert_station IS NULL OR (r.risk_level IN ('MEDIUM', 'LOW') AND r.r2 < 0.3)) AS via_district,
    CASE WHEN r.j = 1 THEN CASE WHEN r.risk_level IN ('URGENT', 'HIGH') THEN 'DOOR_VISIT'
                                WHEN r.risk_level = 'MEDIUM' AND r.r3 < 0.5 THEN 'DOOR_VISIT' ELSE 'PHONE_FOLLOW_UP' END
         WHEN r.r3 < 0.5 THEN 'DOOR_VISIT' WHEN r.r3 < 0.85 THEN 'LOCATE' ELSE 'PHONE_FOLLOW_UP' END::"InstructionKind" AS kind,
    -- dispatched while the alert was open; the open alert's running one, recently (its age follows the deadlines)
    CASE WHEN r.open_row THEN greatest(r.received_at + make_interval(secs => r.window_s * (r.j - 1 + 0.05) / r.k),
                                       $3::timestamptz - make_interval(secs => least(r.f * 3 * r.r4 * r.r4, r.window_s * 0.9)))
         ELSE r.received_at + make_interval(secs => r.window_s * (r.j - 1 + 0.05 + 0.4 * r.r4) / r.k) END AS issued_at
  FROM r0 r CROSS JOIN districts d
),
r2 AS MATERIALIZED (
  SELECT r.*,
    coalesce(CASE WHEN r.alert_district = r.district_id THEN r.alert_station END, st.ids[1 + floor(r.r5 * cardinality(st.ids))::int]) AS station,
    (NOT r.via_district AND r.r2 > 0.95) AS district_issued,
    (NOT r.open_row AND r.r6 < 0.03 AND r.issued_at < $3::timestamptz - interval '3 hours') AS rerouted,
    (r.closing_row AND r.kind <> 'PHONE_FOLLOW_UP' AND r.r6 > 0.97) AS cancelled
  FROM r1 r JOIN stations st ON st.district_id = r.district_id
),
r3 AS MATERIALIZED (
  SELECT r.*,
    r.issued_at + CASE WHEN r.rerouted THEN make_interval(secs => 600 + 4800 * r.r7) ELSE interval '0' END AS routed_at,
    -- times after routing (s): sign-off (some late), check-in for a visit, feedback (some late, a few very late), review
    r.s * (0.05 + 1.2 * power(r.r8, 2.5)) AS so_s,
    CASE WHEN r.kind <> 'PHONE_FOLLOW_UP' THEN r.s * (0.05 + 1.2 * power(r.r8, 2.5)) + (r.f - r.s) * 0.3 * r.r9 END AS ci_s,
    greatest(r.f * (0.15 + r.r10 * r.r10 + CASE WHEN r.r11 > 0.985 THEN 1.6 ELSE 0 END),
             CASE WHEN r.kind <> 'PHONE_FOLLOW_UP' THEN r.s * (0.05 + 1.2 * power(r.r8, 2.5)) + (r.f - r.s) * 0.3 * r.r9 ELSE r.s * (0.05 + 1.2 * power(r.r8, 2.5)) END + 300) AS rep_s
  FROM r2 r
),
r4 AS MATERIALIZED (
  SELECT r.*,
    extract(epoch FROM $3::timestamptz - r.routed_at) AS age_s,
    -- a closed one's times are squeezed into the past when it was dispatched shortly before T0
    greatest(0.0001, least(1, (extract(epoch FROM $3::timestamptz - r.routed_at) - 30) / (r.rep_s + 300 + 43200 * r.r12 * r.r12))) AS q,
    CASE
      WHEN NOT r.open_row THEN CASE WHEN r.cancelled THEN 'CANCELLED' ELSE 'CLOSED' END
      WHEN extract(epoch FROM $3::timestamptz - r.routed_at) < r.s THEN CASE WHEN r.r13 < 0.85 THEN 'AT_STATION' ELSE 'SIGNED_OFF' END
      WHEN extract(epoch FROM $3::timestamptz - r.routed_at) < r.f THEN
        CASE WHEN r.r13 < 0.06 THEN 'AT_STATION' WHEN r.r13 < 0.09 THEN 'DECLINED' WHEN r.r13 < 0.49 THEN 'SIGNED_OFF' WHEN r.r13 < 0.80 THEN 'ON_SITE' ELSE 'REPORTED' END
      ELSE CASE WHEN r.r13 < 0.03 THEN 'AT_STATION' WHEN r.r13 < 0.05 THEN 'DECLINED' WHEN r.r13 < 0.25 THEN 'SIGNED_OFF' WHEN r.r13 < 0.55 THEN 'ON_SITE' ELSE 'REPORTED' END
    END AS st0
  FROM r3 r
),
r5 AS MATERIALIZED (
  SELECT r.*,
    CASE WHEN r.st0 = 'AT_STATION' AND r.via_district THEN 'AT_DISTRICT'
         WHEN r.st0 = 'ON_SITE' AND r.kind = 'PHONE_FOLLOW_UP' THEN 'SIGNED_OFF' ELSE r.st0 END::"InstructionStatus" AS status,
    -- when each step happened, as a time (null when it did not)
    CASE WHEN r.st0 IN ('CLOSED') THEN r.routed_at + make_interval(secs => r.so_s * r.q)
         WHEN r.st0 IN ('SIGNED_OFF', 'ON_SITE', 'REPORTED') THEN r.routed_at + make_interval(secs => least(r.so_s, r.age_s * 0.5)) END AS signed_at,
    CASE WHEN r.kind = 'PHONE_FOLLOW_UP' THEN NULL
         WHEN r.st0 = 'CLOSED' THEN r.routed_at + make_interval(secs => r.ci_s * r.q)
         WHEN r.st0 IN ('ON_SITE', 'REPORTED') THEN r.routed_at + make_interval(secs => least(r.so_s, r.age_s * 0.5) + (r.age_s - least(r.so_s, r.age_s * 0.5)) * 0.5 * r.r9) END AS checked_at,
    CASE WHEN r.st0 = 'CLOSED' THEN r.routed_at + make_interval(secs => r.rep_s * r.q)
         WHEN r.st0 = 'REPORTED' THEN r.routed_at + make_interval(secs => r.age_s * (0.8 + 0.18 * r.r10)) END AS reported,
    CASE WHEN r.st0 = 'CLOSED' THEN r.routed_at + make_interval(secs => (r.rep_s + 300 + 43200 * r.r12 * r.r12) * r.q)
         WHEN r.st0 = 'CANCELLED' THEN r.routed_at + make_interval(secs => r.s * 0.8 * r.r12 * r.q) END AS closed,
    CASE WHEN r.st0 = 'CLOSED' AND r.closing_row THEN
           CASE r.alert_outcome WHEN 'DEFRAUDED' THEN 'DEFRAUDED' WHEN 'UNREACHABLE' THEN 'NOT_FOUND' WHEN 'FALSE_ALARM' THEN 'NOT_THE_PERSON' ELSE 'DISSUADED' END
         WHEN r.st0 = 'CLOSED' THEN 'NOT_FOUND_YET'
         WHEN r.st0 = 'REPORTED' THEN CASE WHEN r.r11 < 0.65 THEN 'DISSUADED' WHEN r.r11 < 0.85 THEN 'NOT_FOUND_YET' WHEN r.r11 < 0.92 THEN 'NOT_THE_PERSON'
                                         WHEN r.r11 < 0.97 THEN 'NOT_FOUND' ELSE 'DEFRAUDED' END END::"FeedbackOutcome" AS outcome,
    -- the worker's interval: a mark lands up to 30 s after its deadline
    30 * r.r7 AS delay_s
  FROM r4 r
),
r6 AS MATERIALIZED (
  SELECT r.*,
    r.routed_at + make_interval(secs => r.s) AS sign_off_deadline,
    r.routed_at + make_interval(secs => r.f) AS feedback_deadline,
    r.issued_at + make_interval(secs => 2 * r.f) AS escalate_at,
    coalesce(r.reported, r.closed) AS ended,
    r.status IN ('AT_DISTRICT', 'AT_STATION', 'SIGNED_OFF', 'ON_SITE', 'DECLINED') AS running
  FROM r5 r
),
r7 AS MATERIALIZED (
  SELECT r.*,
    CASE WHEN r.status <> 'DECLINED' AND r.sign_off_deadline + make_interval(secs => r.delay_s) < $3::timestamptz - interval '1 second'
              AND (r.signed_at > r.sign_off_deadline + make_interval(secs => r.delay_s)
                   OR (r.signed_at IS NULL AND r.status IN ('AT_DISTRICT', 'AT_STATION'))
                   OR (r.signed_at IS NULL AND r.closed > r.sign_off_deadline + make_interval(secs => r.delay_s)))
         THEN r.sign_off_deadline + make_interval(secs => r.delay_s) END AS sign_off_mark,
    CASE WHEN r.feedback_deadline + make_interval(secs => r.delay_s) < $3::timestamptz - interval '1 second'
              AND (r.ended IS NULL OR r.ended > r.feedback_deadline + make_interval(secs => r.delay_s))
         THEN r.feedback_deadline + make_interval(secs => r.delay_s) END AS feedback_mark,
    CASE WHEN r.escalate_at + make_interval(secs => r.delay_s) < $3::timestamptz - interval '1 second'
              AND (r.ended IS NULL OR r.ended > r.escalate_at + make_interval(secs => r.delay_s))
         THEN r.escalate_at + make_interval(secs => r.delay_s) END AS escalation_mark
  FROM r6 r
)
SELECT $1::uuid, r.district_id,
  CASE WHEN r.status IN ('AT_DISTRICT', 'DECLINED') THEN NULL ELSE r.station END,
  r.alert_id, r.kind, r.risk_level, r.status,
  CASE WHEN r.district_issued AND co.id IS NOT NULL THEN r.district_id ELSE $1::uuid END,
  CASE WHEN r.district_issued AND co.id IS NOT NULL THEN co.id
       ELSE coalesce(r.holder_id, an.ids[1 + floor(r.r1 * cardinality(an.ids))::int]) END,
  CASE WHEN r.r5 < 0.35 THEN (ARRAY['请尽快上门，当面劝阻', '电话未接通，请上门核实', '当事人疑似正在转账，请立即处置', '请联系社区网格员协助查找', '请核实是否本人使用该号码'])[1 + floor(r.r9 * 5)::int] END,
  r.issued_at, r.routed_at, r.sign_off_deadline, r.feedback_deadline, r.escalate_at,
  r.sign_off_mark, r.feedback_mark, r.escalation_mark,
  CASE WHEN r.running AND r.escalation_mark IS NOT NULL THEN
    r.escalation_mark + (r.feedback_deadline - r.routed_at) *
      (floor(extract(epoch FROM $3::timestamptz - r.escalation_mark) / greatest(extract(epoch FROM r.feedback_deadline - r.routed_at), 60)) + 1) END,
  r.signed_at, CASE WHEN r.signed_at IS NOT NULL THEN o.id END,
  CASE WHEN r.checked_at IS NOT NULL AND r.r3 < 0.8 THEN jsonb_build_object(
    'officers', jsonb_build_array(coalesce(o.display_name, '值班民警')),
    'auxiliaries', to_jsonb((ARRAY['辅警陈', '辅警刘', '辅警王'])[1:1 + floor(r.r10 * 3)::int]),
    'gridWorkers', to_jsonb((ARRAY['网格员周', '网格员吴'])[1:floor(r.r11 * 3)::int])) END,
  r.checked_at,
  CASE WHEN r.checked_at IS NOT NULL THEN pl.names[1 + floor(r.r12 * cardinality(pl.names))::int] END,
  CASE WHEN r.kind = 'PHONE_FOLLOW_UP' OR r.checked_at IS NULL THEN 0
       WHEN r.outcome IN ('NOT_FOUND', 'NOT_FOUND_YET') THEN 2 + floor(r.r13 * 3)::int ELSE 1 END,
  CASE WHEN r.status = 'DECLINED' THEN CASE WHEN r.r9 < 0.7 THEN 'NOT_OUR_JURISDICTION' ELSE 'WRONG_PERSON' END::"DeclineReason" END,
  CASE WHEN r.status = 'DECLINED' AND r.r9 < 0.7 THEN nullif(alls.ids[1 + floor(r.r10 * cardinality(alls.ids))::int], r.station) END,
  CASE WHEN r.status = 'DECLINED' THEN r.station
       WHEN r.rerouted THEN nullif(alls.ids[1 + floor(r.r10 * cardinality(alls.ids))::int], r.station) END,
  r.outcome,
  CASE WHEN r.outcome IS NOT NULL THEN r.outcome IN ('DISSUADED', 'DEFRAUDED', 'NOT_THE_PERSON') AND r.kind <> 'PHONE_FOLLOW_UP' END,
  CASE WHEN r.outcome IN ('DISSUADED', 'DEFRAUDED') AND r.kind <> 'PHONE_FOLLOW_UP' THEN
    (ARRAY['{CALL_SMS_LOG,CHAT_APPS,FRAUD_APPS,LARGE_TRANSFERS}', '{CALL_SMS_LOG,CHAT_APPS,FRAUD_APPS}', '{CALL_SMS_LOG,FRAUD_APPS}',
           '{CHAT_APPS,LARGE_TRANSFERS}'])[1 + floor(r.r13 * 4)::int]::text[]
    ELSE ARRAY[]::text[] END,
  CASE WHEN r.outcome = 'DISSUADED' AND r.r12 < 0.35 THEN (500000 + 49500000 * r.r10 * r.r10)::bigint END,
  CASE WHEN r.outcome = 'DEFRAUDED' THEN coalesce(r.alert_loss, (2000000 + 48000000 * r.r10 * r.r10)::bigint) END,
  CASE r.outcome WHEN 'DISSUADED' THEN '已当面劝阻，当事人认可并删除涉诈APP' WHEN 'NOT_FOUND_YET' THEN '上门未见到本人，已联系社区网格员，择日再访'
                 WHEN 'NOT_FOUND' THEN '多次上门及电话均无法找到本人' WHEN 'NOT_THE_PERSON' THEN '核实为非本人，号码已转给他人使用'
                 WHEN 'DEFRAUDED' THEN '当事人已转账被骗，已引导报案' END,
  r.reported, CASE WHEN r.reported IS NOT NULL THEN o.id END,
  r.closed,
  CASE WHEN r.closed IS NOT NULL THEN CASE WHEN r.district_issued AND co.id IS NOT NULL THEN co.id
                                           ELSE coalesce(r.holder_id, an.ids[1 + floor(r.r1 * cardinality(an.ids))::int]) END END,
  CASE WHEN r.status = 'CLOSED' AND r.outcome = 'DISSUADED' AND r.r11 < 0.1 THEN r.closed + interval '7 days' END,
  CASE r.status WHEN 'CLOSED' THEN 6 WHEN 'CANCELLED' THEN 2 WHEN 'AT_STATION' THEN 1 WHEN 'AT_DISTRICT' THEN 1 WHEN 'DECLINED' THEN 2
                WHEN 'SIGNED_OFF' THEN 2 WHEN 'ON_SITE' THEN 3 ELSE 5 END + CASE WHEN r.rerouted THEN 2 ELSE 0 END
FROM r7 r
CROSS JOIN analysts an CROSS JOIN all_stations alls
LEFT JOIN officers o ON o.unit_id = r.station
LEFT JOIN coordinators co ON co.unit_id = r.district_id
LEFT JOIN places pl ON pl.station_id = r.station`;

// The overdue rows and supervision notices of the marks the history carries (what the worker
// would have written with them). $1 city, $2 T0.
const HISTORY_MARKS_SQL = `
WITH marks AS (
  INSERT INTO instruction_overdue (city_id, district_id, station_id, instruction_id, kind, deadline, marked_at)
  SELECT city_id, district_id, coalesce(station_id, declined_from_station_id), id, 'SIGN_OFF'::"OverdueKind", sign_off_deadline, sign_off_overdue_at
  FROM instruction WHERE city_id = $1 AND sign_off_overdue_at < $2
  UNION ALL
  SELECT city_id, district_id, coalesce(station_id, declined_from_station_id), id, 'FEEDBACK'::"OverdueKind", feedback_deadline, feedback_overdue_at
  FROM instruction WHERE city_id = $1 AND feedback_overdue_at < $2
  ON CONFLICT DO NOTHING
)
INSERT INTO supervision_notice (city_id, district_id, station_id, instruction_id, raised_at, version)
SELECT city_id, district_id, coalesce(station_id, declined_from_station_id), id, escalated_at, 1
FROM instruction WHERE city_id = $1 AND escalated_at < $2
ON CONFLICT (instruction_id) DO NOTHING`;

/** 压测市: its units, one account per unit (the demo password), and its backlog. Returns its id. */
async function createSweepCity(c: pg.Client, demoCityId: string, open: number, t0: Date): Promise<string> {
  const { rows } = await c.query<{ id: string }>(
    `INSERT INTO org_unit (code, name, kind, parent_id, created_at)
     SELECT $1, '压测市公安局反诈中心', 'CITY', parent_id, $3 FROM org_unit WHERE id = $2
     RETURNING id`,
    [SWEEP_CITY_CODE, demoCityId, t0],
  );
  const cityId = rows[0]!.id;
  await c.query(`UPDATE org_unit SET city_id = id WHERE id = $1`, [cityId]);
  await c.query(
    `INSERT INTO org_unit (code, name, kind, parent_id, city_id, created_at)
     SELECT $2 || 'D' || lpad(n::text, 2, '0'), '压测' || lpad(n::text, 2, '0') || '分局', 'DISTRICT', $1, $1, $3 FROM generate_series(1, 10) n`,
    [cityId, SWEEP_CITY_CODE, t0],
  );
  await c.query(`UPDATE org_unit SET district_id = id WHERE city_id = $1 AND kind = 'DISTRICT'`, [cityId]);
  await c.query(
    `INSERT INTO org_unit (code, name, kind, parent_id, city_id, district_id, created_at)
     SELECT d.code || 'S' || lpad(s::text, 2, '0'), d.name || '第' || s || '派出所', 'STATION', d.id, $1, d.id, $2
     FROM org_unit d CROSS JOIN generate_series(1, 6) s WHERE d.city_id = $1 AND d.kind = 'DISTRICT'`,
    [cityId, t0],
  );
  const prefix = SWEEP_CITY_CODE.toLowerCase();
  await c.query(
    `INSERT INTO app_user (username, display_name, role, unit_id, password_hash)
     SELECT u.username, u.display_name, u.role::"Role", u.unit_id, h.password_hash
     FROM (SELECT password_hash FROM app_user WHERE username = 'analyst1') h CROSS JOIN (
       SELECT $2 || '.leader' AS username, '压测督导' AS display_name, 'SUPERVISOR' AS role, $1::uuid AS unit_id
       UNION ALL SELECT $2 || '.analyst1', '压测研判员', 'ANALYST', $1::uuid
       UNION ALL SELECT $2 || '.coord.' || lower(code), '压测协调员' || right(code, 2), 'DISTRICT_COORDINATOR', id FROM org_unit WHERE city_id = $1 AND kind = 'DISTRICT'
       UNION ALL SELECT $2 || '.officer.' || lower(code), '压测民警' || right(code, 5), 'STATION_OFFICER', id FROM org_unit WHERE city_id = $1 AND kind = 'STATION'
     ) u`,
    [cityId, prefix],
  );
  // The people and their alerts: copies of the demo city's (sealed values and all), one alert per
  // person, each open, claimed by the city's analyst, the call made and an instruction sent.
  await c.query(
    `CREATE TEMP TABLE bench_sweep_src ON COMMIT DROP AS
     WITH src AS (
       SELECT DISTINCT ON (a.person_id) a.person_id, a.source_id, a.payload_hash, a.phone_sealed, a.phone_index, a.address_sealed, a.risk_level, a.fraud_type
       FROM alert a WHERE a.city_id = $1 ORDER BY a.person_id LIMIT $2
     ), st AS (SELECT array_agg(id ORDER BY code) AS ids FROM org_unit WHERE city_id = $3 AND kind = 'STATION')
     SELECT src.*, row_number() OVER () AS n, gen_random_uuid() AS new_person_id, gen_random_uuid() AS new_alert_id,
       random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6, st.ids[1 + (row_number() OVER () % cardinality(st.ids))::int] AS station_id
     FROM src CROSS JOIN st`,
    [demoCityId, open, cityId],
  );
  const { rows: counted } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM bench_sweep_src`);
  if (Number(counted[0]!.n) < open) throw new Error(`the demo city has only ${counted[0]!.n} people for ${open} open instructions: seed more alerts`);
  // Age at T0 relative to the feedback interval: mostly young, a tail past the deadlines.
  await c.query(
    `CREATE TEMP TABLE bench_sweep_row ON COMMIT DROP AS
     SELECT k.*,
       CASE WHEN k.age_s < k.s_s THEN CASE WHEN k.r3 < 0.80 THEN 'AT_STATION' WHEN k.r3 < 0.92 THEN 'AT_DISTRICT' ELSE 'SIGNED_OFF' END
            WHEN k.r3 < 0.06 THEN 'AT_STATION' WHEN k.r3 < 0.08 THEN 'AT_DISTRICT' WHEN k.r3 < 0.10 THEN 'DECLINED'
            WHEN k.r3 < 0.60 OR k.kind = 'PHONE_FOLLOW_UP' THEN 'SIGNED_OFF' ELSE 'ON_SITE' END::"InstructionStatus" AS status
     FROM (
       SELECT s.*, o.district_id, rule.s AS s_s, rule.f AS f_s, rule.c AS c_s,
         $1::timestamptz - make_interval(secs => rule.f * 2.2 * power(s.r1, 5)) AS issued_at,
         rule.f * 2.2 * power(s.r1, 5) AS age_s,
         CASE WHEN s.risk_level IN ('URGENT', 'HIGH') THEN 'DOOR_VISIT' WHEN s.risk_level = 'MEDIUM' AND s.r2 < 0.5 THEN 'DOOR_VISIT'
              WHEN s.r2 < 0.1 THEN 'LOCATE' ELSE 'PHONE_FOLLOW_UP' END::"InstructionKind" AS kind
       FROM bench_sweep_src s JOIN org_unit o ON o.id = s.station_id JOIN bench_rule rule ON rule.risk_level = s.risk_level
     ) k`,
    [t0],
  );
  await c.query(
    `INSERT INTO person (id, city_id, name_sealed, id_number_sealed, id_number_index, address_sealed, created_at, updated_at)
     SELECT r.new_person_id, $1, p.name_sealed, p.id_number_sealed, p.id_number_index, p.address_sealed, r.issued_at, r.issued_at
     FROM bench_sweep_row r JOIN person p ON p.id = r.person_id`,
    [cityId],
  );
  await c.query(
    `INSERT INTO person_phone (city_id, person_id, phone_sealed, phone_index, first_seen_at, last_seen_at)
     SELECT $1, new_person_id, phone_sealed, phone_index, issued_at, issued_at FROM bench_sweep_row
     ON CONFLICT DO NOTHING`,
    [cityId],
  );
  await c.query(
    `INSERT INTO alert (id, city_id, district_id, station_id, source_id, external_id, payload_hash, person_id, phone_sealed, phone_index,
       address_sealed, risk_level, fraud_type, status, detected_at, received_at, first_contact_deadline, first_contact_at, assignee_id,
       claimed_at, version)
     SELECT r.new_alert_id, $1, r.district_id, r.station_id, r.source_id, 'BX-SWEEP-' || lpad(r.n::text, 7, '0'), r.payload_hash,
       r.new_person_id, r.phone_sealed, r.phone_index, r.address_sealed, r.risk_level, r.fraud_type, 'CLAIMED',
       r.issued_at - make_interval(secs => 120 + r.c_s * r.r4), r.issued_at - make_interval(secs => 60 + r.c_s * r.r4),
       r.issued_at - make_interval(secs => 60 + r.c_s * r.r4) + make_interval(secs => r.c_s),
       r.issued_at - make_interval(secs => 30 + r.c_s * r.r4 * 0.5), a.id, r.issued_at - make_interval(secs => 50 + r.c_s * r.r4 * 0.9), 3
     FROM bench_sweep_row r CROSS JOIN (SELECT id FROM app_user WHERE username = $2) a`,
    [cityId, `${prefix}.analyst1`],
  );
  await c.query(
    `INSERT INTO instruction (city_id, district_id, station_id, alert_id, kind, risk_level, status, issuer_unit_id, issued_by_id, note,
       issued_at, routed_at, sign_off_deadline, feedback_deadline, escalate_at, signed_off_at, signed_off_by_id, team, checked_in_at,
       check_in_location, visit_attempts, decline_reason, declined_from_station_id, version)
     SELECT $1, r.district_id, CASE WHEN r.status IN ('AT_DISTRICT', 'DECLINED') THEN NULL ELSE r.station_id END, r.new_alert_id, r.kind,
       r.risk_level, r.status, $1, a.id, CASE WHEN r.r5 < 0.3 THEN '电话未接通，请上门核实' END,
       r.issued_at, r.issued_at, r.issued_at + make_interval(secs => r.s_s), r.issued_at + make_interval(secs => r.f_s),
       r.issued_at + make_interval(secs => 2 * r.f_s),
       CASE WHEN r.status IN ('SIGNED_OFF', 'ON_SITE') THEN r.issued_at + make_interval(secs => least(r.s_s * (0.1 + 0.9 * r.r6), r.age_s * 0.5)) END,
       CASE WHEN r.status IN ('SIGNED_OFF', 'ON_SITE') THEN o.id END,
       CASE WHEN r.status = 'ON_SITE' THEN jsonb_build_object('officers', jsonb_build_array(o.display_name), 'auxiliaries', jsonb_build_array('辅警陈'), 'gridWorkers', '[]'::jsonb) END,
       CASE WHEN r.status = 'ON_SITE' THEN r.issued_at + make_interval(secs => least(r.s_s * (0.1 + 0.9 * r.r6), r.age_s * 0.5) + r.age_s * 0.3 * r.r5) END,
       CASE WHEN r.status = 'ON_SITE' THEN '压测辖区走访点' END,
       CASE WHEN r.status = 'ON_SITE' THEN 1 ELSE 0 END,
       CASE WHEN r.status = 'DECLINED' THEN 'WRONG_PERSON'::"DeclineReason" END,
       CASE WHEN r.status = 'DECLINED' THEN r.station_id END,
       CASE r.status WHEN 'SIGNED_OFF' THEN 2 WHEN 'ON_SITE' THEN 4 WHEN 'DECLINED' THEN 2 ELSE 1 END
     FROM bench_sweep_row r CROSS JOIN (SELECT id FROM app_user WHERE username = $2) a
     LEFT JOIN app_user o ON o.unit_id = r.station_id AND o.role = 'STATION_OFFICER'`,
    [cityId, `${prefix}.analyst1`],
  );
  return cityId;
}
