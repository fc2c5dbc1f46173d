import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { findAlertInScope } from "@/lib/server/alerts/find-alert-in-scope";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFoundError } from "@/lib/errors";
import { vault } from "@/lib/server/pii/vault";

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
    const alert = await findAlertInScope(actor, input.alertId, action, { id: true, phoneSealed: true, addressSealed: true, person: { select: { idNumberSealed: true } } }, tx);
    // The phone is the alert's own number: the one the warning is about.
    const sealed = input.field === "phone" ? alert.phoneSealed : input.field === "idNumber" ? alert.person.idNumberSealed : alert.addressSealed;
    if (!sealed) throw new NotFoundError();
    const value = vault().open(input.field, sealed);
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
