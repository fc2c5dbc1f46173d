import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { alertScope, can } from "@/lib/auth/permissions";
import { assertCan } from "@/lib/auth/authorize";
import { findAlertInScope } from "@/lib/server/alerts/find-alert-in-scope";
import { maskIdNumber, maskName, maskPhone } from "@/lib/pii/mask";
import { vault } from "@/lib/server/pii/vault";
import type {
  AlertOutcome,
  AlertStatus,
  ContactChannel,
  ContactResult,
  FraudType,
  RiskLevel,
} from "@/prisma/generated/client/enums";

export interface AlertDetail {
  id: string;
  externalId: string;
  version: number;
  riskLevel: RiskLevel;
  fraudType: FraudType;
  status: AlertStatus;
  outcome: AlertOutcome | null;
  detectedAt: string;
  receivedAt: string;
  firstContactDeadline: string;
  firstContactAt: string | null;
  /** Still open, nobody reached yet, and past the first-contact deadline. */
  overdue: boolean;
  closedAt: string | null;
  sourceName: string;
  districtName: string | null;
  stationName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  person: {
    name: string;
    /** The number this warning is about (masked): the one to call first. */
    phone: string;
    /** The person's other numbers seen in earlier warnings (masked), most recent first. */
    otherPhones: { phone: string; firstSeenAt: string; lastSeenAt: string }[];
    idNumber: string | null;
    hasAddress: boolean;
    /** Which masked fields this actor may reveal (each reveal is audited). */
    canReveal: { phone: boolean; idNumber: boolean; address: boolean };
  };
  fraudSide: {
    callerNumbers: string[];
    appNames: string[];
    urls: string[];
    /** Suspect accounts are the fraudsters', shown in full to investigators. */
    suspectAccounts: string[];
    amountInTransferFen: string | null;
  };
  lossFen: string | null;
  attempts: {
    id: string;
    channel: ContactChannel;
    result: ContactResult;
    note: string | null;
    attemptedAt: string;
    userName: string | null;
  }[];
  history: { id: string; detectedAt: string; riskLevel: RiskLevel; fraudType: FraudType; status: AlertStatus; outcome: AlertOutcome | null }[];
}

/**
 * One alert, if it is inside the actor's jurisdiction. Outside it (or unknown) → NotFoundError,
 * and the attempt is audited when the alert exists.
 */
export async function getAlert(actor: Actor, alertId: string): Promise<AlertDetail> {
  await assertCan(actor, "alert.read", { type: "alert", id: alertId });
  const alert = await findAlertInScope(actor, alertId, "alert.read", {
          id: true,
          externalId: true,
          version: true,
          riskLevel: true,
          fraudType: true,
          status: true,
          outcome: true,
          detectedAt: true,
          receivedAt: true,
          firstContactDeadline: true,
          firstContactAt: true,
          closedAt: true,
          addressSealed: true,
          phoneSealed: true,
          phoneIndex: true,
          callerNumbers: true,
          appNames: true,
          urls: true,
          suspectAccounts: true,
          amountInTransferFen: true,
          lossFen: true,
          personId: true,
          person: {
            select: {
              nameSealed: true,
              idNumberSealed: true,
              phones: { orderBy: { lastSeenAt: "desc" }, take: 11, select: { phoneSealed: true, phoneIndex: true, firstSeenAt: true, lastSeenAt: true } },
            },
          },
          source: { select: { name: true } },
          district: { select: { name: true } },
          station: { select: { name: true } },
          assignee: { select: { id: true, displayName: true } },
          attempts: {
            orderBy: { attemptedAt: "asc" },
            select: {
              id: true,
              channel: true,
              result: true,
              note: true,
              attemptedAt: true,
              user: { select: { displayName: true } },
            },
          },
        });
  const history = await db.alert.findMany({
    where: { AND: [{ personId: alert.personId, id: { not: alert.id } }, alertScope(actor)] },
    orderBy: { detectedAt: "desc" },
    take: 20,
    select: { id: true, detectedAt: true, riskLevel: true, fraudType: true, status: true, outcome: true },
  });
  const pii = vault();
  return {
    id: alert.id,
    externalId: alert.externalId,
    version: alert.version,
    riskLevel: alert.riskLevel,
    fraudType: alert.fraudType,
    status: alert.status,
    outcome: alert.outcome,
    detectedAt: alert.detectedAt.toISOString(),
    receivedAt: alert.receivedAt.toISOString(),
    firstContactDeadline: alert.firstContactDeadline.toISOString(),
    firstContactAt: alert.firstContactAt?.toISOString() ?? null,
    overdue: !alert.firstContactAt && (alert.status === "NEW" || alert.status === "CLAIMED") && alert.firstContactDeadline.getTime() < Date.now(),
    closedAt: alert.closedAt?.toISOString() ?? null,
    sourceName: alert.source.name,
    districtName: alert.district?.name ?? null,
    stationName: alert.station?.name ?? null,
    assigneeId: alert.assignee?.id ?? null,
    assigneeName: alert.assignee?.displayName ?? null,
    person: {
      name: maskName(pii.open("name", alert.person.nameSealed)),
      phone: maskPhone(pii.open("phone", alert.phoneSealed)),
      otherPhones: alert.person.phones
        .filter((p) => p.phoneIndex !== alert.phoneIndex)
        .slice(0, 10)
        .map((p) => ({ phone: maskPhone(pii.open("phone", p.phoneSealed)), firstSeenAt: p.firstSeenAt.toISOString(), lastSeenAt: p.lastSeenAt.toISOString() })),
      idNumber: alert.person.idNumberSealed ? maskIdNumber(pii.open("idNumber", alert.person.idNumberSealed)) : null,
      hasAddress: Boolean(alert.addressSealed),
      canReveal: {
        phone: can(actor, "alert.revealPhone"),
        idNumber: Boolean(alert.person.idNumberSealed) && can(actor, "alert.revealIdNumber"),
        address: Boolean(alert.addressSealed) && can(actor, "alert.revealAddress"),
      },
    },
    fraudSide: {
      callerNumbers: alert.callerNumbers,
      appNames: alert.appNames,
      urls: alert.urls,
      suspectAccounts: alert.suspectAccounts,
      amountInTransferFen: alert.amountInTransferFen?.toString() ?? null,
    },
    lossFen: alert.lossFen?.toString() ?? null,
    attempts: alert.attempts.map((a) => ({
      id: a.id,
      channel: a.channel,
      result: a.result,
      note: a.note,
      attemptedAt: a.attemptedAt.toISOString(),
      userName: a.user?.displayName ?? null,
    })),
    history: history.map((h) => ({ ...h, detectedAt: h.detectedAt.toISOString() })),
  };
}
