import "server-only";
import type { z } from "zod";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/client/client";
import type { AlertEventKind, AlertStatus } from "@/prisma/generated/client/enums";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { findAlertInScope, isUuid } from "@/lib/server/alerts/find-alert-in-scope";
import { recordAudit } from "@/lib/audit/record-audit";
import { checkTransition, type TriageAction } from "@/lib/alerts/alert-state";
import { DEFAULT_FIRST_CONTACT_MINUTES } from "@/lib/alerts/sla";
import { ConflictError, DomainError, InvalidTransitionError, NotFoundError, ValidationError } from "@/lib/errors";
import type {
  ChangeRiskSchema,
  CloseAlertInput,
  CommentSchema,
  ContactAttemptSchema,
  SetJurisdictionSchema,
} from "@/lib/schemas/triage";

// The analyst's actions on an alert (研). Each one: role check, the alert loaded inside the
// actor's jurisdiction, the state machine, an optimistic version check, then the change, its
// timeline event and its audit row in one transaction.

interface LoadedAlert {
  id: string;
  status: AlertStatus;
  assigneeId: string | null;
  version: number;
  cityId: string;
  personId: string;
  riskLevel: Prisma.AlertGetPayload<object>["riskLevel"];
  detectedAt: Date;
  firstContactDeadline: Date;
  firstContactAt: Date | null;
}

const LOAD_SELECT = {
  id: true,
  status: true,
  assigneeId: true,
  version: true,
  cityId: true,
  personId: true,
  riskLevel: true,
  detectedAt: true,
  firstContactDeadline: true,
  firstContactAt: true,
} as const;

function loadInScope(tx: Tx, actor: Actor, alertId: string): Promise<LoadedAlert> {
  return findAlertInScope(actor, alertId, "alert.triage", LOAD_SELECT, tx);
}

function refuse(refusal: ReturnType<typeof checkTransition>): never {
  if (refusal === "alreadyClaimed") throw new ConflictError("alreadyClaimed");
  if (refusal === "invalidTransition") throw new InvalidTransitionError();
  throw new DomainError(refusal!);
}

async function writeEvent(tx: Tx, actor: Actor, alertId: string, kind: AlertEventKind, text?: string, data?: Prisma.InputJsonValue) {
  await tx.alertEvent.create({ data: { alertId, userId: actor.userId, kind, text: text ?? null, data }, select: { id: true } });
}

/**
 * Runs one versioned change. `change` receives the loaded alert and returns the fields to set;
 * the update only applies if nobody changed the alert since the user saw `version`.
 */
