// The center's side of the money workflow against the real database: a stop filed from an alert
// opens (or joins) the case and is sent at once; a double submit files once; a third stop on one
// account is refused before anything is written; a supervisor cannot approve their own freeze;
// the bank's answer that the money moved on sends a new stop to the next bank's desk; the case's
// totals are the sums of its transfers; outsiders get "not found", audited.
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { DomainError, NotFoundError, ValidationError } from "@/lib/errors";
import { luhnCheckDigit } from "@/lib/pii/bank-card";
import { AnswerStopSchema, ApproveRequestSchema, FileCaseNumberSchema, FileFollowUpRequestSchema, FileStopSchema, RecordReturnSchema } from "@/lib/schemas/cases";
import { recordReturn } from "@/lib/server/bank-requests/record-return";
import { moneyAt } from "../../support/money-factory";
import { fileStop } from "@/lib/server/bank-requests/file-stop";
import { fileFollowUpRequest } from "@/lib/server/bank-requests/file-follow-up-request";
import { approveBankRequest } from "@/lib/server/bank-requests/approve-bank-request";
import { answerStop } from "@/lib/server/bank-requests/answer-stop";
import { listApprovals } from "@/lib/server/bank-requests/list-approvals";
import { fileCaseNumber } from "@/lib/server/cases/file-case-number";
import { getCase } from "@/lib/server/cases/get-case";
import { getAlertMoney } from "@/lib/server/cases/get-alert-money";
import { listCases } from "@/lib/server/cases/list-cases";
import { openTestDatabase } from "../../support/test-database";
import { createNewAlerts } from "../../support/alert-factory";
import { account } from "../../support/instruction-factory";
import { auditRowsAfter, databaseFingerprint, expectListedWithout, expectRefusal, lastAuditId } from "../../support/refusals";

await openTestDatabase("demo");

let analyst: Actor;
let leader: Actor;
let icbcDesk: Actor;
let banks: Record<"ICBC" | "CCB", string>;

beforeAll(async () => {
  analyst = await account("analyst1");
  leader = await account("leader");
  icbcDesk = await account("bank.icbc");
  const rows = await db.bank.findMany({ where: { code: { in: ["ICBC", "CCB"] } }, select: { id: true, code: true } });
  banks = Object.fromEntries(rows.map((b) => [b.code, b.id])) as typeof banks;
});

/** A fresh bank card of the bank's BIN with a valid check digit (a different account each call). */
function card(bin: string): string {
  const payload = bin + String(randomInt(0, 1_000_000)).padStart(6, "0") + String(randomInt(0, 1_000_000)).padStart(6, "0");
  return payload + luhnCheckDigit(payload);
}

/** A Shanghai wall-clock time `minutesAgo` before now, as the datetime-local input sends it. */
function shanghaiInput(minutesAgo: number): string {
  return new Date(Date.now() + 8 * 3_600_000 - minutesAgo * 60_000).toISOString().slice(0, 16);
}

function stopInput(alertId: string, account: string, amountYuan = "5000", minutesAgo = 10) {
  return FileStopSchema.parse({ alertId, bankId: banks.ICBC, account, holder: "王某某", amountYuan, transferredAt: shanghaiInput(minutesAgo) });
}

async function newAlert(stationCode = "D01S01"): Promise<string> {
  const [id] = await createNewAlerts(1, { stationCode, riskLevel: "URGENT" });
  return id!;
}

