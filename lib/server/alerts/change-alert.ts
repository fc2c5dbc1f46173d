import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/client/client";
import type { AlertEventKind } from "@/prisma/generated/client/enums";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { findAlertInScope } from "@/lib/server/alerts/find-alert-in-scope";
import { recordAudit, recordDenial } from "@/lib/audit/record-audit";
import { checkTransition, type TransitionRefusal, type TriageAction } from "@/lib/alerts/alert-state";
import { ConflictError, DomainError, InvalidTransitionError } from "@/lib/errors";

// The shared frame of the analyst's actions on an alert (研). Each one: role check, the alert
// loaded inside the actor's jurisdiction, the state machine, then the change, its timeline event
// and its audit row in one transaction. A refusal by the state machine (someone else holds the
// alert, it is closed, …) changes nothing and is audited as a denial, after the rollback.

/** The audit action of each triage step (also the denial's action when the step is refused). */
export const TRIAGE_AUDIT_ACTION: Record<TriageAction, string> = {
  claim: "alert.claim",
  release: "alert.release",
  attempt: "alert.attempt",
  comment: "alert.comment",
  changeRisk: "alert.change_risk",
  setJurisdiction: "alert.set_jurisdiction",
  close: "alert.close",
};

const LOAD_SELECT = {
  id: true,
  status: true,
  assigneeId: true,
  version: true,
  cityId: true,
  districtId: true,
  stationId: true,
  personId: true,
  riskLevel: true,
  detectedAt: true,
  firstContactDeadline: true,
  firstContactAt: true,
} as const;

export type LoadedAlert = Prisma.AlertGetPayload<{ select: typeof LOAD_SELECT }>;

/** Thrown inside the transaction so that it rolls back; turned into the user's error after. */
class TransitionRefused extends Error {
  constructor(readonly refusal: TransitionRefusal) {
    super(refusal);
  }
}

function refusalError(refusal: TransitionRefusal): DomainError {
  if (refusal === "alreadyClaimed") return new ConflictError("alreadyClaimed");
  if (refusal === "invalidTransition") return new InvalidTransitionError();
  return new DomainError(refusal);
}

export async function writeAlertEvent(
  tx: Tx,
  actor: Actor,
  alert: { id: string; cityId: string },
  kind: AlertEventKind,
  text?: string,
  data?: Prisma.InputJsonValue,
): Promise<void> {
  await tx.alertEvent.create({ data: { cityId: alert.cityId, alertId: alert.id, userId: actor.userId, kind, text: text ?? null, data }, select: { id: true } });
}

/**
 * Runs one triage step: the alert in scope, the state machine's verdict, then `body` in the same
 * transaction. `body` returns the step's result; its audit row is the caller's (it knows the details).
 */
export async function runTriageStep<T>(
  actor: Actor,
  alertId: string,
  action: TriageAction,
  body: (tx: Tx, alert: LoadedAlert) => Promise<T>,
): Promise<T> {
  await assertCan(actor, "alert.triage", { type: "alert", id: alertId });
  try {
    return await db.$transaction(async (tx) => {
      const alert = await findAlertInScope(actor, alertId, "alert.triage", LOAD_SELECT, tx);
      const refusal = checkTransition(alert, action, actor.userId);
      if (refusal) throw new TransitionRefused(refusal);
      return body(tx, alert);
    });
  } catch (error) {
    if (!(error instanceof TransitionRefused)) throw error;
    await recordDenial(actor, { action: TRIAGE_AUDIT_ACTION[action], entityType: "alert", entityId: alertId, details: { reason: error.refusal } });
    throw refusalError(error.refusal);
  }
}

export interface AlertChange {
  data: Prisma.AlertUncheckedUpdateManyInput;
  event: AlertEventKind;
  text?: string;
  details?: Prisma.InputJsonValue;
}

/**
 * Runs one versioned change. `change` receives the loaded alert and returns the fields to set;
 * the update only applies if nobody changed the alert since the user saw `version` (otherwise a
 * conflict, and nothing is written).
 */
export async function changeAlert(
  actor: Actor,
  input: { alertId: string; version: number },
  action: TriageAction,
  change: (tx: Tx, alert: LoadedAlert) => Promise<AlertChange>,
): Promise<{ version: number }> {
  return runTriageStep(actor, input.alertId, action, async (tx, alert) => {
    if (alert.version !== input.version) throw new ConflictError("alertChanged");
    const { data, event, text, details } = await change(tx, alert);
    const updated = await tx.alert.updateMany({
      where: { id: alert.id, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError("alertChanged");
    await writeAlertEvent(tx, actor, alert, event, text, details);
    await recordAudit(tx, actor, { action: TRIAGE_AUDIT_ACTION[action], outcome: "SUCCESS", entityType: "alert", entityId: alert.id, details });
    return { version: input.version + 1 };
  });
}
