import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ValidationError } from "@/lib/errors";
import { proRataShares } from "@/lib/cases/pro-rata";
import type { ApproveRequestInput } from "@/lib/schemas/cases";
import { vault } from "@/lib/server/pii/vault";
import { normalizeBankAccount } from "@/lib/pii/bank-card";
import { changeBankRequest } from "./change-bank-request";
import { deskRecipients, replyByFor } from "./bank-desks";

/**
 * A supervisor (not the filer: the state machine and a CHECK refuse self-approval) approves a
 * freeze, renewal, unfreeze or return with the notice's or decision's number; the request goes to
 * the bank and its reply-by clock starts now. A return says where the money goes: back the way it
 * came (原路), to an account the victim names, or pro rata over the victims whose money reached the
 * same account (shares computed here, in whole fen adding up to the amount, and kept on the request).
 */
export async function approveBankRequest(actor: Actor, input: ApproveRequestInput): Promise<{ version: number }> {
  return changeBankRequest(actor, input, "approve", async (tx, request) => {
    const now = new Date();
    let returnFields = {};
    if (request.kind === "RETURN") {
      const mode = input.returnMode;
      if (!mode) throw new ValidationError("money.validation.returnMode", "returnMode");
      if (mode === "NAMED") {
        const account = input.returnToAccount ? normalizeBankAccount(input.returnToAccount) : "";
        if (!/^\d{8,30}$/.test(account)) throw new ValidationError("money.validation.accountMalformed", "returnToAccount");
        returnFields = { returnMode: mode, returnToSealed: vault().seal("bankAccount", account), returnToLast4: account.slice(-4) };
      } else if (mode === "PRO_RATA") {
        const victims = await tx.caseTransfer.findMany({
          where: { caseId: request.caseId!, accountIndex: request.accountIndex },
          orderBy: { transferredAt: "asc" },
          select: { id: true, amountFen: true },
        });
        const shares = proRataShares(request.amountFen, victims.map((v) => ({ id: v.id, lossFen: v.amountFen })));
        returnFields = { returnMode: mode, shares: shares.map((s) => ({ transferId: s.id, lossFen: s.lossFen.toString(), shareFen: s.shareFen.toString() })) };
      } else {
        returnFields = { returnMode: mode };
      }
    }
    return {
      data: {
        status: "SENT",
        approvedById: actor.userId,
        approvedAt: now,
        noticeNumber: input.noticeNumber,
        replyBy: await replyByFor(tx, request.cityId, request.kind, now),
        ...returnFields,
      },
      details: { kind: request.kind, noticeNumber: input.noticeNumber, ...(input.returnMode ? { returnMode: input.returnMode } : {}) },
      notices: request.viaDesk ? [{ kind: "BANK_REQUEST_NEW", to: await deskRecipients(tx, request.cityId, request.bankId) }] : [],
    };
  });
}
