import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { jurisdictionOf } from "@/lib/auth/jurisdiction";
import { recordAudit, recordDenial } from "@/lib/audit/record-audit";
import { ConflictError, DomainError } from "@/lib/errors";
import { OPEN_STATUSES } from "@/lib/instructions/instruction-state";
import { checkDispatch } from "@/lib/instructions/dispatch-rule";
import type { DispatchInstructionInput } from "@/lib/schemas/instructions";
import { findAlertInScope } from "@/lib/server/alerts/find-alert-in-scope";
import { writeAlertEvent } from "@/lib/server/alerts/change-alert";
import { recipients, writeInstructionEvent } from "./change-instruction";
import { notify } from "@/lib/server/notifications/notify";
import { deadlinesOfRouting, resolveTarget } from "./routing";

/**
 * 交: sends an instruction about an alert down the chain — an analyst to a district or straight
 * to a station (high and urgent risk go straight to the station, in parallel with the phone
 * call), a district coordinator to one of its stations. The alert stays with whoever holds it
 * (another analyst's alert is theirs to dispatch). One open instruction of a kind per alert: a
 * double submit or two analysts at once create one (the alert row is locked while checking).
 */
export async function dispatchInstruction(actor: Actor, input: DispatchInstructionInput): Promise<{ instructionId: string }> {
  await assertCan(actor, "instruction.dispatch", { type: "alert", id: input.alertId });
  const j = jurisdictionOf(actor);
  let refusal: string | null = null;
  try {
    return await db.$transaction(async (tx) => {
      const alert = await findAlertInScope(actor, input.alertId, "instruction.dispatch", {
        id: true,
        cityId: true,
        status: true,
        assigneeId: true,
        riskLevel: true,
      }, tx);
      await tx.$queryRaw`SELECT id FROM alert WHERE id = ${alert.id}::uuid FOR UPDATE`;
      const fresh = await tx.alert.findUniqueOrThrow({ where: { id: alert.id }, select: { status: true, assigneeId: true } });
      const refused = checkDispatch(fresh, { userId: actor.userId, cityWide: j.kind === "city" });
      if (refused) throw new Refused((refusal = refused));
      const open = await tx.instruction.count({ where: { alertId: alert.id, kind: input.kind, status: { in: [...OPEN_STATUSES] } } });
      if (open > 0) throw new ConflictError("alreadyDispatched");

      const target = await resolveTarget(tx, actor, alert.cityId, input);
      const now = new Date();
      const deadlines = await deadlinesOfRouting(tx, { cityId: alert.cityId, riskLevel: alert.riskLevel, issuedAt: now, routedAt: now });
      const issuerUnitId = j.kind === "district" ? j.districtId : alert.cityId;
      const instruction = await tx.instruction.create({
        data: {
          cityId: alert.cityId,
          districtId: target.districtId,
          stationId: target.stationId,
          alertId: alert.id,
          kind: input.kind,
          riskLevel: alert.riskLevel,
          status: target.stationId ? "AT_STATION" : "AT_DISTRICT",
          issuerUnitId,
          issuedById: actor.userId,
          note: input.note ?? null,
          issuedAt: now,
          routedAt: now,
          ...deadlines,
        },
        select: { id: true, cityId: true },
      });
      await writeInstructionEvent(tx, actor, instruction, { kind: "ISSUED", unitId: target.stationId ?? target.districtId, text: input.note ?? null, data: { kind: input.kind } });
      await writeAlertEvent(tx, actor, alert, "DISPATCHED", undefined, { instructionId: instruction.id, kind: input.kind, unitId: target.stationId ?? target.districtId });
      await recordAudit(tx, actor, {
        action: "instruction.dispatch",
        outcome: "SUCCESS",
        entityType: "instruction",
        entityId: instruction.id,
        details: { alertId: alert.id, kind: input.kind, stationId: target.stationId, districtId: target.districtId },
      });
      await notify(
        tx,
        { cityId: alert.cityId, kind: "INSTRUCTION_NEW", instructionId: instruction.id },
        { ...(target.stationId ? recipients.station(target.stationId) : recipients.district(target.districtId)), exceptUserId: actor.userId },
      );
      return { instructionId: instruction.id };
    });
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    await recordDenial(actor, { action: "instruction.dispatch", entityType: "alert", entityId: input.alertId, details: { reason: refusal } });
    throw new DomainError(error.message);
  }
}

class Refused extends Error {}
