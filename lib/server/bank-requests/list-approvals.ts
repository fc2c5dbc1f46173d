import "server-only";
import { db } from "@/lib/db";
import type { BankRequestKind } from "@/prisma/generated/client/enums";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { bankRequestScope } from "@/lib/auth/permissions";
import { minutesBetween } from "@/lib/cases/request-clock";

export interface ApprovalItem {
  id: string;
  kind: BankRequestKind;
  amountFen: string;
  termMonths: number | null;
  bankName: string;
  account: string;
  caseId: string | null;
  caseNumber: string | null;
  filedByName: string;
  filedAt: string;
  minutesWaiting: number;
}

/** A supervisor's desk is never this long; more means something else is wrong. */
const LIMIT = 300;

/**
 * What waits for a supervisor's signature in their city (冻结、续冻、解冻、返还), the longest waiting
 * first. The approval itself is on the request's page.
 */
export async function listApprovals(actor: Actor, now = new Date()): Promise<ApprovalItem[]> {
  await assertCan(actor, "case.approve");
  const rows = await db.bankRequest.findMany({
    where: { AND: [bankRequestScope(actor), { status: "AWAITING_APPROVAL" }] },
    orderBy: [{ filedAt: "asc" }, { id: "asc" }],
    take: LIMIT,
    select: {
      id: true,
      kind: true,
      amountFen: true,
      termMonths: true,
      accountLast4: true,
      filedAt: true,
      filedById: true,
      bank: { select: { shortName: true } },
      fraudCase: { select: { id: true, caseNumber: true } },
    },
  });
  // The filer has no relation on the request row: one look-up for all of them.
  const filers = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.filedById))] } }, select: { id: true, displayName: true } });
  const nameOf = new Map(filers.map((u) => [u.id, u.displayName]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    amountFen: r.amountFen.toString(),
    termMonths: r.termMonths,
    bankName: r.bank.shortName,
    account: `****${r.accountLast4}`,
    caseId: r.fraudCase?.id ?? null,
    caseNumber: r.fraudCase?.caseNumber ?? null,
    filedByName: nameOf.get(r.filedById) ?? "",
    filedAt: r.filedAt.toISOString(),
    minutesWaiting: Math.max(0, minutesBetween(r.filedAt, now)),
  }));
}
