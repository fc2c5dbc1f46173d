import { describe, expect, it } from "vitest";
import type { InstructionStatus } from "@/prisma/generated/client/enums";
import {
  checkInstructionTransition,
  offeredInstructionActions,
  type InstructionAction,
  type InstructionRelations,
} from "@/lib/instructions/instruction-state";

const STATUSES: InstructionStatus[] = ["AT_DISTRICT", "AT_STATION", "SIGNED_OFF", "ON_SITE", "REPORTED", "DECLINED", "CLOSED", "CANCELLED"];
const ISSUER: InstructionRelations = { issuer: true, district: false, station: false };
const DISTRICT: InstructionRelations = { issuer: false, district: true, station: false };
const STATION: InstructionRelations = { issuer: false, district: false, station: true };
const NOBODY: InstructionRelations = { issuer: false, district: false, station: false };

// Written out independently of the rules: for each step, the statuses it starts from (✓) for the
// relation that may take it. Every other status is "invalidTransition", closed ones "instructionClosed".
const ALLOWED: Record<InstructionAction, { by: InstructionRelations[]; from: InstructionStatus[] }> = {
  forward: { by: [DISTRICT], from: ["AT_DISTRICT"] },
  reroute: { by: [ISSUER, DISTRICT], from: ["AT_STATION", "DECLINED"] },
  signOff: { by: [STATION], from: ["AT_STATION"] },
  decline: { by: [STATION], from: ["AT_STATION", "SIGNED_OFF"] },
  setTeam: { by: [STATION], from: ["SIGNED_OFF", "ON_SITE"] },
  checkIn: { by: [STATION], from: ["SIGNED_OFF"] },
  visitAttempt: { by: [STATION], from: ["SIGNED_OFF", "ON_SITE"] },
  saveDraft: { by: [STATION], from: ["SIGNED_OFF", "ON_SITE"] },
  report: { by: [STATION], from: ["SIGNED_OFF", "ON_SITE"] },
  close: { by: [ISSUER], from: ["REPORTED"] },
  sendBack: { by: [ISSUER], from: ["REPORTED"] },
  cancel: { by: [ISSUER], from: ["AT_DISTRICT", "AT_STATION", "SIGNED_OFF", "ON_SITE", "DECLINED"] },
  chase: { by: [ISSUER, DISTRICT], from: ["AT_DISTRICT", "AT_STATION", "SIGNED_OFF", "ON_SITE"] },
};

describe("instruction state machine", () => {
  for (const [action, rule] of Object.entries(ALLOWED) as [InstructionAction, (typeof ALLOWED)[InstructionAction]][]) {
    it(`${action}: allowed from its statuses for its relations only`, () => {
      for (const relations of [ISSUER, DISTRICT, STATION, NOBODY]) {
        for (const status of STATUSES) {
          const got = checkInstructionTransition({ status }, action, relations);
          const mayTake = rule.by.includes(relations);
          const expected = !mayTake
            ? "notYourStep"
            : status === "CLOSED" || status === "CANCELLED"
              ? "instructionClosed"
              : rule.from.includes(status)
                ? null
                : "invalidTransition";
          expect(got, `${action} from ${status} as ${JSON.stringify(relations)}`).toBe(expected);
        }
      }
    });
  }

  it("a district that issued the instruction and holds it may both review and forward", () => {
    const both = { issuer: true, district: true, station: false };
    expect([...offeredInstructionActions({ status: "AT_DISTRICT" }, both)].sort()).toEqual(["cancel", "chase", "forward"]);
    expect([...offeredInstructionActions({ status: "REPORTED" }, both)].sort()).toEqual(["close", "sendBack"]);
  });

  it("offers an officer the work of each stage, and nothing once it is closed", () => {
    const offered = (status: InstructionStatus) => [...offeredInstructionActions({ status }, STATION)].sort();
    expect(offered("AT_STATION")).toEqual(["decline", "signOff"]);
    expect(offered("SIGNED_OFF")).toEqual(["checkIn", "decline", "report", "saveDraft", "setTeam", "visitAttempt"]);
    expect(offered("ON_SITE")).toEqual(["report", "saveDraft", "setTeam", "visitAttempt"]);
    expect(offered("REPORTED")).toEqual([]);
    expect(offered("CLOSED")).toEqual([]);
  });
});
