import "server-only";
import type { Tx } from "@/lib/db";
import type { BankRequestKind, DeadlineKind } from "@/prisma/generated/client/enums";
import { deadlineFor } from "@/lib/server/config/deadline-rules";
import { deskLiaisons } from "@/lib/server/config/banks";
import type { Recipients } from "@/lib/server/notifications/notify";

/**
 * A bank's desk in a city's center: its active liaison accounts there (the rule is the admin
 * screen's, `deskLiaisons`). The bank has a desk when there is one; decided when a request is filed
 * and kept on it (via_desk), so a desk closing later does not move a request already sent there.
 * The same list is who hears of a new request.
 */
export async function deskRecipients(tx: Tx, cityId: string, bankId: string): Promise<Recipients & { userIds: string[] }> {
  const users = await tx.user.findMany({ where: deskLiaisons(bankId, cityId), select: { id: true } });
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