describe("紧急止付 from the alert", () => {
  it("opens the case, sends the stop at once, and a second stop on the same alert joins the same case", async () => {
    const alertId = await newAlert();
    const first = await fileStop(analyst, stopInput(alertId, card("622202")));
    const alert = await db.alert.findUniqueOrThrow({ where: { id: alertId }, select: { caseId: true } });
    expect(alert.caseId).toBe(first.caseId);
    const request = await db.bankRequest.findUniqueOrThrow({ where: { id: first.requestId } });
    // A stop never waits for an approval.
    expect(request.status).toBe("SENT");
    expect(request.kind).toBe("STOP");
    expect(request.viaDesk).toBe(true);

    const second = await fileStop(analyst, stopInput(alertId, card("621226"), "1200.50"));
    expect(second.caseId).toBe(first.caseId);
    expect(second.requestId).not.toBe(first.requestId);
    const transfers = await db.caseTransfer.findMany({ where: { caseId: first.caseId }, select: { level: true, amountFen: true } });
    expect(transfers.map((t) => t.level)).toEqual([1, 1]);
    const fraudCase = await db.fraudCase.findUniqueOrThrow({ where: { id: first.caseId }, select: { lossFen: true, alertId: true } });
    expect(fraudCase.alertId).toBe(alertId);
    expect(fraudCase.lossFen).toBe(500_000n + 120_050n);

    const money = await getAlertMoney(analyst, alertId);
    expect(money.offerStop).toBe(true);
    expect(money.case?.id).toBe(first.caseId);
    expect(money.case?.firstStopAt).toBe(request.filedAt.toISOString());
    expect(money.institutions.some((i) => i.id === banks.CCB)).toBe(true);
  });

  it("a double submit of the same transfer files it once", async () => {
    const alertId = await newAlert();
    const input = stopInput(alertId, card("622202"));
    const [a, b] = await Promise.all([fileStop(analyst, input), fileStop(analyst, input)]);
    expect(b).toEqual(a);
    expect(await db.caseTransfer.count({ where: { caseId: a.caseId } })).toBe(1);
    expect(await db.bankRequest.count({ where: { caseId: a.caseId } })).toBe(1);
    expect(await db.fraudCase.count({ where: { alertId } })).toBe(1);
  });

  it("a third stop on one account is refused as a field error, and nothing is written", async () => {
    const shared = card("622202");
    await fileStop(analyst, stopInput(await newAlert(), shared));
    await fileStop(analyst, stopInput(await newAlert(), shared, "800"));
    const third = await newAlert();
    const before = await databaseFingerprint();
    const last = await lastAuditId();
    const error = await fileStop(analyst, stopInput(third, shared, "300")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe("money.errors.thirdStop");
    expect((error as ValidationError).field).toBe("account");
    expect(await databaseFingerprint()).toEqual(before);
    expect(await auditRowsAfter(last)).toEqual([]);
    expect((await db.alert.findUniqueOrThrow({ where: { id: third }, select: { caseId: true } })).caseId).toBeNull();
  });
});

describe("the alert page's money panel", () => {
  it("offers the protective stop on an open alert to the center, the stop once money is in a case, and no form to a station officer", async () => {
    const alertId = await newAlert();
    const open = await getAlertMoney(analyst, alertId);
    expect(open).toMatchObject({ offerStop: false, offerProtective: true, case: null });
    const { caseId } = await fileStop(analyst, stopInput(alertId, card("622202")));
    const officer = await account("officer.d01s01");
    const seen = await getAlertMoney(officer, alertId);
    expect(seen).toMatchObject({ offerStop: false, offerProtective: false, institutions: [] });
    expect(seen.case?.id).toBe(caseId);
  });
});

describe("approvals", () => {
  it("a supervisor who filed a freeze cannot approve it (denied, audited); it waits on the approvals list", async () => {
    const { caseId } = await fileStop(leader, stopInput(await newAlert(), card("622202")));
    const transfer = await db.caseTransfer.findFirstOrThrow({ where: { caseId }, select: { id: true } });
    const { requestId } = await fileFollowUpRequest(leader, FileFollowUpRequestSchema.parse({ transferId: transfer.id, kind: "FREEZE", amountYuan: "5000", termMonths: "6" }));
    expect((await db.bankRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("AWAITING_APPROVAL");

    const waiting = await listApprovals(leader);
    const item = waiting.find((w) => w.id === requestId);
    expect(item).toMatchObject({ kind: "FREEZE", amountFen: "500000", caseId, termMonths: 6, filedByName: leader.displayName });
    const filedAts = waiting.map((w) => w.filedAt);
    expect(filedAts).toEqual([...filedAts].sort());

    const last = await lastAuditId();
    const approve = ApproveRequestSchema.parse({ requestId, version: "1", noticeNumber: "江公冻字2026-001" });
    const error = await approveBankRequest(leader, approve).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("money.errors.selfApproval");
    const rows = await auditRowsAfter(last);
    expect(rows.map((r) => ({ outcome: r.outcome, details: r.details }))).toEqual([{ outcome: "DENIED", details: { reason: "selfApproval" } }]);
    expect((await db.bankRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("AWAITING_APPROVAL");
  });

  it("an analyst does not see the approvals list", async () => {
    await expect(listApprovals(analyst)).rejects.toBeInstanceOf(DomainError);
  });
});

describe("follow the money", () => {
  it("the ICBC desk answers that part moved on to CCB: a level-2 transfer and a new stop at CCB's desk, sent at once", async () => {
    const { caseId, requestId } = await fileStop(analyst, stopInput(await newAlert(), card("622202"), "10000", 20));
    const ccbAccount = card("621700");
    const answer = AnswerStopSchema.parse({
      requestId,
      version: "1",
      stoppedYuan: "3000",
      movedOn: JSON.stringify([{ bankId: banks.CCB, account: ccbAccount, amountYuan: "7000", transferredAt: shanghaiInput(15) }]),
    });
    const { followOnRequestIds } = await answerStop(icbcDesk, answer);
    expect(followOnRequestIds).toHaveLength(1);
    const next = await db.bankRequest.findUniqueOrThrow({ where: { id: followOnRequestIds[0]! } });
    expect(next).toMatchObject({ kind: "STOP", status: "SENT", bankId: banks.CCB, viaDesk: true, parentRequestId: requestId, caseId, amountFen: 700_000n, accountLast4: ccbAccount.slice(-4) });
    const child = await db.caseTransfer.findUniqueOrThrow({ where: { id: next.transferId! }, select: { level: true, parentId: true } });
    const parent = await db.bankRequest.findUniqueOrThrow({ where: { id: requestId }, select: { transferId: true } });
    expect(child).toEqual({ level: 2, parentId: parent.transferId });
    const told = await db.notification.findMany({ where: { bankRequestId: next.id, kind: "BANK_REQUEST_NEW" }, select: { user: { select: { username: true } } } });
    expect(told.map((n) => n.user.username)).toEqual(["bank.ccb"]);

    // The case page draws the chain: level 1 stopped in part, level 2 under it.
    const detail = await getCase(analyst, caseId);
    const [level1, level2] = detail.transfers;
    expect(level1).toMatchObject({ level: 1, stoppedFen: "300000", stopHolds: true, heldNowFen: "300000" });
    expect(level2).toMatchObject({ level: 2, parentId: level1!.id, bankName: "建设银行", account: `****${ccbAccount.slice(-4)}`, heldNowFen: "0" });
    expect(detail.requests.find((r) => r.id === next.id)).toMatchObject({ kind: "STOP", status: "SENT", open: true });
  });
});

describe("the case page", () => {
  it("totals are the sums of the transfers' figures, computed now; 立案 records the number", async () => {
    const alertId = await newAlert();
    const a = await fileStop(analyst, stopInput(alertId, card("622202"), "4000"));
    const b = await fileStop(analyst, stopInput(alertId, card("621558"), "2500"));
    await answerStop(icbcDesk, AnswerStopSchema.parse({ requestId: a.requestId, version: "1", stoppedYuan: "4000" }));
    await answerStop(icbcDesk, AnswerStopSchema.parse({ requestId: b.requestId, version: "1", stoppedYuan: "1000" }));
    const detail = await getCase(analyst, a.caseId);
    const sum = (pick: (t: (typeof detail.transfers)[number]) => string) => detail.transfers.reduce((s, t) => s + BigInt(pick(t)), 0n).toString();
    expect(BigInt(detail.totals.stoppedNowFen) + BigInt(detail.totals.frozenNowFen)).toBe(BigInt(detail.totals.heldNowFen));
    expect(detail.totals.heldNowFen).toBe(sum((t) => t.heldNowFen));
    expect(detail.totals.returnedFen).toBe(sum((t) => t.returnedFen));
    expect(detail.totals).toEqual({ stoppedNowFen: "500000", frozenNowFen: "0", heldNowFen: "500000", returnedFen: "0", recoveryPercent: 0 });
    expect(detail.lossFen).toBe("650000");

    // Two days on, the stops have lapsed: nothing is held, though the amounts stay on record.
    const later = await getCase(analyst, a.caseId, new Date(Date.now() + 49 * 3_600_000));
    expect(later.totals.heldNowFen).toBe("0");
    expect(later.transfers.map((t) => t.stoppedFen).sort()).toEqual(["100000", "400000"]);

    await fileCaseNumber(analyst, FileCaseNumberSchema.parse({ caseId: a.caseId, version: String(detail.version), caseNumber: `A${randomInt(100000, 999999)}` }));
    expect((await getCase(analyst, a.caseId)).status).toBe("FILED");
    expect((await listCases(analyst)).items[0]?.id).toBe(a.caseId);
  });

  it("the coordinator of another district and 临川's analyst get not found, audited, and do not list it", async () => {
    const { caseId } = await fileStop(analyst, stopInput(await newAlert("D01S01"), card("622202")));
    const otherDistrict = await account("coord.d02");
    const otherCity = await account("lc.analyst1");
    for (const outsider of [otherDistrict, otherCity]) {
      await expectRefusal(`${outsider.username} reads the case`, outsider, () => getCase(outsider, caseId), { error: NotFoundError, reason: "jurisdiction", entityId: caseId });
      await expectListedWithout(`${outsider.username} lists cases`, async () => (await listCases(outsider)).items.map((c) => c.id), [caseId]);
    }
    const own = await account("coord.d01");
    expect((await getCase(own, caseId)).canFile).toBe(false);
  });
});

describe("what the case says is held, once frozen and partly returned", () => {
  it("counts the frozen money once (the freeze takes over the stop) and net of what went back", async () => {
    const made = await moneyAt("returnAccepted");
    const liaison = await account("bank.icbc");
    const frozen = await getCase(analyst, made.caseId);
    expect(frozen.totals).toMatchObject({ stoppedNowFen: "0", frozenNowFen: "100000", heldNowFen: "100000", returnedFen: "0" });
    await recordReturn(liaison, RecordReturnSchema.parse({ requestId: made.requestId, version: made.version, amountYuan: "600", returnedOn: "2026-12-03", receiptNumber: "HZ-600" }));
    const after = await getCase(analyst, made.caseId);
    expect(after.totals).toMatchObject({ stoppedNowFen: "0", frozenNowFen: "40000", heldNowFen: "40000", returnedFen: "60000" });
    expect(after.totals.recoveryPercent).toBe(60);
  });
});
