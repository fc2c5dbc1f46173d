import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { caseScope } from "@/lib/auth/permissions";
import { assertCan } from "@/lib/auth/authorize";
import { findInScope } from "@/lib/auth/find-in-scope";
import { ValidationError } from "@/lib/errors";
import { freezeHolds, heldNow, everHeld } from "@/lib/cases/transfer-ledger";
import type { FileFollowUpRequestInput } from "@/lib/schemas/cases";
import { lockTransferHolding } from "./transfer-holding";
import { createBankRequest } from "./create-bank-request";

/**
 * 冻结、续冻、解冻、返还 of a transfer's money (先止付、再立案、后冻结). Each waits for a supervisor
 * other than the filer (the police head who signs the notice or the city-level return decision);
 * the reply-by clock starts at the approval. What may be asked follows what is held now: a freeze
 * up to what the transfer sent, a renewal or unfreeze only of a freeze in force, a return up to
 * what was held and not yet returned. One open request per transfer and kind.
 */
export async function fileFollowUpRequest(actor: Actor, input: FileFollowUpRequestInput): Promise<{ requestId: string }> {
  await assertCan(actor, "case.file", { type: "case_transfer", id: input.transferId });
  return db.$transaction(async (tx) => {
    const transfer = await findInScope(actor, "case.file", { type: "case_transfer", id: input.transferId }, {
      find: () =>
        tx.caseTransfer.findFirst({
          where: { id: input.transferId, fraudCase: caseScope(actor) },
          select: { id: true, cityId: true, caseId: true, bankId: true, accountSealed: true, accountIndex: true, accountLast4: true, holderSealed: true, fraudCase: { select: { districtId: true, stationId: true } } },
        }),
      exists: async () => (await tx.caseTransfer.count({ where: { id: input.transferId } })) > 0,
    });
    const holding = await lockTransferHolding(tx, transfer.id);
    const now = new Date();
    const refusal = (() => {
      switch (input.kind) {
        case "FREEZE":
          return input.amountYuan > holding.amountFen ? "exceedsTransfer" : null;
        case "RENEW":
        case "UNFREEZE":
          return !freezeHolds(holding, now) ? "freezeNotActive" : input.amountYuan > holding.frozenFen ? "exceedsHeld" : null;
        case "RETURN":
          return everHeld(holding) - holding.returnedFen <= 0n ? "nothingHeld" : input.amountYuan > everHeld(holding) - holding.returnedFen ? "exceedsHeld" : null;
      }
    })();
    if (refusal) throw new ValidationError(`money.errors.${refusal}`, "amountYuan");
    const open = await tx.bankRequest.count({ where: { transferId: transfer.id, kind: input.kind, status: { in: ["AWAITING_APPROVAL", "SENT", "ACCEPTED"] } } });
    if (open > 0) throw new ValidationError("money.errors.requestAlreadyOpen", "kind");

    const { requestId } = await createBankRequest(
      tx,
      actor,
      {
        kind: input.kind,
        cityId: transfer.cityId,
        districtId: transfer.fraudCase.districtId,
        stationId: transfer.fraudCase.stationId,
        caseId: transfer.caseId,
        transferId: transfer.id,
        account: { bankId: transfer.bankId, accountSealed: transfer.accountSealed, accountIndex: transfer.accountIndex, accountLast4: transfer.accountLast4, holderSealed: transfer.holderSealed },
        amountFen: input.amountYuan,
        termMonths: input.kind === "FREEZE" || input.kind === "RENEW" ? input.termMonths! : null,
      },
      { heldFen: heldNow(holding, now).toString() },
    );
    return { requestId };
  });
}
