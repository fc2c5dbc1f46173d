import "server-only";
import type { Tx } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import type { LedgerResult, TransferHolding } from "@/lib/cases/transfer-ledger";

/**
 * A transfer's holding under its row lock, with what has been reported moved on from it (its
 * children): every answer that changes what is held goes through here, so two answers on the same
 * money apply one after the other against fresh figures.
 */
export async function lockTransferHolding(tx: Tx, transferId: string): Promise<TransferHolding & { id: string; caseId: string; level: number; victimPersonId: string | null }> {
  const [row] = await tx.$queryRaw<
    { id: string; case_id: string; level: number; victim_person_id: string | null; amount_fen: bigint; stopped_fen: bigint; stop_ends_at: Date | null; frozen_fen: bigint; freeze_ends_at: Date | null; returned_fen: bigint }[]
  >`SELECT "id", "case_id", "level", "victim_person_id", "amount_fen", "stopped_fen", "stop_ends_at", "frozen_fen", "freeze_ends_at", "returned_fen"
      FROM "case_transfer" WHERE "id" = ${transferId}::uuid FOR UPDATE`;
  if (!row) throw new Error(`transfer ${transferId} vanished under its request`);
  const moved = await tx.caseTransfer.aggregate({ where: { parentId: transferId }, _sum: { amountFen: true } });
  return {
    id: row.id,
    caseId: row.case_id,
    level: row.level,
    victimPersonId: row.victim_person_id,
    amountFen: row.amount_fen,
    stoppedFen: row.stopped_fen,
    stopEndsAt: row.stop_ends_at,
    frozenFen: row.frozen_fen,
    freezeEndsAt: row.freeze_ends_at,
    returnedFen: row.returned_fen,
    movedOnFen: moved._sum.amountFen ?? 0n,
  };
}

/** The ledger's verdict as the user reads it: a refusal becomes a field error on `field`, nothing written. */
export function holdingOrFieldError(result: LedgerResult, field: string): TransferHolding {
  if (!result.ok) throw new ValidationError(`money.errors.${result.refusal}`, field);
  return result.holding;
}

/** Writes what is held (returned totals are the bank_return trigger's). */
export async function saveHolding(tx: Tx, transferId: string, h: TransferHolding): Promise<void> {
  await tx.caseTransfer.update({
    where: { id: transferId },
    data: { stoppedFen: h.stoppedFen, stopEndsAt: h.stopEndsAt, frozenFen: h.frozenFen, freezeEndsAt: h.freezeEndsAt },
    select: { id: true },
  });
}
