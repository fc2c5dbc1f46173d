import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { assertCan } from "@/lib/auth/authorize";
import { firstStopDueAt } from "@/lib/cases/request-clock";
import { findAlertInScope } from "@/lib/server/alerts/find-alert-in-scope";
import { listInstitutions, type InstitutionOption } from "@/lib/server/bank-requests/list-institutions";

export interface AlertMoney {
  /** Offer 紧急止付 here: closed as 已被骗, money in transit, or already in a case — and the actor may file. */
  offerStop: boolean;
  /** Offer 保护性止付 on the person's own account: the alert is still open. */
  offerProtective: boolean;
  amountInTransferFen: string | null;
  case: { id: string; caseNumber: string | null; reportedAt: string; firstStopDueAt: string; firstStopAt: string | null } | null;
  /** Only loaded when a form is offered. */
  institutions: InstitutionOption[];
}

/**
 * The money side of an alert page: its case (if any) with the 30-minute clock of the first stop,
 * and whether the stop forms are offered. Two small queries, and the institutions only when a
 * form shows, so the alert page stays fast for everyone else.
 */
export async function getAlertMoney(actor: Actor, alertId: string): Promise<AlertMoney> {
  await assertCan(actor, "alert.read", { type: "alert", id: alertId });
  const alert = await findAlertInScope(actor, alertId, "alert.read", {
    status: true,
    outcome: true,
    amountInTransferFen: true,
    fraudCaseJoined: { select: { id: true, caseNumber: true, reportedAt: true } },
  });
  const fraudCase = alert.fraudCaseJoined;
  // A reader outside the case's jurisdiction still sees the alert; the case link is theirs only if they may read cases.
  const showCase = fraudCase !== null && can(actor, "case.read");
  const firstStop = showCase
    ? await db.bankRequest.findFirst({ where: { caseId: fraudCase.id, kind: "STOP" }, orderBy: { filedAt: "asc" }, select: { filedAt: true } })
    : null;
  const mayFile = can(actor, "case.file");
  const offerStop = mayFile && (alert.outcome === "DEFRAUDED" || alert.amountInTransferFen !== null || fraudCase !== null);
  const offerProtective = mayFile && (alert.status === "NEW" || alert.status === "CLAIMED");
  return {
    offerStop,
    offerProtective,
    amountInTransferFen: alert.amountInTransferFen?.toString() ?? null,
    case: showCase
      ? {
          id: fraudCase.id,
          caseNumber: fraudCase.caseNumber,
          reportedAt: fraudCase.reportedAt.toISOString(),
          firstStopDueAt: firstStopDueAt(fraudCase.reportedAt).toISOString(),
          firstStopAt: firstStop?.filedAt.toISOString() ?? null,
        }
      : null,
    institutions: offerStop || offerProtective ? await listInstitutions() : [],
  };
}
