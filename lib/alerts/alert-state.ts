// The triage state machine of an alert (研). Pure, so every rule is unit-tested.
//
//   NEW ──claim──▶ CLAIMED ──close──▶ CLOSED
//    ▲               │
//    └───release─────┘
//
// Only the analyst holding a claimed alert works it (attempts, risk, jurisdiction, close);
// an unclaimed alert's risk and jurisdiction may be corrected by any analyst. JOINED alerts are
// repeat signals attached to another alert and are never worked on their own.
import type { AlertStatus } from "@/prisma/generated/client/enums";

export type TriageAction = "claim" | "release" | "attempt" | "changeRisk" | "setJurisdiction" | "close" | "comment";

/** Why an action is refused (a catalog key under `errors.`), or null when it is allowed. */
export type TransitionRefusal = "alertClosed" | "alreadyClaimed" | "notHolder" | "invalidTransition";

export function checkTransition(
  alert: { status: AlertStatus; assigneeId: string | null },
  action: TriageAction,
  actorId: string,
): TransitionRefusal | null {
  if (alert.status === "JOINED") return "invalidTransition";
  if (action === "comment") return null;
  if (alert.status === "CLOSED") return "alertClosed";
  const holds = alert.status === "CLAIMED" && alert.assigneeId === actorId;
  switch (action) {
    case "claim":
      return alert.status === "NEW" ? null : holds ? null : "alreadyClaimed";
    case "release":
    case "attempt":
    case "close":
      if (alert.status === "NEW") return "invalidTransition";
      return holds ? null : "notHolder";
    case "changeRisk":
    case "setJurisdiction":
      return alert.status === "NEW" || holds ? null : "notHolder";
  }
}

const TRIAGE_ACTIONS: readonly TriageAction[] = ["claim", "release", "attempt", "changeRisk", "setJurisdiction", "close", "comment"];

/**
 * What to offer this analyst on the alert page: every step the state machine allows, except
 * claiming an alert they already hold (allowed, but it would do nothing).
 */
export function offeredActions(alert: { status: AlertStatus; assigneeId: string | null }, actorId: string): Set<TriageAction> {
  return new Set(
    TRIAGE_ACTIONS.filter((action) => checkTransition(alert, action, actorId) === null && !(action === "claim" && alert.status !== "NEW")),
  );
}
