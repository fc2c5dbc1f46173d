import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import type { FileProtectiveStopInput } from "@/lib/schemas/cases";
import { findAlertInScope } from "@/lib/server/alerts/find-alert-in-scope";
import { sealReceivingAccount } from "./send-stop";
import { createBankRequest } from "./create-bank-request";

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
    const { requestId } = await createBankRequest(
      tx,
      actor,
      { kind: "PROTECTIVE_STOP", cityId: alert.cityId, districtId: alert.districtId, stationId: alert.stationId, caseId: alert.caseId, alertId: alert.id, transferId: null, account, amountFen: input.amountYuan },
      { alertId: alert.id },
    );
    return { requestId };
  });
}
