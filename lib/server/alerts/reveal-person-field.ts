import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { alertScope } from "@/lib/auth/permissions";
import { assertCan, denyOutsideJurisdiction } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFoundError } from "@/lib/errors";

const ACTION_BY_FIELD = {
  phone: "alert.revealPhone",
  idNumber: "alert.revealIdNumber",
  address: "alert.revealAddress",
} as const;

/**
 * Returns one unmasked field of the person on an alert in the actor's jurisdiction, after the
 * user gave a reason. The reveal and its reason are audited in the same transaction; the value
 * itself never goes into the trail.
 */
export async function revealPersonField(
  actor: Actor,
  input: { alertId: string; field: keyof typeof ACTION_BY_FIELD; reason: string },
): Promise<string> {
  const action = ACTION_BY_FIELD[input.field];
  await assertCan(actor, action, { type: "alert", id: input.alertId });
  return db.$transaction(async (tx) => {
    const alert = await tx.alert.findFirst({
      where: { AND: [{ id: input.alertId }, alertScope(actor)] },
      select: { id: true, address: true, person: { select: { phone: true, idNumber: true } } },
    });
    if (!alert) {
      const exists = (await tx.alert.count({ where: { id: input.alertId } })) > 0;
      return denyOutsideJurisdiction(actor, action, { type: "alert", id: input.alertId }, exists);
    }
    const value =
      input.field === "phone" ? alert.person.phone : input.field === "idNumber" ? alert.person.idNumber : alert.address;
    if (!value) throw new NotFoundError();
    await recordAudit(tx, actor, {
      action,
      outcome: "SUCCESS",
      entityType: "alert",
      entityId: alert.id,
      details: { field: input.field, reason: input.reason },
    });
    return value;
  });
}
