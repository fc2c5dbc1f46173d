import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { assertCan } from "@/lib/auth/authorize";
import type { AlertOutcome, AlertStatus, BankKind, BankRequestKind, BankRequestStatus, CaseStatus, RiskLevel } from "@/prisma/generated/client/enums";
import { freezeHolds, heldNow, stopHolds } from "@/lib/cases/transfer-ledger";
import { displayStatus } from "@/lib/cases/bank-request-state";
import { firstStopDueAt } from "@/lib/cases/request-clock";
import { maskName } from "@/lib/pii/mask";
import { vault } from "@/lib/server/pii/vault";
import { findCaseInScope } from "./find-case-in-scope";

export interface CaseTransferItem {
  id: string;
  parentId: string | null;
  level: number;
  bankName: string;
  bankKind: BankKind;
  /** ****1234: only the last four are ever shown here (the full number is revealed on its request, audited). */
  account: string;
  fromAccount: string | null;
  amountFen: string;
  transferredAt: string;
  stoppedFen: string;
  stopEndsAt: string | null;
  stopHolds: boolean;
  frozenFen: string;
  freezeEndsAt: string | null;
  freezeHolds: boolean;
  returnedFen: string;
  heldNowFen: string;
}

export interface CaseRequestItem {
  id: string;
  transferId: string | null;
  kind: BankRequestKind;
  /** The status as said (超时 derived): a key under `money.status.`. */
  status: BankRequestStatus | "TIMED_OUT";
  open: boolean;
  bankName: string;
  account: string;
  amountFen: string;
  termMonths: number | null;
  filedAt: string;
  /** Null while it waits for approval (its clock has not started). */
  replyBy: string | null;
}

export interface CaseDetail {
  id: string;
  version: number;
  status: CaseStatus;
  caseNumber: string | null;
  reportedAt: string;
  /** The first receiving account is to be stopped by then (30 minutes from the report). */
  firstStopDueAt: string;
  /** When the first stop was filed, if any (the 30-minute clock stops there). */
  firstStopAt: string | null;
  openedAt: string;
  filedAt: string | null;
  districtName: string | null;
  stationName: string | null;
  firstAlertId: string;
  alerts: { id: string; detectedAt: string; riskLevel: RiskLevel; status: AlertStatus; outcome: AlertOutcome | null }[];
  /** The people whose money it is, masked. */
  victims: string[];
  lossFen: string;
  totals: {
    stoppedNowFen: string;
    frozenNowFen: string;
    heldNowFen: string;
    returnedFen: string;
    /** 挽损比 as we define it: returned ÷ loss, in percent with one decimal (null without a loss). */
    recoveryPercent: number | null;
  };
  transfers: CaseTransferItem[];
  requests: CaseRequestItem[];
  /** Whether the actor may file stops, follow-ups and 立案 here. */
  canFile: boolean;
}

const last4 = (v: string | null) => (v ? `****${v}` : null);

/**
 * One case in the actor's jurisdiction (outsiders: not found, audited), with what is held
 * computed now from the transfers' end times (lib/cases/transfer-ledger.ts), never stored, so the
 * totals cannot go stale when a stop lapses. The totals are the sums of the transfers' own figures.
 */
