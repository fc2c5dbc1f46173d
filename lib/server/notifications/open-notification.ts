import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { instructionScope } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/auth/find-in-scope";
import { NotFoundError } from "@/lib/errors";
import { markNotificationsRead } from "./mark-notifications-read";

/**
 * Opens one of the actor's own notifications: marks it read and answers the instruction it names
 * when that instruction is still in the actor's jurisdiction (a station that declined it no longer
 * sees it), else null. Another user's notification is "not found" like a missing one: the filter
 * is the actor's own rows, so there is nothing to audit as a denial.
 */
export async function openNotification(actor: Actor, notificationId: string): Promise<{ instructionId: string | null }> {
  await assertCan(actor, "notification.read");
  if (!isUuid(notificationId)) throw new NotFoundError();
  const note = await db.notification.findFirst({ where: { id: notificationId, userId: actor.userId }, select: { instructionId: true } });
  if (!note) throw new NotFoundError();
  await markNotificationsRead(actor, { notificationId });
  if (!note.instructionId) return { instructionId: null };
  const visible = await db.instruction.count({ where: { AND: [{ id: note.instructionId }, instructionScope(actor)] } });
  return { instructionId: visible > 0 ? note.instructionId : null };
}
