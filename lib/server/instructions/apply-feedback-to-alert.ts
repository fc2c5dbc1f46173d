import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/client/client";
import type { FeedbackOutcome } from "@/prisma/generated/client/enums";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors";
import { alertEffectOf } from "@/lib/instructions/feedback-outcome";
import { writeAlertEvent } from "@/lib/server/alerts/change-alert";
import { openOrJoinCase } from "@/lib/server/cases/open-or-join-case";

/**
 * What closing an instruction does to its alert, in the same transaction (lib/instructions/
 * feedback-outcome.ts): 已劝阻 closes it as 劝阻成功, 已被骗 as 已被骗 with a case, 确实找不到 as
 * 无法联系, 非本人 as 误报; 重复预警 joins the person's other open alert; 暂时找不到 leaves it open.
 * The issuer acts with the authority of the instruction, whoever holds the alert; an alert already
 * closed (by a phone call meanwhile) is left as it is.
 */
export async function applyFeedbackToAlert(
  tx: Tx,
  actor: Actor,
  instruction: { id: string; alertId: string; lossFen: bigint | null },
  outcome: FeedbackOutcome,
): Promise<Prisma.InputJsonValue> {
  const effect = alertEffectOf(outcome);
  if (effect.kind === "none") return { alert: "unchanged" };
  // Lock the alert: an analyst closing it by phone at this moment is serialised with us.
  await tx.$queryRaw`SELECT id FROM alert WHERE id = ${instruction.alertId}::uuid FOR UPDATE`;
  const alert = await tx.alert.findUniqueOrThrow({
    where: { id: instruction.alertId },
    select: { id: true, cityId: true, districtId: true, stationId: true, personId: true, status: true, detectedAt: true },
  });
  if (alert.status !== "NEW" && alert.status !== "CLAIMED") return { alert: "alreadyClosed" };
  const via = { instructionId: instruction.id };

  if (effect.kind === "join") {
    const into = await tx.alert.findFirst({
      where: { personId: alert.personId, cityId: alert.cityId, status: { in: ["NEW", "CLAIMED"] }, NOT: { id: alert.id } },
      orderBy: { detectedAt: "desc" },
      select: { id: true },
    });
    if (!into) throw new DomainError("noOpenAlertToJoin");
    await tx.alert.update({ where: { id: alert.id }, data: { status: "JOINED", joinedAlertId: into.id, assigneeId: null, version: { increment: 1 } }, select: { id: true } });
    await writeAlertEvent(tx, actor, alert, "REPEAT_JOINED", undefined, { ...via, joinedAlertId: into.id });
    await recordAudit(tx, actor, { action: "alert.join", outcome: "SUCCESS", entityType: "alert", entityId: alert.id, details: { ...via, joinedAlertId: into.id } });
    return { alert: "joined", joinedAlertId: into.id };
  }

  let caseId: string | null = null;
  if (effect.outcome === "DEFRAUDED") caseId = (await openOrJoinCase(tx, actor, alert, { lossFen: instruction.lossFen ?? 0n })).caseId;
  await tx.alert.update({
    where: { id: alert.id },
    data: {
      status: "CLOSED",
      outcome: effect.outcome,
      closedAt: new Date(),
      closedById: actor.userId,
      lossFen: effect.outcome === "DEFRAUDED" ? instruction.lossFen : null,
      version: { increment: 1 },
    },
    select: { id: true },
  });
  const details = { ...via, outcome: effect.outcome, ...(caseId ? { caseId, lossFen: String(instruction.lossFen) } : {}) };
  await writeAlertEvent(tx, actor, alert, "CLOSED", undefined, details);
  await recordAudit(tx, actor, { action: "alert.close", outcome: "SUCCESS", entityType: "alert", entityId: alert.id, details });
  return { alert: "closed", outcome: effect.outcome, caseId };
}
