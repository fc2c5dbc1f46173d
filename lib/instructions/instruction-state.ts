// The state machine of an instruction (指令) down the chain (交、办、督、结). Pure, so every rule is
// unit-tested; pages ask `offeredInstructionActions` what to show.
//
//   dispatch ─▶ AT_DISTRICT ──forward──▶ AT_STATION ──signOff──▶ SIGNED_OFF ──checkIn──▶ ON_SITE
//     │                                   ▲   │                     │  ▲                   │
//     └──────────(to a station)──────────┘   └─decline─▶ DECLINED  │  └──visitAttempt─────┤
//                                  reroute ◀──────────────┘         └────────report────────┴─▶ REPORTED
//   REPORTED ──close──▶ CLOSED (结)   REPORTED ──sendBack──▶ SIGNED_OFF   open ──cancel──▶ CANCELLED
//
// Who may take each step is a matter of the actor's relation to this instruction, not only of its
// role: the issuing unit (the city's analysts, or the district that issued it) routes, reviews and
// closes; the district coordinators of the district holding it forward, re-route and chase; the
// officers of the station holding it work it. The domain function works out the relations
// (lib/server/instructions/instruction-relations.ts); this table decides.
import type { InstructionStatus } from "@/prisma/generated/client/enums";

export type InstructionAction =
  | "forward"
  | "reroute"
  | "signOff"
  | "decline"
  | "setTeam"
  | "checkIn"
  | "visitAttempt"
  | "saveDraft"
  | "report"
  | "close"
  | "sendBack"
  | "cancel"
  | "chase";

export const INSTRUCTION_ACTIONS: readonly InstructionAction[] = [
  "forward",
  "reroute",
  "signOff",
  "decline",
  "setTeam",
  "checkIn",
  "visitAttempt",
  "saveDraft",
  "report",
  "close",
  "sendBack",
  "cancel",
  "chase",
];

/** How the actor stands to this instruction (several may hold: a district that issued it and holds it). */
export interface InstructionRelations {
  /** In the issuing unit, with the role that reviews there (analyst of the city, coordinator of the district). */
  issuer: boolean;
  /** A coordinator of the district that holds it. */
  district: boolean;
  /** An officer of the station that holds it. */
  station: boolean;
}

export type Side = keyof InstructionRelations;

/** Why a step is refused (a catalog key under `errors.`), or null when it is allowed. */
export type InstructionRefusal = "instructionClosed" | "notYourStep" | "invalidTransition";

export const OPEN_STATUSES: readonly InstructionStatus[] = ["AT_DISTRICT", "AT_STATION", "SIGNED_OFF", "ON_SITE", "REPORTED", "DECLINED"];
/** Statuses in which the deadlines still run (feedback not yet given). */
export const RUNNING_STATUSES: readonly InstructionStatus[] = ["AT_DISTRICT", "AT_STATION", "SIGNED_OFF", "ON_SITE", "DECLINED"];

const WORKING: readonly InstructionStatus[] = ["SIGNED_OFF", "ON_SITE"];

/** Each step: the statuses it starts from, and who may take it. */
const RULES: Record<InstructionAction, { from: readonly InstructionStatus[]; by: readonly Side[] }> = {
  forward: { from: ["AT_DISTRICT"], by: ["district"] },
  reroute: { from: ["DECLINED", "AT_STATION"], by: ["issuer", "district"] },
  signOff: { from: ["AT_STATION"], by: ["station"] },
  decline: { from: ["AT_STATION", "SIGNED_OFF"], by: ["station"] },
  setTeam: { from: WORKING, by: ["station"] },
  checkIn: { from: ["SIGNED_OFF"], by: ["station"] },
  visitAttempt: { from: WORKING, by: ["station"] },
  saveDraft: { from: WORKING, by: ["station"] },
  report: { from: WORKING, by: ["station"] },
  close: { from: ["REPORTED"], by: ["issuer"] },
  sendBack: { from: ["REPORTED"], by: ["issuer"] },
  cancel: { from: RUNNING_STATUSES, by: ["issuer"] },
  chase: { from: ["AT_DISTRICT", "AT_STATION", "SIGNED_OFF", "ON_SITE"], by: ["issuer", "district"] },
};

/** The status a step leads to (null: it stays). */
export const NEXT_STATUS: Record<InstructionAction, InstructionStatus | null> = {
  forward: "AT_STATION",
  reroute: null, // AT_STATION or AT_DISTRICT, by where it is sent
  signOff: "SIGNED_OFF",
  decline: "DECLINED",
  setTeam: null,
  checkIn: "ON_SITE",
  visitAttempt: "SIGNED_OFF",
  saveDraft: null,
  report: "REPORTED",
  close: "CLOSED",
  sendBack: "SIGNED_OFF",
  cancel: "CANCELLED",
  chase: null,
};

export function checkInstructionTransition(
  instruction: { status: InstructionStatus },
  action: InstructionAction,
  relations: InstructionRelations,
): InstructionRefusal | null {
  const rule = RULES[action];
  if (!rule.by.some((side) => relations[side])) return "notYourStep";
  if (instruction.status === "CLOSED" || instruction.status === "CANCELLED") return "instructionClosed";
  return rule.from.includes(instruction.status) ? null : "invalidTransition";
}

/** The steps to offer this actor on the instruction's page. */
export function offeredInstructionActions(instruction: { status: InstructionStatus }, relations: InstructionRelations): Set<InstructionAction> {
  return new Set(INSTRUCTION_ACTIONS.filter((action) => checkInstructionTransition(instruction, action, relations) === null));
}

export function isOpen(status: InstructionStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
