// The money workflow's reminders with a fake clock (sweepMoney(now), and the job through
// runJobNow): a request past its reply-by, a stop nearing its 48 h with no freeze filed, a freeze
// nearing its end — each reminded once, with one audit row, also when two workers sweep at once;
// a freeze filed silences the stop's reminder.
import { beforeAll, describe, expect, it } from "vitest";
process.env.DB_POOL_SIZE = "20";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { NotificationKind } from "@/prisma/generated/client/enums";
import { sweepMoney } from "@/lib/server/bank-requests/sweep-money";
import { runJobNow } from "@/lib/server/jobs/run-job-now";
import { openTestDatabase } from "../../support/test-database";
import { signInAs } from "../../support/actors";
import { moneyAt } from "../../support/money-factory";

await openTestDatabase("demo");

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let analyst: Actor;
let leader: Actor;
let liaison: Actor;

beforeAll(async () => {
  analyst = await signInAs("analyst1");
  leader = await signInAs("leader");
  liaison = await signInAs("bank.icbc");
});

const at = (d: Date, ms: number) => new Date(d.getTime() + ms);

/** Who was notified of `kind` on the request, and how many times each. */
async function notified(requestId: string, kind: NotificationKind): Promise<Map<string, number>> {
  const rows = await db.notification.groupBy({ by: ["userId"], where: { bankRequestId: requestId, kind }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.userId, r._count._all]));
}

const reminders = (requestId: string) => db.auditEvent.findMany({ where: { action: "bankRequest.remind", entityId: requestId }, select: { actorId: true, details: true } });

/** Two workers at the same moment. */
const sweepTwice = (now: Date) => Promise.all([runJobNow("money-sweep", { now }), runJobNow("money-sweep", { now })]);

describe("the money sweep", () => {
  it("reminds a request past its reply-by once: the filer, the supervisors and the bank's desk", async () => {
    const stop = await moneyAt("stopSent");
    const { replyBy } = await db.bankRequest.findUniqueOrThrow({ where: { id: stop.requestId }, select: { replyBy: true } });

    await sweepMoney(at(replyBy, -1000));
    expect(await reminders(stop.requestId)).toEqual([]);

    const now = at(replyBy, 1000);
    await sweepTwice(now);
    const to = await notified(stop.requestId, "BANK_REQUEST_TIMED_OUT");
    expect(to.get(analyst.userId)).toBe(1);
    expect(to.get(leader.userId)).toBe(1);
    expect(to.get(liaison.userId)).toBe(1);
    expect([...to.values()].every((n) => n === 1)).toBe(true);
    expect(await reminders(stop.requestId)).toEqual([{ actorId: null, details: { kind: "STOP", reminder: "REPLY" } }]);
    expect((await db.bankRequest.findUniqueOrThrow({ where: { id: stop.requestId }, select: { replyRemindedAt: true } })).replyRemindedAt).toEqual(now);

    await sweepMoney(at(now, HOUR));
    expect((await notified(stop.requestId, "BANK_REQUEST_TIMED_OUT")).get(analyst.userId)).toBe(1);
  });

  it("reminds a stop 6 h before its 48 h end with no freeze filed, once, to the filer and the supervisors", async () => {
    const stop = await moneyAt("stopped");
    const { endsAt } = await db.bankRequest.findUniqueOrThrow({ where: { id: stop.requestId }, select: { endsAt: true } });

    await sweepMoney(at(endsAt!, -6 * HOUR - 1000));
    expect(await notified(stop.requestId, "STOP_EXPIRING")).toEqual(new Map());

    const now = at(endsAt!, -6 * HOUR + 1000);
    await sweepTwice(now);
    const to = await notified(stop.requestId, "STOP_EXPIRING");
    expect(to.get(analyst.userId)).toBe(1);
    expect(to.get(leader.userId)).toBe(1);
    expect(to.has(liaison.userId)).toBe(false);
    expect(await reminders(stop.requestId)).toEqual([{ actorId: null, details: { kind: "STOP", reminder: "STOP_ENDS" } }]);

    await sweepMoney(at(now, HOUR));
    expect((await notified(stop.requestId, "STOP_EXPIRING")).get(analyst.userId)).toBe(1);
  });

  it("says nothing of a stop whose money has a freeze filed", async () => {
    const stop = { requestId: (await moneyAt("freezeAwaitingApproval")).stopRequestId };
    const { endsAt } = await db.bankRequest.findUniqueOrThrow({ where: { id: stop.requestId }, select: { endsAt: true } });

    await sweepMoney(at(endsAt!, -HOUR));
    expect(await notified(stop.requestId, "STOP_EXPIRING")).toEqual(new Map());
    expect((await db.bankRequest.findUniqueOrThrow({ where: { id: stop.requestId }, select: { expiryRemindedAt: true } })).expiryRemindedAt).toBeNull();
  });

  it("reminds a freeze 7 days before it lapses, once", async () => {
    const frozen = await moneyAt("frozen");
    const stop = { requestId: frozen.stopRequestId };
    const freezeId = frozen.requestId;
    const { endsAt } = await db.bankRequest.findUniqueOrThrow({ where: { id: freezeId }, select: { endsAt: true } });

    await sweepMoney(at(endsAt!, -7 * DAY - 1000));
    expect(await notified(freezeId, "FREEZE_EXPIRING")).toEqual(new Map());

    const now = at(endsAt!, -7 * DAY + 1000);
    await sweepTwice(now);
    const to = await notified(freezeId, "FREEZE_EXPIRING");
    expect(to.get(analyst.userId)).toBe(1);
    expect(to.get(leader.userId)).toBe(1);
    expect(await reminders(freezeId)).toEqual([{ actorId: null, details: { kind: "FREEZE", reminder: "FREEZE_ENDS" } }]);
    // The stop on the same money ended months before: nothing to say of it.
    expect(await notified(stop.requestId, "STOP_EXPIRING")).toEqual(new Map());
  });
});
