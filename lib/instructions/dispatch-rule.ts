// When an alert may be sent down the chain (交), and where high risk goes. Pure, so the alert page
// offers the dispatch form exactly when dispatchInstruction would take it.
import type { AlertStatus, RiskLevel } from "@/prisma/generated/client/enums";

/** Why a dispatch is refused (a catalog key under `errors.`), or null when it is allowed. */
export type DispatchRefusal = "alertNotOpen" | "notHolder";

/**
 * An open alert (new or claimed) may be dispatched. City-wide analysts dispatch an alert they hold
 * or one nobody holds; a district coordinator dispatches its district's alerts whoever holds them
 * (the analyst stays responsible for the alert, the district for the visit).
 */
export function checkDispatch(alert: { status: AlertStatus; assigneeId: string | null }, actor: { userId: string; cityWide: boolean }): DispatchRefusal | null {
  if (alert.status !== "NEW" && alert.status !== "CLAIMED") return "alertNotOpen";
  if (actor.cityWide && alert.status === "CLAIMED" && alert.assigneeId !== actor.userId) return "notHolder";
  return null;
}

/**
 * High and urgent risk go straight to the station, in parallel with the phone call (Wuhan's
 * practice: platform + phone + door visit at once), without waiting for a failed call.
 */
export function straightToStation(risk: RiskLevel): boolean {
  return risk === "HIGH" || risk === "URGENT";
}
