import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { DomainError, ValidationError } from "@/lib/errors";
import { applyUnfreeze } from "@/lib/cases/transfer-ledger";
import type { AnswerDoneInput } from "@/lib/schemas/cases";
import { changeBankRequest } from "./change-bank-request";
import { holdingOrFieldError, lockTransferHolding, saveHolding } from "./transfer-holding";

/**
 * The bank reports an unfreeze done (解冻: the freeze ends now), or closes a return request after
 * its entries (at least one return must have been entered).
 */
export async function answerDone(actor: Actor, input: AnswerDoneInput): Promise<{ version: number }> {
  const { version } = await changeBankRequest(actor, input, "answer", async (tx, request) => {
    const now = new Date();
    let resultFen: bigint;
    if (request.kind === "UNFREEZE") {
      const holding = await lockTransferHolding(tx, request.transferId!);
      await saveHolding(tx, holding.id, holdingOrFieldError(applyUnfreeze(holding, now), "note"));
      resultFen = holding.frozenFen;
    } else if (request.kind === "RETURN") {
      const returned = await tx.bankReturn.aggregate({ where: { requestId: request.id }, _sum: { amountFen: true } });
      resultFen = returned._sum.amountFen ?? 0n;
      if (resultFen === 0n) throw new ValidationError("money.errors.noReturnYet", "note");
    } else {
      throw new DomainError("invalidTransition");
    }
    return {
      data: { status: "COMPLETED", answeredAt: now, answeredById: actor.userId, resultFen, effectiveAt: now, answerNote: input.note ?? null },
      details: { kind: request.kind, resultFen: resultFen.toString() },
      notices: [{ kind: "BANK_REQUEST_ANSWERED", to: { userIds: [request.filedById] } }],
    };
  });
  return { version };
}
