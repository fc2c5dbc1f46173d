import "server-only";
import { createWithAudit } from "@/lib/server/create-with-audit";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFoundError } from "@/lib/errors";
import type { CreateSourceInput, SetSourceActiveInput } from "@/lib/schemas/config";

export async function createSource(actor: Actor, input: CreateSourceInput): Promise<{ id: string }> {
  await assertCan(actor, "source.manage", { type: "alert_source" });
  return createWithAudit(
    actor,
    { action: "source.create", entityType: "alert_source", details: () => ({ code: input.code, name: input.name, kind: input.kind }) },
    { code: "adminConfig.validation.sourceCodeTaken", field: "code" },
    (tx) => tx.alertSource.create({ data: { code: input.code, name: input.name, kind: input.kind }, select: { id: true } }),
  );
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
