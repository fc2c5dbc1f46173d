import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/server/db-errors";
import type { CreateSourceInput, SetSourceActiveInput } from "@/lib/schemas/config";

export async function createSource(actor: Actor, input: CreateSourceInput): Promise<{ id: string }> {
  await assertCan(actor, "source.manage", { type: "alert_source" });
  try {
    return await db.$transaction(async (tx) => {
      const source = await tx.alertSource.create({
        data: { code: input.code, name: input.name, kind: input.kind },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        action: "source.create",
        outcome: "SUCCESS",
        entityType: "alert_source",
        entityId: source.id,
        details: { code: input.code, name: input.name, kind: input.kind },
      });
      return source;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError("adminConfig.validation.sourceCodeTaken", "code");
    throw error;
  }
}

/**
 * Switches a source on or off. An inactive source's keys are refused at once (the ingestion
 * looks keys up on every request), without revoking them: switching back on restores them.
 */
export async function setSourceActive(actor: Actor, input: SetSourceActiveInput): Promise<void> {
  await assertCan(actor, "source.manage", { type: "alert_source", id: input.sourceId });
  await db.$transaction(async (tx) => {
    const source = await tx.alertSource.findUnique({ where: { id: input.sourceId }, select: { id: true, code: true, active: true } });
    if (!source) throw new NotFoundError();
    if (source.active === input.active) return;
    await tx.alertSource.update({ where: { id: source.id }, data: { active: input.active }, select: { id: true } });
    await recordAudit(tx, actor, {
      action: input.active ? "source.activate" : "source.deactivate",
      outcome: "SUCCESS",
      entityType: "alert_source",
      entityId: source.id,
      details: { code: source.code },
    });
  });
}
