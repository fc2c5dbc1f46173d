import "server-only";
import { db } from "@/lib/db";
import type { BankRequestKind, InstructionKind, RiskLevel } from "@/prisma/generated/client/enums";
import type { Actor } from "@/lib/auth/actor";
import { bankRequestScope, instructionScope } from "@/lib/auth/permissions";
import { listNotifications, type NotificationItem } from "./list-notifications";

export interface NotificationCentreItem extends NotificationItem {
  /** What the notification is about, when the instruction is still in the actor's jurisdiction (else null). */
  instruction: { kind: InstructionKind; riskLevel: RiskLevel; unitName: string } | null;
  /** The request to a bank it names, when still in the actor's jurisdiction: kind, bank, masked account. */
  bankRequest: { kind: BankRequestKind; bankName: string; accountMasked: string } | null;
}

/**
 * The notification centre in one call: the actor's own notifications, newest first, each with the
 * instruction it names in words (kind, risk, the unit holding it) — read within the actor's
 * jurisdiction, so a notice about an instruction since re-routed elsewhere tells no more than its kind.
 */
export async function getNotificationCentre(actor: Actor): Promise<{ items: NotificationCentreItem[]; unread: number }> {
  const { items, unread } = await listNotifications(actor);
  const ids = [...new Set(items.map((i) => i.instructionId).filter((x): x is string => x !== null))];
  const instructions = ids.length
    ? await db.instruction.findMany({
        where: { AND: [{ id: { in: ids } }, instructionScope(actor)] },
        select: { id: true, kind: true, riskLevel: true, district: { select: { name: true } }, station: { select: { name: true } } },
      })
    : [];
  const byId = new Map(instructions.map((i) => [i.id, { kind: i.kind, riskLevel: i.riskLevel, unitName: i.station ? `${i.district.name} · ${i.station.name}` : i.district.name }]));
  const requestIds = [...new Set(items.map((i) => i.bankRequestId).filter((x): x is string => x !== null))];
  const requests = requestIds.length
    ? await db.bankRequest.findMany({ where: { AND: [{ id: { in: requestIds } }, bankRequestScope(actor)] }, select: { id: true, kind: true, accountLast4: true, bank: { select: { name: true } } } })
    : [];
  const requestById = new Map(requests.map((r) => [r.id, { kind: r.kind, bankName: r.bank.name, accountMasked: `****${r.accountLast4}` }]));
  return {
    items: items.map((i) => ({
      ...i,
      instruction: i.instructionId ? (byId.get(i.instructionId) ?? null) : null,
      bankRequest: i.bankRequestId ? (requestById.get(i.bankRequestId) ?? null) : null,
    })),
    unread,
  };
}
