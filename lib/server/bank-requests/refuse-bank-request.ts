import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { RefuseRequestInput } from "@/lib/schemas/cases";
import { changeBankRequest } from "./change-bank-request";

/** The bank refuses: the details do not match its records (不符), with what did not match. */
export async function refuseBankRequest(actor: Actor, input: RefuseRequestInput): Promise<{ version: number }> {
  return changeBankRequest(actor, input, "refuse", async (_tx, request) => ({
    data: { status: "REFUSED", answeredAt: new Date(), answeredById: actor.userId, answerNote: input.note },
    details: { kind: request.kind },
    notices: [{ kind: "BANK_REQUEST_ANSWERED", to: { userIds: [request.filedById] } }],
  }));
}
