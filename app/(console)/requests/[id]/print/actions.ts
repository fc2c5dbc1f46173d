"use server";

import { defineAction } from "@/lib/actions/define-action";
import { RevealRequestAccountSchema } from "@/lib/schemas/cases";
import { revealRequestAccount } from "@/lib/server/bank-requests/reveal-request-account";

/**
 * The full account and holder for a print the bank needs in full, with the reason typed (audited).
 * The values go back in this response only, to the page that asked: never in a URL, never cached.
 */
export const revealForPrintAction = defineAction({
  schema: RevealRequestAccountSchema,
  bound: ["requestId"] as const,
  run: (actor, input) => revealRequestAccount(actor, input),
  success: (revealed) => ({ data: { account: revealed.account, holder: revealed.holder ?? "" } }),
});