async function changeAlert(
  actor: Actor,
  input: { alertId: string; version: number },
  action: TriageAction,
  auditAction: string,
  change: (tx: Tx, alert: LoadedAlert) => Promise<{ data: Prisma.AlertUncheckedUpdateManyInput; event: AlertEventKind; text?: string; details?: Prisma.InputJsonValue }>,
): Promise<{ version: number }> {
  await assertCan(actor, "alert.triage", { type: "alert", id: input.alertId });
  return db.$transaction(async (tx) => {
    const alert = await loadInScope(tx, actor, input.alertId);
    const refusal = checkTransition(alert, action, actor.userId);
    if (refusal) refuse(refusal);
    if (alert.version !== input.version) throw new ConflictError("alertChanged");
    const { data, event, text, details } = await change(tx, alert);
    const updated = await tx.alert.updateMany({
      where: { id: alert.id, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError("alertChanged");
    await writeEvent(tx, actor, alert.id, event, text, details);
    await recordAudit(tx, actor, { action: auditAction, outcome: "SUCCESS", entityType: "alert", entityId: alert.id, details });
    return { version: input.version + 1 };
  });
}

/**
 * Claims a NEW alert. Atomic: the UPDATE only matches while the alert is still NEW, so of two
 * analysts racing, exactly one wins; the other gets "already claimed". Claiming an alert you
 * already hold is a no-op.
 */
export async function claimAlert(actor: Actor, input: { alertId: string }): Promise<{ version: number }> {
  await assertCan(actor, "alert.triage", { type: "alert", id: input.alertId });
  if (!isUuid(input.alertId)) throw new NotFoundError();
  return db.$transaction(async (tx) => {
    const now = new Date();
    const rows = await tx.$queryRaw<{ version: number }[]>`
      UPDATE alert SET status = 'CLAIMED', assignee_id = ${actor.userId}::uuid, claimed_at = ${now}, version = version + 1
      WHERE id = ${input.alertId}::uuid AND status = 'NEW' AND city_id = ${actor.cityId}::uuid
      RETURNING version`;
    if (rows[0]) {
      await writeEvent(tx, actor, input.alertId, "CLAIMED");
      await recordAudit(tx, actor, { action: "alert.claim", outcome: "SUCCESS", entityType: "alert", entityId: input.alertId });
      return { version: rows[0].version };
    }
    const alert = await loadInScope(tx, actor, input.alertId);
    const refusal = checkTransition(alert, "claim", actor.userId);
    if (refusal) refuse(refusal);
    return { version: alert.version }; // already ours
  });
}

export async function releaseAlert(actor: Actor, input: { alertId: string; version: number }): Promise<{ version: number }> {
  return changeAlert(actor, input, "release", "alert.release", async () => ({
    data: { status: "NEW", assigneeId: null, claimedAt: null },
    event: "RELEASED",
  }));
}

export async function recordContactAttempt(actor: Actor, input: z.infer<typeof ContactAttemptSchema>): Promise<{ version: number }> {
  return changeAlert(actor, input, "attempt", "alert.attempt", async (tx, alert) => {
    const now = new Date();
    const attempt = await tx.contactAttempt.create({
      data: { alertId: alert.id, userId: actor.userId, channel: input.channel, result: input.result, note: input.note ?? null, attemptedAt: now },
      select: { id: true },
    });
    return {
      data: alert.firstContactAt ? {} : { firstContactAt: now },
      event: "ATTEMPT",
      text: input.note,
      details: { attemptId: attempt.id, channel: input.channel, result: input.result },
    };
  });
}

/** Comments are appended, never edited, so they need no version. */
export async function commentOnAlert(actor: Actor, input: z.infer<typeof CommentSchema>): Promise<void> {
  await assertCan(actor, "alert.triage", { type: "alert", id: input.alertId });
  await db.$transaction(async (tx) => {
    const alert = await loadInScope(tx, actor, input.alertId);
    const refusal = checkTransition(alert, "comment", actor.userId);
    if (refusal) refuse(refusal);
    await writeEvent(tx, actor, alert.id, "COMMENT", input.text);
    await recordAudit(tx, actor, { action: "alert.comment", outcome: "SUCCESS", entityType: "alert", entityId: alert.id });
  });
}

/** A higher risk tightens the first-contact deadline; a lower one never loosens it. */
export async function changeAlertRisk(actor: Actor, input: z.infer<typeof ChangeRiskSchema>): Promise<{ version: number }> {
  return changeAlert(actor, input, "changeRisk", "alert.change_risk", async (tx, alert) => {
    const rule = await tx.slaRule.findUnique({ where: { riskLevel: input.riskLevel }, select: { firstContactMinutes: true } });
    const minutes = rule?.firstContactMinutes ?? DEFAULT_FIRST_CONTACT_MINUTES[input.riskLevel];
    const candidate = new Date(alert.detectedAt.getTime() + minutes * 60_000);
    const deadline = candidate < alert.firstContactDeadline ? candidate : alert.firstContactDeadline;
    return {
      data: { riskLevel: input.riskLevel, firstContactDeadline: deadline },
      event: "RISK_CHANGED",
      text: input.reason,
      details: { from: alert.riskLevel, to: input.riskLevel, reason: input.reason },
    };
  });
}

/** Sets the station (and so the district) of an alert; the station must be one of the city's. */
export async function setAlertJurisdiction(actor: Actor, input: z.infer<typeof SetJurisdictionSchema>): Promise<{ version: number }> {
  const station = await db.orgUnit.findFirst({
    where: { id: input.stationId, kind: "STATION", cityId: actor.cityId },
    select: { id: true, districtId: true },
  });
  if (!station) throw new ValidationError("validation.unknownStation", "stationId");
  return changeAlert(actor, input, "setJurisdiction", "alert.set_jurisdiction", async () => ({
    data: { stationId: station.id, districtId: station.districtId },
    event: "JURISDICTION_SET",
    details: { stationId: station.id, districtId: station.districtId },
  }));
}

/**
 * Closes the alert with its outcome. 无法联系 needs at least one recorded attempt; 已被骗 needs
 * the loss and opens a case (立案) for it in the same transaction.
 */
export async function closeAlert(actor: Actor, input: CloseAlertInput): Promise<{ version: number; caseId: string | null }> {
  let caseId: string | null = null;
  const result = await changeAlert(actor, input, "close", "alert.close", async (tx, alert) => {
    if (input.outcome === "UNREACHABLE" && (await tx.contactAttempt.count({ where: { alertId: alert.id } })) === 0) {
      throw new DomainError("needsAttempt");
    }
    if (input.outcome === "DEFRAUDED") {
      if (input.lossFen === undefined || input.lossFen <= 0n) throw new ValidationError("validation.lossRequired", "lossYuan");
      const fraudCase = await tx.fraudCase.create({
        data: { cityId: alert.cityId, alertId: alert.id, personId: alert.personId, lossFen: input.lossFen, openedById: actor.userId },
        select: { id: true },
      });
      caseId = fraudCase.id;
    }
    return {
      data: {
        status: "CLOSED",
        outcome: input.outcome,
        closedAt: new Date(),
        closedById: actor.userId,
        lossFen: input.outcome === "DEFRAUDED" ? input.lossFen : null,
      },
      event: "CLOSED",
      text: input.note,
      details: { outcome: input.outcome, ...(caseId ? { caseId, lossFen: input.lossFen!.toString() } : {}) },
    };
  });
  return { ...result, caseId };
}
