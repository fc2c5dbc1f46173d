import { describe, expect, it } from "vitest";
import { checkTransition, offeredActions, type TriageAction } from "@/lib/alerts/alert-state";

const ME = "me";
const OTHER = "other";
const NEW = { status: "NEW" as const, assigneeId: null };
const MINE = { status: "CLAIMED" as const, assigneeId: ME };
const THEIRS = { status: "CLAIMED" as const, assigneeId: OTHER };
const CLOSED = { status: "CLOSED" as const, assigneeId: ME };
const JOINED = { status: "JOINED" as const, assigneeId: null };

// Expected answers written out as a table: state × action.
const TABLE: Record<TriageAction, [string | null, string | null, string | null, string | null, string | null]> = {
  //               NEW                  MINE   THEIRS            CLOSED         JOINED
  claim:           [null,               null,  "alreadyClaimed", "alertClosed", "invalidTransition"],
  release:         ["invalidTransition", null, "notHolder",      "alertClosed", "invalidTransition"],
  attempt:         ["invalidTransition", null, "notHolder",      "alertClosed", "invalidTransition"],
  close:           ["invalidTransition", null, "notHolder",      "alertClosed", "invalidTransition"],
  changeRisk:      [null,               null,  "notHolder",      "alertClosed", "invalidTransition"],
  setJurisdiction: [null,               null,  "notHolder",      "alertClosed", "invalidTransition"],
  comment:         [null,               null,  null,             null,          "invalidTransition"],
};

describe("alert state machine", () => {
  for (const [action, expected] of Object.entries(TABLE) as [TriageAction, (string | null)[]][]) {
    it(`${action}`, () => {
      expect([NEW, MINE, THEIRS, CLOSED, JOINED].map((a) => checkTransition(a, action, ME))).toEqual(expected);
    });
  }
});

describe("actions offered on the alert page", () => {
  it("follow the state machine, without a claim of an alert one already holds", () => {
    const offered = (a: { status: "NEW" | "CLAIMED" | "CLOSED" | "JOINED"; assigneeId: string | null }) => [...offeredActions(a, ME)].sort();
    expect(offered(NEW)).toEqual(["changeRisk", "claim", "comment", "setJurisdiction"]);
    expect(offered(MINE)).toEqual(["attempt", "changeRisk", "close", "comment", "release", "setJurisdiction"]);
    expect(offered(THEIRS)).toEqual(["comment"]);
    expect(offered(CLOSED)).toEqual(["comment"]);
    expect(offered(JOINED)).toEqual([]);
  });

  it("never offers what checkTransition refuses", () => {
    for (const state of [NEW, MINE, THEIRS, CLOSED, JOINED]) {
      for (const action of offeredActions(state, ME)) expect(checkTransition(state, action, ME)).toBeNull();
    }
  });
});
