import { describe, expect, it } from "vitest";
import { checkRequestTransition, displayStatus, isTimedOut, offeredRequestActions, type BankRequestAction, type RequestRelations } from "@/lib/cases/bank-request-state";
import type { BankRequestKind, BankRequestStatus } from "@/prisma/generated/client/enums";

const nobody: RequestRelations = { filer: false, supervisor: false, answerer: false };
const filer: RequestRelations = { ...nobody, filer: true };
const supervisor: RequestRelations = { ...nobody, supervisor: true };
const filingSupervisor: RequestRelations = { filer: true, supervisor: true, answerer: false };
const desk: RequestRelations = { ...nobody, answerer: true };

// [status, kind, action, relations, expected]
const TABLE: [BankRequestStatus, BankRequestKind, BankRequestAction, RequestRelations, string | null][] = [
  ["AWAITING_APPROVAL", "FREEZE", "approve", supervisor, null],
  ["AWAITING_APPROVAL", "FREEZE", "approve", filingSupervisor, "selfApproval"],
  ["AWAITING_APPROVAL", "FREEZE", "approve", desk, "invalidTransition"],
  ["SENT", "STOP", "approve", supervisor, "notAwaitingApproval"],
  ["AWAITING_APPROVAL", "FREEZE", "accept", desk, "invalidTransition"],
  ["AWAITING_APPROVAL", "RETURN", "answer", desk, "invalidTransition"],
  ["AWAITING_APPROVAL", "FREEZE", "cancel", filer, null],
  ["SENT", "STOP", "accept", desk, null],
  ["SENT", "STOP", "accept", supervisor, "notAnswerer"],
  ["SENT", "STOP", "answer", desk, null],
  ["ACCEPTED", "STOP", "answer", desk, null],
  ["ACCEPTED", "STOP", "accept", desk, "invalidTransition"],
  ["SENT", "STOP", "refuse", desk, null],
  ["SENT", "STOP", "cancel", filer, null],
  ["SENT", "STOP", "cancel", desk, "notFiler"],
  ["ACCEPTED", "STOP", "cancel", filer, "invalidTransition"],
  ["SENT", "RETURN", "recordReturn", desk, "invalidTransition"],
  ["ACCEPTED", "RETURN", "recordReturn", desk, null],
  ["ACCEPTED", "RETURN", "recordReturn", filer, "notAnswerer"],
  ["ACCEPTED", "STOP", "recordReturn", desk, "invalidTransition"],
  ["SENT", "RETURN", "answer", desk, "invalidTransition"],
  ["ACCEPTED", "RETURN", "answer", desk, null],
  ["COMPLETED", "STOP", "answer", desk, "requestClosed"],
  ["REFUSED", "STOP", "accept", desk, "requestClosed"],
  ["CANCELLED", "FREEZE", "approve", supervisor, "requestClosed"],
];

describe("the state machine of a request to a bank", () => {
  it.each(TABLE)("%s %s: %s → %s", (status, kind, action, rel, expected) => {
    expect(checkRequestTransition({ status, kind }, action, rel)).toBe(expected);
  });

  it("offers a stop's desk accept, answer and refuse; the filer only cancel", () => {
    expect([...offeredRequestActions({ status: "SENT", kind: "STOP" }, desk)].sort()).toEqual(["accept", "answer", "refuse"]);
    expect([...offeredRequestActions({ status: "SENT", kind: "STOP" }, filer)]).toEqual(["cancel"]);
  });

  it("says 超时 for an open request past its reply-by, and only then", () => {
    const now = new Date("2026-12-03T08:00:00Z");
    const due = new Date("2026-12-03T07:59:59Z");
    expect(isTimedOut({ status: "SENT", replyBy: due }, now)).toBe(true);
    expect(isTimedOut({ status: "ACCEPTED", replyBy: due }, now)).toBe(true);
    expect(isTimedOut({ status: "COMPLETED", replyBy: due }, now)).toBe(false);
    expect(isTimedOut({ status: "AWAITING_APPROVAL", replyBy: due }, now)).toBe(false);
    expect(displayStatus({ status: "SENT", replyBy: new Date("2026-12-03T08:00:01Z") }, now)).toBe("SENT");
    expect(displayStatus({ status: "SENT", replyBy: due }, now)).toBe("TIMED_OUT");
  });
});
