import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { bankRequestScope, instructionScope } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/auth/find-in-scope";
import { NotFoundError } from "@/lib/errors";
import { markNotificationsRead } from "./mark-notifications-read";

/**
 * Opens one of the actor's own notifications: marks it read and answers the instruction or the
 * request to a bank it names when that is still in the actor's jurisdiction (a station that
 * declined an instruction no longer sees it), else nulls. Another user's notification is "not found" like a missing one: the filter
 * is the actor's own rows, so there is nothing to audit as a denial.
 */
export async function openNotification(actor: Actor, notificationId: string): Promise<{ instructionId: string | null; bankRequestId: string | null }> {
  await assertCan(actor, "notification.read");
  if (!isUuid(notificationId)) throw new NotFoundError();
  const note = await db.notification.findFirst({ where: { id: notificationId, userId: actor.userId }, select: { instructionId: true, bankRequestId: true } });
  if (!note) throw new NotFoundError();
  await markNotificationsRead(actor, { notificationId });
  const [instruction, request] = await Promise.all([
    note.instructionId ? db.instruction.count({ where: { AND: [{ id: note.instructionId }, instructionScope(actor)] } }) : 0,
    note.bankRequestId ? db.bankRequest.count({ where: { AND: [{ id: note.bankRequestId }, bankRequestScope(actor)] } }) : 0,
  ]);
  return { instructionId: instruction > 0 ? note.instructionId : null, bankRequestId: request > 0 ? note.bankRequestId : null };
}
