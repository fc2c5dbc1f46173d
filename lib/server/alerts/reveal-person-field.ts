import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { findAlertInScope } from "@/lib/server/alerts/find-alert-in-scope";
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
    const alert = await findAlertInScope(actor, input.alertId, action, { id: true, address: true, person: { select: { phone: true, idNumber: true } } }, tx);
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
