import "server-only";
import type { Tx } from "@/lib/db";
import type { NotificationKind, Role } from "@/prisma/generated/client/enums";

// Notifications are written in the transaction of the change they announce, so an instruction
// and its "new instruction" notice commit together. The insert trigger tells the recipients'
// open pages (live key "u:<user>"), and only theirs.

export interface Recipients {
  /** Active accounts of these roles in this unit (a station's officers, a district's coordinators, the city's supervisors). */
  units?: { unitId: string; roles: readonly Role[] }[];
  /** Named accounts (the issuer of an instruction). */
  userIds?: readonly string[];
  /** Not the person who caused it. */
  exceptUserId?: string;
}

export async function notify(
  tx: Tx,
  note: { cityId: string; kind: NotificationKind; instructionId?: string; bankRequestId?: string },
  to: Recipients,
): Promise<number> {
  if (!to.units?.length && !to.userIds?.length) return 0;
  const users = await tx.user.findMany({
    where: {
      status: "ACTIVE",
      OR: [
        ...(to.units ?? []).map((u) => ({ unitId: u.unitId, role: { in: [...u.roles] } })),
        ...(to.userIds?.length ? [{ id: { in: [...to.userIds] } }] : []),
      ],
      ...(to.exceptUserId ? { NOT: { id: to.exceptUserId } } : {}),
    },
    select: { id: true },
  });
  if (users.length === 0) return 0;
  const { count } = await tx.notification.createMany({
    data: users.map((u) => ({ cityId: note.cityId, userId: u.id, kind: note.kind, instructionId: note.instructionId ?? null, bankRequestId: note.bankRequestId ?? null })),
  });
  return count;
}
