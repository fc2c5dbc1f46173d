import "server-only";
import { db } from "@/lib/db";
import type { BankRequestKind, BankRequestStatus } from "@/prisma/generated/client/enums";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { bankRequestScope } from "@/lib/auth/permissions";
import { ForbiddenError } from "@/lib/errors";
import { displayStatus } from "@/lib/cases/bank-request-state";
import { minutesBetween } from "@/lib/cases/request-clock";
import { shanghaiDay, shanghaiDayStart } from "@/lib/time";

/** One request at the desk, as the liaison sees it: the account masked, the clocks as read now. */
export interface DeskRequest {
  id: string;
  kind: BankRequestKind;
  /** With 超时 derived (a key under `money.status.`). */
  status: BankRequestStatus | "TIMED_OUT";
  amountFen: bigint;
  /** "****1234": the last four only. */
  accountMasked: string;
  institution: string;
  /** When the money left (the transfer), or for a protective stop when it was filed: the clock that matters to the victim. */
  since: string;
  minutesSince: number;
  replyBy: string;
  /** Negative once past reply-by. */
  minutesToReplyBy: number;
  answeredAt: string | null;
}

export interface BankDesk {
  bankName: string;
  open: DeskRequest[];
  answeredToday: DeskRequest[];
}

const DESK_SELECT = {
  id: true,
  kind: true,
  status: true,
  amountFen: true,
  accountLast4: true,
  filedAt: true,
  replyBy: true,
  answeredAt: true,
  bank: { select: { name: true } },
  transfer: { select: { transferredAt: true } },
} as const;

/**
 * The bank liaison's desk: the open requests sent to their bank in their city (bankRequestScope),
 * most urgent first — ordering by reply-by puts the timed-out ones first, then the nearest — and
 * the ones answered today (Shanghai day). The clocks are computed here when read; the page ticks
 * them on from there.
 */
export async function getBankDesk(actor: Actor, now = new Date()): Promise<BankDesk> {
  await assertCan(actor, "bankDesk.read");
  if (!actor.bankId) throw new ForbiddenError();
  const scope = bankRequestScope(actor);
  const [bank, open, answered] = await Promise.all([
    db.bank.findUniqueOrThrow({ where: { id: actor.bankId }, select: { name: true } }),
    db.bankRequest.findMany({ where: { AND: [scope, { status: { in: ["SENT", "ACCEPTED"] } }] }, orderBy: [{ replyBy: "asc" }, { filedAt: "asc" }], select: DESK_SELECT }),
    db.bankRequest.findMany({
      where: { AND: [scope, { status: { in: ["COMPLETED", "REFUSED"] }, answeredAt: { gte: shanghaiDayStart(shanghaiDay(now)) } }] },
      orderBy: { answeredAt: "desc" },
      select: DESK_SELECT,
    }),
  ]);
  const toDto = (r: (typeof open)[number]): DeskRequest => {
    const since = r.transfer?.transferredAt ?? r.filedAt;
    return {
      id: r.id,
      kind: r.kind,
      status: displayStatus(r, now),
      amountFen: r.amountFen,
      accountMasked: `****${r.accountLast4}`,
      institution: r.bank.name,
      since: since.toISOString(),
      minutesSince: minutesBetween(since, now),
      replyBy: r.replyBy.toISOString(),
      minutesToReplyBy: minutesBetween(now, r.replyBy),
      answeredAt: r.answeredAt?.toISOString() ?? null,
    };
  };
  return { bankName: bank.name, open: open.map(toDto), answeredToday: answered.map(toDto) };
}
