import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { cityOf, jurisdictionOf } from "@/lib/auth/jurisdiction";
import { isUuid } from "@/lib/auth/find-in-scope";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { runTriageStep, writeAlertEvent } from "./change-alert";

/**
 * Claims a NEW alert. Atomic: the UPDATE only matches while the alert is still NEW, so of two
 * analysts racing, exactly one wins; the other gets "already claimed". Claiming an alert you
 * already hold is a no-op.
 */
export async function claimAlert(actor: Actor, input: { alertId: string }): Promise<{ version: number }> {
  await assertCan(actor, "alert.triage", { type: "alert", id: input.alertId });
  const cityId = cityOf(jurisdictionOf(actor));
  if (!isUuid(input.alertId) || !cityId) throw new NotFoundError();
  // The fast path: one conditional UPDATE decides the race.
  const won = await db.$transaction(async (tx) => {
    const now = new Date();
    const rows = await tx.$queryRaw<{ version: number }[]>`
      UPDATE alert SET status = 'CLAIMED', assignee_id = ${actor.userId}::uuid, claimed_at = ${now}, version = version + 1
      WHERE id = ${input.alertId}::uuid AND status = 'NEW' AND city_id = ${cityId}::uuid
      RETURNING version`;
    if (!rows[0]) return null;
    await writeAlertEvent(tx, actor, { id: input.alertId, cityId }, "CLAIMED");
    await recordAudit(tx, actor, { action: "alert.claim", outcome: "SUCCESS", entityType: "alert", entityId: input.alertId });
    return { version: rows[0].version };
  });
  if (won) return won;
  // Not NEW (or not ours to see): the state machine says why, and a refusal is audited.
  return runTriageStep(actor, input.alertId, "claim", async (_tx, alert) => {
    // Allowed here means "already yours" — or it was released again in between: try again.
    if (alert.status !== "CLAIMED") throw new ConflictError("alertChanged");
    return { version: alert.version };
  });
}
