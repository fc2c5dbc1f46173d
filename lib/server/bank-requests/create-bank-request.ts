import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/client/client";
import type { BankRequestKind } from "@/prisma/generated/client/enums";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { notify } from "@/lib/server/notifications/notify";
import { deskRecipients, replyByFor, supervisorRecipients } from "./bank-desks";
import type { SealedAccount } from "./send-stop";

export interface NewBankRequest {
  kind: BankRequestKind;
  /** Scope: the case's (or for a protective stop the alert's) city, district and station. */
  cityId: string;
  districtId: string | null;
  stationId: string | null;
  caseId: string | null;
  alertId?: string | null;
  transferId: string | null;
  parentRequestId?: string | null;
  account: SealedAccount;
  amountFen: bigint;
  termMonths?: number | null;
}

/**
 * The one way a request to a bank is filed: at the bank's desk when it has one in the city (decided
 * now and kept), otherwise marked as sent outside the console; with its audit row. A stop goes out
 * at once with its reply-by time and the desk hears of it live; a freeze, renewal, unfreeze or
 * return waits for a supervisor, who is told (its reply-by clock starts at the approval).
 */
export async function createBankRequest(tx: Tx, actor: Actor, r: NewBankRequest, details: Record<string, Prisma.InputJsonValue> = {}): Promise<{ requestId: string; viaDesk: boolean }> {
  const now = new Date();
  // One read of the desk: whether there is one, and who hears of the request.
  const desk = await deskRecipients(tx, r.cityId, r.account.bankId);
  const viaDesk = desk.userIds.length > 0;
  const sentNow = r.kind === "STOP" || r.kind === "PROTECTIVE_STOP";
  const request = await tx.bankRequest.create({
    data: {
      cityId: r.cityId,
      districtId: r.districtId,
      stationId: r.stationId,
      caseId: r.caseId,
      alertId: r.alertId ?? null,
      transferId: r.transferId,
      parentRequestId: r.parentRequestId ?? null,
      kind: r.kind,
      status: sentNow ? "SENT" : "AWAITING_APPROVAL",
      viaDesk,
      ...r.account,
      amountFen: r.amountFen,
      termMonths: r.termMonths ?? null,
      // Until approved the clock has not started; the approval sets the real reply-by time.
      replyBy: sentNow ? await replyByFor(tx, r.cityId, r.kind, now) : now,
      filedAt: now,
      filedById: actor.userId,
    },
    select: { id: true },
  });
  await recordAudit(tx, actor, {
    action: "bankRequest.file",
    outcome: "SUCCESS",
    entityType: "bank_request",
    entityId: request.id,
    details: { kind: r.kind, amountFen: r.amountFen.toString(), viaDesk, ...(r.caseId ? { caseId: r.caseId } : {}), ...details },
  });
  const note = { cityId: r.cityId, bankRequestId: request.id };
  if (!sentNow) await notify(tx, { ...note, kind: "BANK_REQUEST_APPROVAL" }, { ...supervisorRecipients(r.cityId), exceptUserId: actor.userId });
  else if (viaDesk) await notify(tx, { ...note, kind: "BANK_REQUEST_NEW" }, desk);
  return { requestId: request.id, viaDesk };
}
