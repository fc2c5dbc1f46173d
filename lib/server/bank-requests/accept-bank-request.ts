import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { RequestStepInput } from "@/lib/schemas/cases";
import { changeBankRequest } from "./change-bank-request";

/** 受理: the bank's desk (or, for a bank without one, the analyst recording it) has taken the request up. */
export async function acceptBankRequest(actor: Actor, input: RequestStepInput): Promise<{ version: number }> {
  return changeBankRequest(actor, input, "accept", async () => ({
    data: { status: "ACCEPTED", acceptedAt: new Date(), acceptedById: actor.userId },
  }));
}
