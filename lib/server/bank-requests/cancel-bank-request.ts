import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { RequestStepInput } from "@/lib/schemas/cases";
import { changeBankRequest } from "./change-bank-request";

/** The filer withdraws a request the bank has not taken up (filed in error, or the details were wrong). */
export async function cancelBankRequest(actor: Actor, input: RequestStepInput): Promise<{ version: number }> {
  return changeBankRequest(actor, input, "cancel", async () => ({ data: { status: "CANCELLED" } }));
}
