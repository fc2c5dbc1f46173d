import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { DomainError, ValidationError } from "@/lib/errors";
import { applyStop, STOP_HOURS } from "@/lib/cases/transfer-ledger";
import type { AnswerStopInput } from "@/lib/schemas/cases";
import { changeBankRequest } from "./change-bank-request";
import { holdingOrFieldError, lockTransferHolding, saveHolding } from "./transfer-holding";
import { assertStopAllowed, sealReceivingAccount, sendStop } from "./send-stop";

const HOUR = 3_600_000;

/**
 * The bank's answer to a stop (止付结果): stopped in full, in part, or nothing because the money had
 * moved on — with the next accounts it went to. Each next account becomes a transfer one level
 * down and a new stop to its bank (possibly another bank), filed in the same transaction: follow
 * the money. The stop holds 48 h from now; what is held and what moved on never exceed what the
 * transfer sent (ledger, then the database's CHECK); a stop that takes effect counts toward the
 * account's two.
 */
export async function answerStop(actor: Actor, input: AnswerStopInput): Promise<{ version: number; followOnRequestIds: string[] }> {
  const { version, result } = await changeBankRequest<string[]>(actor, input, "answer", async (tx, request) => {
    if (request.kind !== "STOP" && request.kind !== "PROTECTIVE_STOP") throw new DomainError("invalidTransition");
    const now = new Date();
    if (input.stoppedYuan > request.amountFen) throw new ValidationError("money.errors.exceedsRequested", "stoppedYuan");
    const followOns: string[] = [];
    if (request.kind === "STOP") {
      const holding = await lockTransferHolding(tx, request.transferId!);
      const movedOnFen = input.movedOn.reduce((s, m) => s + m.amountYuan, 0n);
      await saveHolding(tx, holding.id, holdingOrFieldError(applyStop(holding, input.stoppedYuan, movedOnFen, now), movedOnFen > 0n ? "movedOn" : "stoppedYuan"));
      for (const [i, next] of input.movedOn.entries()) {
        const account = await sealReceivingAccount(tx, next, `movedOn.${i}.`);
        await assertStopAllowed(tx, account, `movedOn.${i}.account`);
        const child = await tx.caseTransfer.create({
          data: {
            cityId: request.cityId,
            caseId: holding.caseId,
            parentId: holding.id,
            level: holding.level + 1,
            victimPersonId: holding.victimPersonId,
            ...account,
            amountFen: next.amountYuan,
            transferredAt: next.transferredAt,
            createdById: actor.userId,
          },
          select: { id: true },
        });
        const subject = { cityId: request.cityId, districtId: request.districtId, stationId: request.stationId, caseId: holding.caseId, transferId: child.id, parentRequestId: request.id };
        followOns.push((await sendStop(tx, actor, subject, account, next.amountYuan)).requestId);
      }
    } else if (input.movedOn.length > 0) {
      throw new ValidationError("money.errors.protectiveHasNoFollowOn", "movedOn");
    }
    const took = input.stoppedYuan > 0n;
    return {
      data: {
        status: "COMPLETED",
        answeredAt: now,
        answeredById: actor.userId,
        acceptedAt: request.status === "SENT" ? now : undefined,
        acceptedById: request.status === "SENT" ? actor.userId : undefined,
        resultFen: input.stoppedYuan,
        balanceFen: input.balanceYuan ?? null,
        effectiveAt: took ? now : null,
        endsAt: took ? new Date(now.getTime() + STOP_HOURS * HOUR) : null,
        answerNote: input.note ?? null,
      },
      details: { kind: request.kind, stoppedFen: input.stoppedYuan.toString(), followOns: followOns.length },
      notices: [{ kind: "BANK_REQUEST_ANSWERED", to: { userIds: [request.filedById] } }],
      result: followOns,
    };
  });
  return { version, followOnRequestIds: result ?? [] };
}
