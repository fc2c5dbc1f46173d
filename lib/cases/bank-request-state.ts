// The state machine of a request to a bank (止付、冻结、续冻、解冻、返还、保护性止付). Pure and
// table-tested; pages ask `offeredRequestActions` what to show.
//
//   AWAITING_APPROVAL ──approve──▶ SENT ──accept──▶ ACCEPTED ──answer──▶ COMPLETED
//          │                        │                  │   └──refuse──▶ REFUSED
//          └──────cancel────────────┴──────────────────┘ (the filer, before an answer) ──▶ CANCELLED
//
// A stop never waits: it is SENT when filed. Freeze, renew, unfreeze and return wait for a
// supervisor other than the filer. The bank's desk accepts and answers requests sent to it; when
// the bank has no desk in the center (viaDesk false) the request went outside the console and an
// analyst or supervisor records the bank's answer. Returns are entered one by one while ACCEPTED
// (several are allowed); `answer` then closes the return request. Timed out (超时) is not a state:
// SENT or ACCEPTED past the reply-by time (`isTimedOut`).
import type { BankRequestKind, BankRequestStatus } from "@/prisma/generated/client/enums";

export type BankRequestAction = "approve" | "accept" | "answer" | "refuse" | "recordReturn" | "cancel";

export type BankRequestRefusal = "requestClosed" | "selfApproval" | "notAwaitingApproval" | "notAnswerer" | "notFiler" | "invalidTransition";

export const OPEN_REQUEST_STATUSES: readonly BankRequestStatus[] = ["AWAITING_APPROVAL", "SENT", "ACCEPTED"];

/** Kinds that go out only with a supervisor's approval (the police head's signed notice or decision). */
export const APPROVED_KINDS: readonly BankRequestKind[] = ["FREEZE", "RENEW", "UNFREEZE", "RETURN"];

export function needsApproval(kind: BankRequestKind): boolean {
  return APPROVED_KINDS.includes(kind);
}

/** How the actor stands to the request (derived by the server from the actor and the row). */
export interface RequestRelations {
  /** Filed it. */
  filer: boolean;
  /** A supervisor of the request's city. */
  supervisor: boolean;
  /** Answers for the bank: its desk's liaison (via the desk), or city staff for a request sent outside the console. */
  answerer: boolean;
}

export function checkRequestTransition(
  request: { status: BankRequestStatus; kind: BankRequestKind },
  action: BankRequestAction,
  rel: RequestRelations,
): BankRequestRefusal | null {
  const open = OPEN_REQUEST_STATUSES.includes(request.status);
  if (!open) return "requestClosed";
  switch (action) {
    case "approve":
      if (request.status !== "AWAITING_APPROVAL") return "notAwaitingApproval";
      if (!rel.supervisor) return "invalidTransition";
      return rel.filer ? "selfApproval" : null;
    case "cancel":
      if (!rel.filer) return "notFiler";
      return request.status === "ACCEPTED" ? "invalidTransition" : null;
    case "accept":
      if (!rel.answerer) return "notAnswerer";
      return request.status === "SENT" ? null : "invalidTransition";
    case "answer":
    case "refuse":
      if (!rel.answerer) return "notAnswerer";
      if (request.status === "AWAITING_APPROVAL") return "invalidTransition";
      // A return closes after its entries; every other kind is answered once.
      if (action === "answer" && request.kind === "RETURN" && request.status !== "ACCEPTED") return "invalidTransition";
      return null;
    case "recordReturn":
      if (!rel.answerer) return "notAnswerer";
      return request.kind === "RETURN" && request.status === "ACCEPTED" ? null : "invalidTransition";
  }
}

const ACTIONS: readonly BankRequestAction[] = ["approve", "accept", "answer", "refuse", "recordReturn", "cancel"];

export function offeredRequestActions(request: { status: BankRequestStatus; kind: BankRequestKind }, rel: RequestRelations): Set<BankRequestAction> {
  return new Set(ACTIONS.filter((a) => checkRequestTransition(request, a, rel) === null));
}

/** SENT or ACCEPTED past its reply-by time: 超时, computed when read. */
export function isTimedOut(request: { status: BankRequestStatus; replyBy: Date }, now: Date): boolean {
  return (request.status === "SENT" || request.status === "ACCEPTED") && request.replyBy <= now;
}

/** The status as the users say it, with 超时 derived (a catalog key under `bankRequestStatus.`). */
export function displayStatus(request: { status: BankRequestStatus; replyBy: Date }, now: Date): BankRequestStatus | "TIMED_OUT" {
  return isTimedOut(request, now) ? "TIMED_OUT" : request.status;
}
