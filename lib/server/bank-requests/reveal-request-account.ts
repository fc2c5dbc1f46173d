import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import type { RevealRequestAccountInput } from "@/lib/schemas/cases";
import { vault } from "@/lib/server/pii/vault";
import { findBankRequestInScope } from "./find-bank-request-in-scope";

/**
 * A request's full account number and holder, for a bank's liaison (its own bank's requests) or
 * the center's staff, with the reason typed by the user. Each reveal is audited with the reason;
 * the values never go into the trail.
 */
export async function revealRequestAccount(actor: Actor, input: RevealRequestAccountInput): Promise<{ account: string; holder: string | null }> {
  await assertCan(actor, "bankRequest.revealAccount", { type: "bank_request", id: input.requestId });
  return db.$transaction(async (tx) => {
    const request = await findBankRequestInScope(actor, input.requestId, "bankRequest.revealAccount", { id: true, accountSealed: true, holderSealed: true }, tx);
    const v = vault();
    await recordAudit(tx, actor, { action: "bankRequest.reveal_account", outcome: "SUCCESS", entityType: "bank_request", entityId: request.id, details: { reason: input.reason } });
    return { account: v.open("bankAccount", request.accountSealed), holder: request.holderSealed ? v.open("accountHolder", request.holderSealed) : null };
  });
}
