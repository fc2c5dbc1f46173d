import "server-only";
import { listInstitutions, type InstitutionOption } from "./list-institutions";
import { db } from "@/lib/db";
import type { BankRequestKind, BankRequestStatus, ReturnMode } from "@/prisma/generated/client/enums";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { bankRequestScope, can } from "@/lib/auth/permissions";
import { displayStatus, offeredRequestActions, type BankRequestAction } from "@/lib/cases/bank-request-state";
import { minutesBetween } from "@/lib/cases/request-clock";
import { findBankRequestInScope } from "./find-bank-request-in-scope";
import { requestRelationsOf } from "./change-bank-request";

/** Another request of the chain (the one this followed from, or the stops it led to), as far as the reader may see it. */
export interface LinkedRequest {
  id: string;
  kind: BankRequestKind;
  status: BankRequestStatus | "TIMED_OUT";
  institution: string;
  accountMasked: string;
  amountFen: bigint;
}

/**
 * One request to a bank for its page: the bank's liaison (its own bank's) and the center's staff
 * (their jurisdiction's). Accounts are masked ("****1234"; the full number and holder only through
 * the audited reveal); a victim's identity is not here at all. Clocks are computed when read.
 */
export interface BankRequestDetail {
  id: string;
  version: number;
  kind: BankRequestKind;
  status: BankRequestStatus | "TIMED_OUT";
  viaDesk: boolean;
  institution: string;
  accountMasked: string;
  hasHolder: boolean;
  amountFen: bigint;
  termMonths: number | null;
  caseId: string | null;
  transfer: { level: number; amountFen: bigint; transferredAt: string } | null;
  /** When the money left (or, for a protective stop, when it was filed). */
  since: string;
  minutesSince: number;
  filedAt: string;
  replyBy: string;
  minutesToReplyBy: number;
  /** Whether the reply-by clock still runs (SENT or ACCEPTED). */
  awaitingReply: boolean;
  approval: { noticeNumber: string | null; approvedAt: string | null; returnMode: ReturnMode | null; returnToMasked: string | null };
  shares: { transferId: string; lossFen: bigint; shareFen: bigint }[];
  acceptedAt: string | null;
  answer: {
    answeredAt: string;
    resultFen: bigint | null;
    balanceFen: bigint | null;
    effectiveAt: string | null;
    /** The end of a stop (48 h) or freeze (its term). */
    endsAt: string | null;
    earlierFreezes: { amountFen: bigint; until: string; by: string }[];
    note: string | null;
  } | null;
  returns: { id: string; amountFen: bigint; returnedOn: string; receiptNumber: string; recordedAt: string }[];
  parent: LinkedRequest | null;
  followOns: LinkedRequest[];
  /** What this reader may do now (the state machine, given how the reader stands to the request). */
  offered: BankRequestAction[];
  mayReveal: boolean;
  /** The institutions a stop's answer may name for the next accounts (only when that answer is offered). */
  institutions: InstitutionOption[];
}

const LINKED_SELECT = { id: true, kind: true, status: true, replyBy: true, amountFen: true, accountLast4: true, bank: { select: { name: true } } } as const;

const DETAIL_SELECT = {
  id: true,
  version: true,
  kind: true,
  status: true,
  viaDesk: true,
  bankId: true,
  filedById: true,
  accountLast4: true,
  holderSealed: true,
  amountFen: true,
  termMonths: true,
  caseId: true,
  filedAt: true,
  replyBy: true,
  noticeNumber: true,
  approvedAt: true,
  returnMode: true,
  returnToLast4: true,
  shares: true,
  acceptedAt: true,
  answeredAt: true,
  resultFen: true,
  balanceFen: true,
  effectiveAt: true,
  endsAt: true,
  earlierFreezes: true,
  answerNote: true,
  bank: { select: { name: true } },
  transfer: { select: { level: true, amountFen: true, transferredAt: true } },
  returns: { orderBy: { recordedAt: "asc" }, select: { id: true, amountFen: true, returnedOn: true, receiptNumber: true, recordedAt: true } },
  parentRequestId: true,
} as const;

