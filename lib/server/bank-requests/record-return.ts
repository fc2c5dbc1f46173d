import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ValidationError } from "@/lib/errors";
import { applyReturn } from "@/lib/cases/transfer-ledger";
import type { RecordReturnInput } from "@/lib/schemas/cases";
import { changeBankRequest } from "./change-bank-request";
import { holdingOrFieldError, lockTransferHolding } from "./transfer-holding";

/**
 * One return (返还) as the bank made it: amount, date, receipt number. Several are allowed; together
 * they never exceed the request's amount nor what was held (the ledger says so as a field error,
 * the database's trigger and CHECK again). When they reach the amount the request is complete.
 */
export async function recordReturn(actor: Actor, input: RecordReturnInput): Promise<{ version: number }> {
  const { version } = await changeBankRequest(actor, input, "recordReturn", async (tx, request) => {
    const holding = await lockTransferHolding(tx, request.transferId!);
    holdingOrFieldError(applyReturn(holding, input.amountYuan), "amountYuan");
    const before = (await tx.bankReturn.aggregate({ where: { requestId: request.id }, _sum: { amountFen: true } }))._sum.amountFen ?? 0n;
    if (before + input.amountYuan > request.amountFen) throw new ValidationError("money.errors.exceedsRequested", "amountYuan");
    await tx.bankReturn.create({
      data: {
        cityId: request.cityId,
        requestId: request.id,
        caseId: holding.caseId,
        transferId: holding.id,
        amountFen: input.amountYuan,
        returnedOn: new Date(`${input.returnedOn}T00:00:00Z`),
        receiptNumber: input.receiptNumber,
        recordedById: actor.userId,
      },
      select: { id: true },
    });
    const complete = before + input.amountYuan === request.amountFen;
    const now = new Date();
    return {
      data: complete ? { status: "COMPLETED", answeredAt: now, answeredById: actor.userId, resultFen: request.amountFen, effectiveAt: now } : {},
      details: { amountFen: input.amountYuan.toString(), receiptNumber: input.receiptNumber, complete },
      notices: [{ kind: "BANK_REQUEST_ANSWERED", to: { userIds: [request.filedById] } }],
    };
  });
  return { version };
}
