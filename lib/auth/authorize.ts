import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can, type Action } from "@/lib/auth/permissions";
import { recordDenial } from "@/lib/audit/record-audit";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

/** Refuses (and audits the refusal) when the actor's role may not do `action` at all. */
export async function assertCan(
  actor: Actor,
  action: Action,
  entity?: { type: string; id?: string },
): Promise<void> {
  if (can(actor, action)) return;
  await recordDenial(actor, { action, entityType: entity?.type, entityId: entity?.id, details: { reason: "role" } });
  throw new ForbiddenError();
}

/**
 * The record is outside the actor's jurisdiction (or does not exist). The user sees "not found"
 * either way; the trail records the attempt when the record does exist.
 */
export async function denyOutsideJurisdiction(
  actor: Actor,
  action: Action,
  entity: { type: string; id: string },
  exists: boolean,
): Promise<never> {
  if (exists) {
    await recordDenial(actor, {
      action,
      entityType: entity.type,
      entityId: entity.id,
      details: { reason: "jurisdiction" },
    });
  }
  throw new NotFoundError();
}
