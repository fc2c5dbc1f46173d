import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/prisma/generated/client/client";
import type { NotificationKind } from "@/prisma/generated/client/enums";
import { freezeReminderHorizon, stopReminderHorizon } from "@/lib/cases/request-clock";
import type { JobDefinition } from "@/lib/server/jobs/registry";

// The money workflow's reminders (job `money-sweep`, docs/decisions/020-money.md): no legal
// deadline may lapse unnoticed. Three steps, each one statement built like the dispatch chain's
// supervision sweep (lib/server/instructions/sweep-supervision.ts): the UPDATE marks only rows
// still unmarked (`… IS NULL`), taken by primary key with SKIP LOCKED, and writes the audit row
// and the notifications in the same statement — so two workers at once remind once, and a mark
// never stands without its notices. Whether a stop or freeze still holds is never stored here: it
// is computed when read (lib/cases/transfer-ledger.ts). Each step takes at most `limit` rows per
// run; the next run takes the rest.

/** Why a request is reminded: a catalog key under audit.reminder (the audit sentence says it). */
type Reminder = "REPLY" | "STOP_ENDS" | "FREEZE_ENDS";

export interface MoneySweepResult {
  replyOverdue: number;
  stopsEnding: number;
  freezesEnding: number;
}

interface Step {
  reminder: Reminder;
  notification: NotificationKind;
  /** reply_reminded_at or expiry_reminded_at. */
  mark: Prisma.Sql;
  /** Which requests are due (on bank_request aliased `r`), beside `mark IS NULL`. */
  due: Prisma.Sql;
  order: Prisma.Sql;
  /** The bank's liaisons hear of it too (a reply overdue at their desk). */
  desk: boolean;
}

/** Requests still in play: a CANCELLED or REFUSED freeze or renewal silences nothing. */
const LIVE = Prisma.sql`('AWAITING_APPROVAL', 'SENT', 'ACCEPTED', 'COMPLETED')`;

async function remind(step: Step, now: Date, jobId: string | null, limit: number): Promise<number> {
  const { mark } = step;
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    WITH due AS (
      UPDATE bank_request b SET ${mark} = ${now}
      WHERE b.id = ANY(ARRAY(
        SELECT r.id FROM bank_request r
        WHERE r.${mark} IS NULL AND ${step.due}
        ORDER BY ${step.order} LIMIT ${limit} FOR UPDATE OF r SKIP LOCKED))
        AND b.${mark} IS NULL
      RETURNING b.id, b.city_id, b.kind, b.filed_by_id, b.via_desk, b.bank_id
    ), audit AS (
      INSERT INTO audit_event (at, city_id, action, entity_type, entity_id, outcome, request_id, details)
      SELECT ${now}, city_id, 'bankRequest.remind', 'bank_request', id::text, 'SUCCESS', ${jobId}, jsonb_build_object('kind', kind::text, 'reminder', ${step.reminder}::text) FROM due
    ), notes AS (
      INSERT INTO notification (city_id, user_id, kind, bank_request_id, created_at)
      SELECT d.city_id, who.id, ${step.notification}::"NotificationKind", d.id, ${now} FROM due d
      CROSS JOIN LATERAL (
        SELECT u.id FROM app_user u WHERE u.id = d.filed_by_id AND u.status = 'ACTIVE'
        UNION
        SELECT u.id FROM app_user u WHERE u.unit_id = d.city_id AND u.role = 'SUPERVISOR' AND u.status = 'ACTIVE'
        UNION
        SELECT u.id FROM app_user u JOIN org_unit o ON o.id = u.unit_id AND o.city_id = d.city_id
        WHERE ${step.desk} AND d.via_desk AND u.bank_id = d.bank_id AND u.role = 'BANK_LIAISON' AND u.status = 'ACTIVE'
      ) who
    )
    SELECT count(*) AS n FROM due`;
  return Number(rows[0]?.n ?? 0);
}

/** Past its reply-by time and still unanswered (超时): the filer, the supervisors, the bank's desk. */
const replyOverdue = (now: Date): Step => ({
  reminder: "REPLY",
  notification: "BANK_REQUEST_TIMED_OUT",
  mark: Prisma.sql`reply_reminded_at`,
  due: Prisma.sql`r.status IN ('SENT', 'ACCEPTED') AND r.reply_by <= ${now}`,
  order: Prisma.sql`r.reply_by`,
  desk: true,
});

/** A stop that took effect ends within 6 h and no freeze of its money was filed since (先止付、后冻结). */
const stopEnding = (now: Date): Step => ({
  reminder: "STOP_ENDS",
  notification: "STOP_EXPIRING",
  mark: Prisma.sql`expiry_reminded_at`,
  due: Prisma.sql`r.status = 'COMPLETED' AND r.kind = 'STOP' AND r.result_fen > 0
    AND r.ends_at > ${now} AND r.ends_at <= ${stopReminderHorizon(now)}
    AND NOT EXISTS (SELECT 1 FROM bank_request f WHERE f.transfer_id = r.transfer_id AND f.kind = 'FREEZE'
      AND f.status IN ${LIVE} AND f.filed_at >= r.filed_at)`,
  order: Prisma.sql`r.ends_at`,
  desk: false,
});

/** A freeze or renewal ends within 7 days (it lapses unless renewed) and no renewal or unfreeze was filed after it. */
const freezeEnding = (now: Date): Step => ({
  reminder: "FREEZE_ENDS",
  notification: "FREEZE_EXPIRING",
  mark: Prisma.sql`expiry_reminded_at`,
  due: Prisma.sql`r.status = 'COMPLETED' AND r.kind IN ('FREEZE', 'RENEW') AND r.result_fen > 0
    AND r.ends_at > ${now} AND r.ends_at <= ${freezeReminderHorizon(now)}
    AND NOT EXISTS (SELECT 1 FROM bank_request n WHERE n.transfer_id = r.transfer_id AND n.kind IN ('RENEW', 'UNFREEZE')
      AND n.status IN ${LIVE} AND n.filed_at > r.filed_at)`,
  order: Prisma.sql`r.ends_at`,
  desk: false,
});

/** One sweep at `now` (a parameter, so tests run it with a fake clock). */
export async function sweepMoney(now: Date = new Date(), jobId: string | null = null, limit = 5000): Promise<MoneySweepResult> {
  const replyOverdueCount = await remind(replyOverdue(now), now, jobId, limit);
  const stopsEnding = await remind(stopEnding(now), now, jobId, limit);
  const freezesEnding = await remind(freezeEnding(now), now, jobId, limit);
  return { replyOverdue: replyOverdueCount, stopsEnding, freezesEnding };
}

/** The worker's job (lib/server/jobs/registry.ts): every 30 s, like the supervision sweep. */
export const moneySweepJob: JobDefinition = {
  name: "money-sweep",
  everySeconds: 30,
  run: async ({ now, jobId }) => ({ ...(await sweepMoney(now, jobId)) }),
};
