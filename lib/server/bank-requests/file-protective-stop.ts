import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import type { FileProtectiveStopInput } from "@/lib/schemas/cases";
import { findAlertInScope } from "@/lib/server/alerts/find-alert-in-scope";
import { notify } from "@/lib/server/notifications/notify";
import { deskRecipients, hasDesk, replyByFor } from "./bank-desks";
import { sealReceivingAccount } from "./send-stop";

/**
 * 保护性止付 on the warned person's own account (48 h, renewable; lifted on their request): a
 * different thing from stopping a fraudster's account, so it opens no case and has no transfer.
 * Like every stop it never waits for an approval.
 */
export async function fileProtectiveStop(actor: Actor, input: FileProtectiveStopInput): Promise<{ requestId: string }> {
  await assertCan(actor, "case.file", { type: "alert", id: input.alertId });
  return db.$transaction(async (tx) => {
    const alert = await findAlertInScope(actor, input.alertId, "case.file", { id: true, cityId: true, districtId: true, stationId: true, caseId: true }, tx);
    const account = await sealReceivingAccount(tx, input);
    const now = new Date();
    const viaDesk = await hasDesk(tx, alert.cityId, account.bankId);
    const request = await tx.bankRequest.create({
      data: {
        cityId: alert.cityId,
        districtId: alert.districtId,
        stationId: alert.stationId,
        caseId: alert.caseId,
        alertId: alert.id,
        kind: "PROTECTIVE_STOP",
        status: "SENT",
        viaDesk,
        ...account,
        amountFen: input.amountYuan,
        replyBy: await replyByFor(tx, alert.cityId, "PROTECTIVE_STOP", now),
        filedAt: now,
        filedById: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "bankRequest.file", outcome: "SUCCESS", entityType: "bank_request", entityId: request.id, details: { kind: "PROTECTIVE_STOP", alertId: alert.id, amountFen: input.amountYuan.toString(), viaDesk } });
    if (viaDesk) await notify(tx, { cityId: alert.cityId, kind: "BANK_REQUEST_NEW", bankRequestId: request.id }, await deskRecipients(tx, alert.cityId, account.bankId));
    return { requestId: request.id };
  });
}
