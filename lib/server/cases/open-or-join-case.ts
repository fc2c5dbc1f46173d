import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";

export interface CaseAlert {
  id: string;
  cityId: string;
  districtId: string | null;
  stationId: string | null;
  personId: string;
}

type CaseActor = Pick<Actor, "userId" | "displayName" | "role" | "unitId" | "cityId">;

/**
 * The one way a case (案件) starts or grows, from every path: an alert closed as 已被骗, a door visit's
 * feedback 已被骗 closed by its issuer, and the first stop filed from an alert (whichever comes first
 * starts it). An alert already in a case returns that case; otherwise an open case of the same
 * person in the city is joined (a victim's several warnings are one case); otherwise a new case
 * starts, scoped by this alert's district and station. A loss adds to the case's loss. Runs in the
 * caller's transaction, which holds the alert's row lock (so two paths on one alert open one case).
 */
export async function openOrJoinCase(
  tx: Tx,
  actor: CaseActor,
  alert: CaseAlert,
  opts: { lossFen?: bigint; reportedAt?: Date } = {},
): Promise<{ caseId: string; opened: boolean }> {
  const lossFen = opts.lossFen ?? 0n;
  const current = await tx.alert.findUniqueOrThrow({ where: { id: alert.id }, select: { caseId: true } });
  let caseId = current.caseId;
  if (caseId === null) {
    const open = await tx.fraudCase.findFirst({
      where: { cityId: alert.cityId, personId: alert.personId, status: { in: ["OPEN", "FILED"] } },
      orderBy: { openedAt: "desc" },
      select: { id: true },
    });
    caseId = open?.id ?? null;
  }
  if (caseId !== null) {
    if (lossFen > 0n) await tx.fraudCase.update({ where: { id: caseId }, data: { lossFen: { increment: lossFen } }, select: { id: true } });
    if (current.caseId === null) {
      await tx.alert.update({ where: { id: alert.id }, data: { caseId }, select: { id: true } });
      await recordAudit(tx, actor, { action: "case.join", outcome: "SUCCESS", entityType: "case", entityId: caseId, details: { alertId: alert.id } });
    }
    return { caseId, opened: false };
  }
  const created = await tx.fraudCase.create({
    data: {
      cityId: alert.cityId,
      districtId: alert.districtId,
      stationId: alert.stationId,
      alertId: alert.id,
      personId: alert.personId,
      lossFen,
      reportedAt: opts.reportedAt ?? new Date(),
      openedById: actor.userId,
    },
    select: { id: true },
  });
  await tx.alert.update({ where: { id: alert.id }, data: { caseId: created.id }, select: { id: true } });
  await recordAudit(tx, actor, { action: "case.open", outcome: "SUCCESS", entityType: "case", entityId: created.id, details: { alertId: alert.id } });
  return { caseId: created.id, opened: true };
}
