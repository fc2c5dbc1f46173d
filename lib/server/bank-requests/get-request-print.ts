import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { maskName } from "@/lib/pii/mask";
import { vault } from "@/lib/server/pii/vault";
import type { BankRequestKind, BankRequestStatus, ReturnMode } from "@/prisma/generated/client/enums";
import { findBankRequestInScope } from "./find-bank-request-in-scope";

/** One victim's share of a pro-rata return, as printed on the decision. */
export interface PrintShare {
  transferId: string;
  lossFen: bigint;
  shareFen: bigint;
}

/**
 * What the printed request to a bank says (紧急止付申请, 冻结/续冻/解冻通知, 返还决定): masked
 * account and holder only — a print with the full values comes from revealing them with an
 * audited reason (reveal-request-account.ts), in that response alone.
 */
export interface RequestPrint {
  id: string;
  kind: BankRequestKind;
  status: BankRequestStatus;
  bankName: string;
  accountMasked: string;
  holderMasked: string | null;
  amountFen: bigint;
  filedAt: Date;
  filedByName: string | null;
  replyBy: Date;
  case: { id: string; caseNumber: string | null } | null;
  /** The transfer the request is about (none for a protective stop). */
  transferredAt: Date | null;
  transferAmountFen: bigint | null;
  noticeNumber: string | null;
  termMonths: number | null;
  approvedAt: Date | null;
  approvedByName: string | null;
  returnMode: ReturnMode | null;
  returnToMasked: string | null;
  shares: PrintShare[];
}

/** The request as printed, inside the actor's jurisdiction (bankRequestScope); outside it, not found. */
export async function getRequestPrint(actor: Actor, requestId: string): Promise<RequestPrint> {
  await assertCan(actor, "bankRequest.read", { type: "bank_request", id: requestId });
  const r = await findBankRequestInScope(actor, requestId, "bankRequest.read", {
    id: true,
    kind: true,
    status: true,
    accountLast4: true,
    holderSealed: true,
    amountFen: true,
    filedAt: true,
    filedById: true,
    replyBy: true,
    noticeNumber: true,
    termMonths: true,
    approvedAt: true,
    approvedById: true,
    returnMode: true,
    returnToLast4: true,
    shares: true,
    bank: { select: { name: true } },
    fraudCase: { select: { id: true, caseNumber: true } },
    transfer: { select: { transferredAt: true, amountFen: true } },
  });
  const userIds = [r.filedById, r.approvedById].filter((id): id is string => id !== null);
  const names = new Map((await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]));
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    bankName: r.bank.name,
    accountMasked: lastFour(r.accountLast4),
    // The holder is sealed whole; it is opened here only to be masked (张*明), never passed on in full.
    holderMasked: r.holderSealed ? maskName(vault().open("accountHolder", r.holderSealed)) : null,
    amountFen: r.amountFen,
    filedAt: r.filedAt,
    filedByName: names.get(r.filedById) ?? null,
    replyBy: r.replyBy,
    case: r.fraudCase,
    transferredAt: r.transfer?.transferredAt ?? null,
    transferAmountFen: r.transfer?.amountFen ?? null,
    noticeNumber: r.noticeNumber,
    termMonths: r.termMonths,
    approvedAt: r.approvedAt,
    approvedByName: r.approvedById ? (names.get(r.approvedById) ?? null) : null,
    returnMode: r.returnMode,
    returnToMasked: r.returnToLast4 ? lastFour(r.returnToLast4) : null,
    shares: parseShares(r.shares),
  };
}

/** A bank account as masks show it (****1234), from the last four kept in clear. */
function lastFour(last4: string): string {
  return `****${last4}`;
}

function parseShares(value: unknown): PrintShare[] {
  if (!Array.isArray(value)) return [];
  return value.map((s: { transferId: string; lossFen: string; shareFen: string }) => ({ transferId: s.transferId, lossFen: BigInt(s.lossFen), shareFen: BigInt(s.shareFen) }));
}
