import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/prisma/generated/client/client";
import type { JobDefinition } from "@/lib/server/jobs/registry";

// 督: the worker's periodic sweep (job `instruction.supervision-sweep`). The rules are those of
// lib/instructions/supervision-clock.ts, applied in SQL. Each step is one statement whose UPDATE
// only touches rows still due (`… IS NULL`) and takes them with SKIP LOCKED: two workers running
// it at the same moment split the work, and whatever one marked the other no longer sees, so each
// mark, escalation, notice and reminder happens once. Each step handles at most `limit` rows per
// run; the next run takes the rest.
//
// The UPDATE takes its rows by primary key (`id = ANY(ARRAY(…))`) whatever the planner estimates:
// with `id IN (…)` and a high estimate of due rows (the status and deadline columns are correlated,
// the planner multiplies them) it hash-joined a scan of the whole table, 1.1M rows, for 20 due
// ones. Recipients are joined on equality (unit, role), not an OR the planner can only apply as a
// filter to every pair of row and account. Measured by `npm run bench -- --only sweep`
// (docs/decisions/008-benchmarks.md).

const RUNNING = Prisma.sql`('AT_DISTRICT', 'AT_STATION', 'SIGNED_OFF', 'ON_SITE', 'DECLINED')`;

export interface SweepResult {
  signOffOverdue: number;
  feedbackOverdue: number;
  escalated: number;
  reminded: number;
}

/** Who hears of an instruction's overdue mark or reminder: whoever holds it now. */
const HOLDER_RECIPIENTS = Prisma.sql`
  JOIN app_user u ON u.status = 'ACTIVE' AND u.unit_id = coalesce(d.station_id, d.district_id)
    AND u.role = (CASE WHEN d.station_id IS NULL THEN 'DISTRICT_COORDINATOR' ELSE 'STATION_OFFICER' END)::"Role"`;

async function markOverdue(kind: "SIGN_OFF" | "FEEDBACK", now: Date, limit: number): Promise<number> {
  const mark = kind === "SIGN_OFF" ? Prisma.sql`sign_off_overdue_at` : Prisma.sql`feedback_overdue_at`;
  const deadline = kind === "SIGN_OFF" ? Prisma.sql`sign_off_deadline` : Prisma.sql`feedback_deadline`;
  const statuses = kind === "SIGN_OFF" ? Prisma.sql`('AT_DISTRICT', 'AT_STATION')` : RUNNING;
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    WITH due AS (
      UPDATE instruction i SET ${mark} = ${now}
      WHERE i.id = ANY(ARRAY(
        SELECT id FROM instruction
        WHERE status IN ${statuses} AND ${mark} IS NULL AND ${deadline} <= ${now}
        ORDER BY ${deadline} LIMIT ${limit} FOR UPDATE SKIP LOCKED))
        AND i.${mark} IS NULL
      RETURNING i.id, i.city_id, i.district_id, i.station_id, i.${deadline} AS deadline
    ), marks AS (
      INSERT INTO instruction_overdue (city_id, district_id, station_id, instruction_id, kind, deadline, marked_at)
      SELECT city_id, district_id, station_id, id, ${kind}::"OverdueKind", deadline, ${now} FROM due
      ON CONFLICT DO NOTHING
    ), events AS (
      INSERT INTO instruction_event (city_id, instruction_id, at, kind, unit_id, data)
      SELECT city_id, id, ${now}, 'OVERDUE', coalesce(station_id, district_id), jsonb_build_object('deadline', ${kind}::text) FROM due
    ), audit AS (
      INSERT INTO audit_event (at, city_id, action, entity_type, entity_id, outcome, details)
      SELECT ${now}, city_id, 'instruction.overdue', 'instruction', id::text, 'SUCCESS', jsonb_build_object('deadline', ${kind}::text, 'unitId', coalesce(station_id, district_id)) FROM due
    ), notes AS (
      INSERT INTO notification (city_id, user_id, kind, instruction_id, created_at)
      SELECT d.city_id, u.id, 'INSTRUCTION_OVERDUE', d.id, ${now} FROM due d ${HOLDER_RECIPIENTS}
    )
    SELECT count(*) AS n FROM due`;
  return Number(rows[0]?.n ?? 0);
}

/** Red: twice the feedback interval from dispatch. Once, with its notice (督办单). */
async function escalate(now: Date, limit: number): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    WITH due AS (
      UPDATE instruction i SET escalated_at = ${now}, next_reminder_at = ${now}::timestamptz + (i.feedback_deadline - i.routed_at)
      WHERE i.id = ANY(ARRAY(
        SELECT id FROM instruction
        WHERE status IN ${RUNNING} AND escalated_at IS NULL AND escalate_at <= ${now}
        ORDER BY escalate_at LIMIT ${limit} FOR UPDATE SKIP LOCKED))
        AND i.escalated_at IS NULL
      RETURNING i.id, i.city_id, i.district_id, i.station_id
    ), notices AS (
      INSERT INTO supervision_notice (city_id, district_id, station_id, instruction_id, raised_at)
      SELECT city_id, district_id, station_id, id, ${now} FROM due
      ON CONFLICT (instruction_id) DO NOTHING
    ), events AS (
      INSERT INTO instruction_event (city_id, instruction_id, at, kind, unit_id)
      SELECT city_id, id, ${now}, 'ESCALATED', coalesce(station_id, district_id) FROM due
    ), audit AS (
      INSERT INTO audit_event (at, city_id, action, entity_type, entity_id, outcome, details)
      SELECT ${now}, city_id, 'instruction.escalate', 'instruction', id::text, 'SUCCESS', jsonb_build_object('unitId', coalesce(station_id, district_id)) FROM due
    ), notes AS (
      INSERT INTO notification (city_id, user_id, kind, instruction_id, created_at)
      SELECT d.city_id, u.id, 'SUPERVISION_NOTICE', d.id, ${now} FROM due d
      CROSS JOIN LATERAL (VALUES (d.district_id, 'DISTRICT_COORDINATOR'::"Role"), (d.city_id, 'SUPERVISOR'::"Role"), (d.station_id, 'STATION_OFFICER'::"Role")) AS r(unit_id, role)
      JOIN app_user u ON u.status = 'ACTIVE' AND u.unit_id = r.unit_id AND u.role = r.role
    )
    SELECT count(*) AS n FROM due`;
  return Number(rows[0]?.n ?? 0);
}

