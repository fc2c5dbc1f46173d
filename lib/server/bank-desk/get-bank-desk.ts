import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { ForbiddenError } from "@/lib/errors";

/**
 * The bank liaison's desk. Stop-payment requests arrive with the money workflow; until that
 * migration exists the desk truthfully holds no requests, and says which bank it is for.
 */
export async function getBankDesk(actor: Actor): Promise<{ bankName: string; requests: never[] }> {
  await assertCan(actor, "bankDesk.read");
  if (!actor.bankId) throw new ForbiddenError();
  const bank = await db.bank.findUniqueOrThrow({ where: { id: actor.bankId }, select: { name: true } });
  return { bankName: bank.name, requests: [] };
}
