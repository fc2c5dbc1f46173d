import "server-only";
import { db } from "@/lib/db";
import type { NotificationKind } from "@/prisma/generated/client/enums";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  instructionId: string | null;
  bankRequestId: string | null;
  createdAt: string;
  read: boolean;
}

const PAGE = 50;

/** The actor's own notifications, newest first, and how many are unread. Nobody reads another's. */
export async function listNotifications(actor: Actor): Promise<{ items: NotificationItem[]; unread: number }> {
  await assertCan(actor, "notification.read");
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId: actor.userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: PAGE,
      select: { id: true, kind: true, instructionId: true, bankRequestId: true, createdAt: true, readAt: true },
    }),
    countUnreadNotifications(actor),
  ]);
  return {
    items: rows.map((r) => ({ id: r.id, kind: r.kind, instructionId: r.instructionId, bankRequestId: r.bankRequestId, createdAt: r.createdAt.toISOString(), read: r.readAt !== null })),
    unread,
  };
}

/** The header's badge: a partial index on unread rows keeps this cheap on every page. */
export async function countUnreadNotifications(actor: Actor): Promise<number> {
  return db.notification.count({ where: { userId: actor.userId, readAt: null } });
}