/** After escalation, a reminder to the holder every feedback interval until the feedback comes. */
async function remind(now: Date, limit: number): Promise<number> {
  await db.$executeRaw`UPDATE instruction SET next_reminder_at = NULL WHERE next_reminder_at <= ${now} AND status NOT IN ${RUNNING}`;
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    WITH due AS (
      UPDATE instruction i SET next_reminder_at = i.next_reminder_at + greatest(i.feedback_deadline - i.routed_at, interval '1 minute')
      WHERE i.id = ANY(ARRAY(
        SELECT id FROM instruction
        WHERE next_reminder_at <= ${now} AND status IN ${RUNNING}
        ORDER BY next_reminder_at LIMIT ${limit} FOR UPDATE SKIP LOCKED))
        AND i.next_reminder_at <= ${now}
      RETURNING i.id, i.city_id, i.district_id, i.station_id
    ), events AS (
      INSERT INTO instruction_event (city_id, instruction_id, at, kind, unit_id)
      SELECT city_id, id, ${now}, 'REMINDED', coalesce(station_id, district_id) FROM due
    ), notes AS (
      INSERT INTO notification (city_id, user_id, kind, instruction_id, created_at)
      SELECT d.city_id, u.id, 'INSTRUCTION_OVERDUE', d.id, ${now} FROM due d ${HOLDER_RECIPIENTS}
    )
    SELECT count(*) AS n FROM due`;
  return Number(rows[0]?.n ?? 0);
}

/** One sweep at `now` (a parameter, so tests run it with a fake clock). */
export async function sweepSupervision(now: Date = new Date(), limit = 5000): Promise<SweepResult> {
  const signOffOverdue = await markOverdue("SIGN_OFF", now, limit);
  const feedbackOverdue = await markOverdue("FEEDBACK", now, limit);
  const escalated = await escalate(now, limit);
  const reminded = await remind(now, limit);
  return { signOffOverdue, feedbackOverdue, escalated, reminded };
}

/** The worker's job (lib/server/jobs/registry.ts): every 30 s, so amber and red come within half a minute. */
export const supervisionSweepJob: JobDefinition = {
  name: "instruction.supervision-sweep",
  everySeconds: 30,
  run: async ({ now }) => ({ ...(await sweepSupervision(now)) }),
};