export async function getCase(actor: Actor, caseId: string, now = new Date()): Promise<CaseDetail> {
  await assertCan(actor, "case.read", { type: "case", id: caseId });
  const c = await findCaseInScope(actor, caseId, "case.read", {
    id: true,
    version: true,
    status: true,
    caseNumber: true,
    reportedAt: true,
    openedAt: true,
    filedAt: true,
    alertId: true,
    lossFen: true,
    returnedFen: true,
    district: { select: { name: true } },
    station: { select: { name: true } },
    alerts: {
      orderBy: { detectedAt: "asc" },
      take: 100,
      select: { id: true, detectedAt: true, riskLevel: true, status: true, outcome: true, personId: true, person: { select: { nameSealed: true } } },
    },
  });
  const [transfers, requests] = await Promise.all([
    db.caseTransfer.findMany({
      where: { caseId: c.id },
      orderBy: [{ level: "asc" }, { transferredAt: "asc" }, { id: "asc" }],
      take: 500,
      select: {
        id: true,
        parentId: true,
        level: true,
        accountLast4: true,
        fromAccountLast4: true,
        amountFen: true,
        transferredAt: true,
        stoppedFen: true,
        stopEndsAt: true,
        frozenFen: true,
        freezeEndsAt: true,
        returnedFen: true,
        bank: { select: { shortName: true, kind: true } },
      },
    }),
    db.bankRequest.findMany({
      where: { caseId: c.id },
      orderBy: [{ filedAt: "desc" }, { id: "desc" }],
      take: 500,
      select: { id: true, transferId: true, kind: true, status: true, accountLast4: true, amountFen: true, termMonths: true, filedAt: true, replyBy: true, bank: { select: { shortName: true } } },
    }),
  ]);

  let stopped = 0n;
  let frozen = 0n;
  let held = 0n;
  const transferItems = transfers.map((t) => {
    const h = { ...t, movedOnFen: 0n };
    const stopOn = stopHolds(h, now);
    const freezeOn = freezeHolds(h, now);
    const heldFen = heldNow(h, now);
    // What is held now, told apart by what holds it: a freeze in force takes over the stop's money.
    const byFreeze = freezeOn ? minFen(heldFen, t.frozenFen - t.returnedFen) : 0n;
    frozen += byFreeze;
    stopped += heldFen - byFreeze;
    held += heldFen;
    return {
      id: t.id,
      parentId: t.parentId,
      level: t.level,
      bankName: t.bank.shortName,
      bankKind: t.bank.kind,
      account: `****${t.accountLast4}`,
      fromAccount: last4(t.fromAccountLast4),
      amountFen: t.amountFen.toString(),
      transferredAt: t.transferredAt.toISOString(),
      stoppedFen: t.stoppedFen.toString(),
      stopEndsAt: t.stopEndsAt?.toISOString() ?? null,
      stopHolds: stopOn,
      frozenFen: t.frozenFen.toString(),
      freezeEndsAt: t.freezeEndsAt?.toISOString() ?? null,
      freezeHolds: freezeOn,
      returnedFen: t.returnedFen.toString(),
      heldNowFen: heldFen.toString(),
    };
  });
  const firstStop = requests.filter((r) => r.kind === "STOP").at(-1);
  const pii = vault();
  const victims = new Map<string, string>();
  for (const a of c.alerts) if (!victims.has(a.personId)) victims.set(a.personId, maskName(pii.open("name", a.person.nameSealed)));

  return {
    id: c.id,
    version: c.version,
    status: c.status,
    caseNumber: c.caseNumber,
    reportedAt: c.reportedAt.toISOString(),
    firstStopDueAt: firstStopDueAt(c.reportedAt).toISOString(),
    firstStopAt: firstStop?.filedAt.toISOString() ?? null,
    openedAt: c.openedAt.toISOString(),
    filedAt: c.filedAt?.toISOString() ?? null,
    districtName: c.district?.name ?? null,
    stationName: c.station?.name ?? null,
    firstAlertId: c.alertId,
    alerts: c.alerts.map((a) => ({ id: a.id, detectedAt: a.detectedAt.toISOString(), riskLevel: a.riskLevel, status: a.status, outcome: a.outcome })),
    victims: [...victims.values()],
    lossFen: c.lossFen.toString(),
    totals: {
      stoppedNowFen: stopped.toString(),
      frozenNowFen: frozen.toString(),
      heldNowFen: held.toString(),
      returnedFen: c.returnedFen.toString(),
      recoveryPercent: c.lossFen > 0n ? Number((c.returnedFen * 1000n) / c.lossFen) / 10 : null,
    },
    transfers: transferItems,
    requests: requests.map((r) => ({
      id: r.id,
      transferId: r.transferId,
      kind: r.kind,
      status: displayStatus(r, now),
      open: r.status === "AWAITING_APPROVAL" || r.status === "SENT" || r.status === "ACCEPTED",
      bankName: r.bank.shortName,
      account: `****${r.accountLast4}`,
      amountFen: r.amountFen.toString(),
      termMonths: r.termMonths,
      filedAt: r.filedAt.toISOString(),
      replyBy: r.status === "AWAITING_APPROVAL" ? null : r.replyBy.toISOString(),
    })),
    canFile: can(actor, "case.file"),
  };
}

const minFen = (a: bigint, b: bigint): bigint => (a < b ? (a < 0n ? 0n : a) : b < 0n ? 0n : b);
