import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import type { FileStopInput } from "@/lib/schemas/cases";
import { findAlertInScope } from "@/lib/server/alerts/find-alert-in-scope";
import { openOrJoinCase } from "@/lib/server/cases/open-or-join-case";
import { vault } from "@/lib/server/pii/vault";
import { normalizeBankAccount } from "@/lib/pii/bank-card";
import { findCaseInScope } from "@/lib/server/cases/find-case-in-scope";
import { assertStopAllowed, sealReceivingAccount, sendStop } from "./send-stop";

const CASE_SELECT = { id: true, cityId: true, districtId: true, stationId: true, personId: true } as const;

/**
 * 紧急止付 of one transfer of a victim's money, filed from the alert (the case opens or is joined:
 * the case record starts at the first stop) or from the case (another transfer). One transaction:
 * the case, the level-1 transfer, the stop sent to the bank, the audit rows, the notices. Filing
 * the same transfer twice (a double submit, two analysts at once) files it once: the case row is
 * locked and an identical transfer is answered with its existing stop.
 */
export async function fileStop(actor: Actor, input: FileStopInput): Promise<{ caseId: string; requestId: string }> {
  await assertCan(actor, "case.file", input.alertId ? { type: "alert", id: input.alertId } : { type: "case", id: input.caseId! });
  return db.$transaction(async (tx) => {
    const fraudCase = input.alertId ? await caseFromAlert(tx, actor, input.alertId) : await findCaseInScope(actor, input.caseId!, "case.file", CASE_SELECT, tx);
    await tx.$queryRaw`SELECT id FROM fraud_case WHERE id = ${fraudCase.id}::uuid FOR UPDATE`;
    const account = await sealReceivingAccount(tx, input);

    const same = await tx.caseTransfer.findFirst({
      where: { caseId: fraudCase.id, level: 1, accountIndex: account.accountIndex, bankId: account.bankId, amountFen: input.amountYuan, transferredAt: input.transferredAt },
      select: { requests: { where: { kind: "STOP" }, orderBy: { filedAt: "desc" }, take: 1, select: { id: true } } },
    });
    const existing = same?.requests[0];
    if (existing) return { caseId: fraudCase.id, requestId: existing.id };

    await assertStopAllowed(tx, account, "account");
    const fromAccount = input.fromAccount ? normalizeBankAccount(input.fromAccount) : null;
    const transfer = await tx.caseTransfer.create({
      data: {
        cityId: fraudCase.cityId,
        caseId: fraudCase.id,
        level: 1,
        victimPersonId: fraudCase.personId,
        fromAccountSealed: fromAccount ? vault().seal("bankAccount", fromAccount) : null,
        fromAccountLast4: fromAccount ? fromAccount.slice(-4) : null,
        ...account,
        amountFen: input.amountYuan,
        transferredAt: input.transferredAt,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    // The loss is at least what the victims are known to have sent.
    await tx.$executeRaw`UPDATE fraud_case SET loss_fen = GREATEST(loss_fen,
      (SELECT COALESCE(SUM(amount_fen), 0) FROM case_transfer WHERE case_id = ${fraudCase.id}::uuid AND level = 1)) WHERE id = ${fraudCase.id}::uuid`;
    const { requestId } = await sendStop(tx, actor, { ...fraudCase, caseId: fraudCase.id, transferId: transfer.id }, account, input.amountYuan);
    return { caseId: fraudCase.id, requestId };
  });
}

/** The alert's case, opened or joined now (under the alert's row lock). */
async function caseFromAlert(tx: Tx, actor: Actor, alertId: string) {
  const alert = await findAlertInScope(actor, alertId, "case.file", { id: true, cityId: true, districtId: true, stationId: true, personId: true, closedAt: true }, tx);
  await tx.$queryRaw`SELECT id FROM alert WHERE id = ${alert.id}::uuid FOR UPDATE`;
  const { caseId } = await openOrJoinCase(tx, actor, alert, { reportedAt: alert.closedAt ?? new Date() });
  return tx.fraudCase.findUniqueOrThrow({ where: { id: caseId }, select: CASE_SELECT });
}
