import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/auth/find-in-scope";

/**
 * Marks the actor's own notifications read: one (opening it) or all. Someone else's id simply
 * matches nothing (the filter is the actor's own rows), so there is nothing to refuse or leak.
 */
export async function markNotificationsRead(actor: Actor, input: { notificationId?: string }): Promise<{ marked: number }> {
  await assertCan(actor, "notification.read");
  // Not even an id (a crafted request): it matches nothing, like someone else's.
  if (input.notificationId !== undefined && !isUuid(input.notificationId)) return { marked: 0 };
  return db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { userId: actor.userId, readAt: null, ...(input.notificationId ? { id: input.notificationId } : {}) },
      data: { readAt: new Date() },
    });
    if (count > 0) await recordAudit(tx, actor, { action: "notification.read", outcome: "SUCCESS", entityType: "notification", entityId: input.notificationId, details: { marked: count } });
    return { marked: count };
  });
}
