import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { DomainError, ValidationError } from "@/lib/errors";
import { applyFreeze } from "@/lib/cases/transfer-ledger";
import { freezeEndsAt } from "@/lib/cases/request-clock";
import type { AnswerFreezeInput } from "@/lib/schemas/cases";
import { changeBankRequest } from "./change-bank-request";
import { holdingOrFieldError, lockTransferHolding, saveHolding } from "./transfer-holding";

/**
 * The bank's answer to a freeze or renewal (冻结/续冻结果): the amount actually frozen (it takes over
 * the stop on the same money), until the end of the term, the balance the bank reports (kept
 * apart: it may hold other victims' money) and earlier freezes on the account by other authorities.
 * A renewal runs its term from the end of the freeze it renews when that is still ahead.
 */
export async function answerFreeze(actor: Actor, input: AnswerFreezeInput): Promise<{ version: number }> {
  const { version } = await changeBankRequest(actor, input, "answer", async (tx, request) => {
    if (request.kind !== "FREEZE" && request.kind !== "RENEW") throw new DomainError("invalidTransition");
    if (input.frozenYuan > request.amountFen) throw new ValidationError("money.errors.exceedsRequested", "frozenYuan");
    const now = new Date();
    const holding = await lockTransferHolding(tx, request.transferId!);
    const from = request.kind === "RENEW" && holding.freezeEndsAt && holding.freezeEndsAt > now ? holding.freezeEndsAt : now;
    const until = freezeEndsAt(from, request.termMonths!);
    await saveHolding(tx, holding.id, holdingOrFieldError(applyFreeze(holding, input.frozenYuan, until), "frozenYuan"));
    return {
      data: {
        status: "COMPLETED",
        answeredAt: now,
        answeredById: actor.userId,
        resultFen: input.frozenYuan,
        balanceFen: input.balanceYuan ?? null,
        earlierFreezes: input.earlierFreezes.map((f) => ({ amountFen: f.amountYuan.toString(), until: f.until, by: f.by })),
        effectiveAt: now,
        endsAt: until,
        answerNote: input.note ?? null,
      },
      details: { kind: request.kind, frozenFen: input.frozenYuan.toString(), until: until.toISOString() },
      notices: [{ kind: "BANK_REQUEST_ANSWERED", to: { userIds: [request.filedById] } }],
    };
  });
  return { version };
}
