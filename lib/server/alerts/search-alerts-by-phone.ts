import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { alertScope } from "@/lib/auth/permissions";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { normalizeMobile } from "@/lib/pii/phone";
import { maskPhone } from "@/lib/pii/mask";
import { ValidationError } from "@/lib/errors";
import { vault } from "@/lib/server/pii/vault";
import { QUEUE_ITEM_SELECT, QUEUE_PAGE_SIZE, toQueueItems, type QueueItem } from "./list-triage-queue";

/**
 * Exact search by a person's phone among the open alerts of the actor's jurisdiction. Looking up
 * a citizen by phone is a personal-data access like a reveal: who, when, the number (masked) and
 * how many alerts it found are audited, found or not.
 */
export async function searchOpenAlertsByPhone(actor: Actor, phone: string): Promise<{ results: QueueItem[]; maskedPhone: string }> {
  await assertCan(actor, "alert.triage");
  const normalized = normalizeMobile(phone);
  if (!normalized) throw new ValidationError("validation.phone", "phone");
  const maskedPhone = maskPhone(normalized);
  const index = vault().blindIndex("phone", normalized);
  const rows = await db.alert.findMany({
    // By blind index: the alert's own number, or any number its person was warned on before.
    where: {
      AND: [
        alertScope(actor),
        { status: { in: ["NEW", "CLAIMED"] } },
        { OR: [{ phoneIndex: index }, { person: { phones: { some: { phoneIndex: index } } } }] },
      ],
    },
    orderBy: [{ riskLevel: "desc" }, { firstContactDeadline: "asc" }, { id: "asc" }],
    take: QUEUE_PAGE_SIZE,
    select: QUEUE_ITEM_SELECT,
  });
  await db.$transaction((tx) =>
    recordAudit(tx, actor, { action: "alert.search_phone", outcome: "SUCCESS", entityType: "person", details: { phone: maskedPhone, results: rows.length } }),
  );
  return { results: await toQueueItems(rows), maskedPhone };
}
