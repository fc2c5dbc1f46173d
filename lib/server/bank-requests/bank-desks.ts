import "server-only";
import type { Tx } from "@/lib/db";
import type { BankRequestKind, DeadlineKind } from "@/prisma/generated/client/enums";
import { deadlineFor } from "@/lib/server/config/deadline-rules";
import type { Recipients } from "@/lib/server/notifications/notify";

/**
 * Whether a bank has a desk in a city's center: an active liaison account of that bank in the
 * city. Decided when a request is filed and kept on it (via_desk), so a desk closing later does
 * not move a request that was already sent there.
 */
export async function hasDesk(tx: Tx, cityId: string, bankId: string): Promise<boolean> {
  return (await tx.user.count({ where: { role: "BANK_LIAISON", bankId, status: "ACTIVE", unit: { cityId } } })) > 0;
}

/** The bank's liaisons in the city (who hear of a new request at their desk). */
export async function deskRecipients(tx: Tx, cityId: string, bankId: string): Promise<Recipients> {
  const users = await tx.user.findMany({ where: { role: "BANK_LIAISON", bankId, status: "ACTIVE", unit: { cityId } }, select: { id: true } });
  return { userIds: users.map((u) => u.id) };
}

/** The city's supervisors (approvals, large stops). The city unit is their unit. */
export function supervisorRecipients(cityId: string): Recipients {
  return { units: [{ unitId: cityId, roles: ["SUPERVISOR"] }] };
}

const DEADLINE_KIND: Record<BankRequestKind, DeadlineKind> = {
  STOP: "BANK_STOP",
  PROTECTIVE_STOP: "BANK_PROTECTIVE_STOP",
  FREEZE: "BANK_FREEZE",
  RENEW: "BANK_RENEW",
  UNFREEZE: "BANK_UNFREEZE",
  RETURN: "BANK_RETURN",
};

/** When the bank must answer a request sent at `sentAt` (deadline rules; working days from the calendar). */
export async function replyByFor(tx: Tx, cityId: string, kind: BankRequestKind, sentAt: Date): Promise<Date> {
  return deadlineFor(tx, { cityId, kind: DEADLINE_KIND[kind], riskLevel: null, start: sentAt });
}