const masked = (last4: string) => `****${last4}`;

/** Outside the reader's jurisdiction or unknown: "not found" (the attempt on an existing one audited). */
export async function getBankRequest(actor: Actor, requestId: string, now = new Date()): Promise<BankRequestDetail> {
  await assertCan(actor, "bankRequest.read", { type: "bank_request", id: requestId });
  const r = await findBankRequestInScope(actor, requestId, "bankRequest.read", DETAIL_SELECT);
  const scope = bankRequestScope(actor);
  const [parent, children] = await Promise.all([
    r.parentRequestId ? db.bankRequest.findFirst({ where: { AND: [{ id: r.parentRequestId }, scope] }, select: LINKED_SELECT }) : null,
    db.bankRequest.findMany({ where: { AND: [{ parentRequestId: r.id }, scope] }, orderBy: { filedAt: "asc" }, select: LINKED_SELECT }),
  ]);
  const linked = (l: NonNullable<typeof parent>): LinkedRequest => ({
    id: l.id,
    kind: l.kind,
    status: displayStatus(l, now),
    institution: l.bank.name,
    accountMasked: masked(l.accountLast4),
    amountFen: l.amountFen,
  });
  const offered = [...offeredRequestActions(r, requestRelationsOf(actor, r))];
  const since = r.transfer?.transferredAt ?? r.filedAt;
  const answersStop = offered.includes("answer") && r.kind === "STOP";
  const institutions = answersStop ? await listInstitutions() : [];
  const shares = (Array.isArray(r.shares) ? r.shares : []) as { transferId: string; lossFen: string; shareFen: string }[];
  const earlier = (Array.isArray(r.earlierFreezes) ? r.earlierFreezes : []) as { amountFen: string; until: string; by: string }[];
  return {
    id: r.id,
    version: r.version,
    kind: r.kind,
    status: displayStatus(r, now),
    viaDesk: r.viaDesk,
    institution: r.bank.name,
    accountMasked: masked(r.accountLast4),
    hasHolder: r.holderSealed !== null,
    amountFen: r.amountFen,
    termMonths: r.termMonths,
    // The case is the center's: a bank's liaison does not follow it.
    caseId: can(actor, "case.read") ? r.caseId : null,
    transfer: r.transfer ? { level: r.transfer.level, amountFen: r.transfer.amountFen, transferredAt: r.transfer.transferredAt.toISOString() } : null,
    since: since.toISOString(),
    minutesSince: minutesBetween(since, now),
    filedAt: r.filedAt.toISOString(),
    replyBy: r.replyBy.toISOString(),
    minutesToReplyBy: minutesBetween(now, r.replyBy),
    awaitingReply: r.status === "SENT" || r.status === "ACCEPTED",
    approval: { noticeNumber: r.noticeNumber, approvedAt: r.approvedAt?.toISOString() ?? null, returnMode: r.returnMode, returnToMasked: r.returnToLast4 ? masked(r.returnToLast4) : null },
    shares: shares.map((s) => ({ transferId: s.transferId, lossFen: BigInt(s.lossFen), shareFen: BigInt(s.shareFen) })),
    acceptedAt: r.acceptedAt?.toISOString() ?? null,
    answer: r.answeredAt
      ? {
          answeredAt: r.answeredAt.toISOString(),
          resultFen: r.resultFen,
          balanceFen: r.balanceFen,
          effectiveAt: r.effectiveAt?.toISOString() ?? null,
          endsAt: r.endsAt?.toISOString() ?? null,
          earlierFreezes: earlier.map((f) => ({ amountFen: BigInt(f.amountFen), until: f.until, by: f.by })),
          note: r.answerNote,
        }
      : null,
    returns: r.returns.map((x) => ({ id: x.id, amountFen: x.amountFen, returnedOn: x.returnedOn.toISOString().slice(0, 10), receiptNumber: x.receiptNumber, recordedAt: x.recordedAt.toISOString() })),
    parent: parent ? linked(parent) : null,
    followOns: children.map(linked),
    offered,
    mayReveal: can(actor, "bankRequest.revealAccount"),
    institutions,
  };
}
