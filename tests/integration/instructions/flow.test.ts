// The dispatch chain end to end (交、办、结) against the real database: each step's row, timeline,
// audit and notifications; the feedback applied to the alert for every outcome; send back,
// cancel, follow-up; stale versions and races (two officers signing off, two dispatches at once).
import { beforeAll, describe, expect, it } from "vitest";
process.env.DB_POOL_SIZE = "20";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { FeedbackOutcome } from "@/prisma/generated/client/enums";
import { ConflictError, DomainError } from "@/lib/errors";
import {
  CancelInstructionSchema,
  CheckInSchema,
  CloseInstructionSchema,
  DispatchInstructionSchema,
  FeedbackDraftSchema,
  ForwardInstructionSchema,
  InstructionStepSchema,
  SendBackSchema,
  SetTeamSchema,
  VisitAttemptSchema,
} from "@/lib/schemas/instructions";
import { CloseAlertSchema, ContactAttemptSchema } from "@/lib/schemas/triage";
import { dispatchInstruction } from "@/lib/server/instructions/dispatch-instruction";
import { forwardInstruction } from "@/lib/server/instructions/forward-instruction";
import { signOffInstruction } from "@/lib/server/instructions/sign-off-instruction";
import { setInstructionTeam } from "@/lib/server/instructions/set-instruction-team";
import { checkInOnSite } from "@/lib/server/instructions/check-in-on-site";
import { recordVisitAttempt } from "@/lib/server/instructions/record-visit-attempt";
import { saveFeedbackDraft } from "@/lib/server/instructions/save-feedback-draft";
import { reportFeedback } from "@/lib/server/instructions/report-feedback";
import { closeInstruction } from "@/lib/server/instructions/close-instruction";
import { sendBackInstruction } from "@/lib/server/instructions/send-back-instruction";
import { cancelInstruction } from "@/lib/server/instructions/cancel-instruction";
import { getInstruction } from "@/lib/server/instructions/get-instruction";
import { claimAlert } from "@/lib/server/alerts/claim-alert";
import { recordContactAttempt } from "@/lib/server/alerts/record-contact-attempt";
import { closeAlert } from "@/lib/server/alerts/close-alert";
import { openTestDatabase } from "../../support/test-database";
import { createNewAlerts } from "../../support/alert-factory";
import { account, anotherOfficer, createInstruction, feedback, unitIds } from "../../support/instruction-factory";
import { auditRowsAfter, databaseFingerprint, expectRefusal, lastAuditId } from "../../support/refusals";

await openTestDatabase("demo");

let analyst: Actor;
let coordinator: Actor;
let officer: Actor;

beforeAll(async () => {
  analyst = await account("analyst1");
  coordinator = await account("coord.d01");
  officer = await account("officer.d01s01");
});

/** Who got which notification about the instruction (usernames by kind). */
async function notified(instructionId: string): Promise<Record<string, string[]>> {
  const rows = await db.notification.findMany({ where: { instructionId }, select: { kind: true, user: { select: { username: true } } } });
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.kind] ??= []).push(r.user.username);
  for (const k of Object.keys(out)) out[k]!.sort();
  return out;
}

async function usernamesOf(where: { unitCode: string; role: "STATION_OFFICER" | "DISTRICT_COORDINATOR" | "SUPERVISOR" }): Promise<string[]> {
  const unit = await db.orgUnit.findUniqueOrThrow({ where: { code: where.unitCode }, select: { id: true } });
  const users = await db.user.findMany({ where: { unitId: unit.id, role: where.role, status: "ACTIVE" }, select: { username: true } });
  return users.map((u) => u.username).sort();
}

const instructionRow = (id: string) => db.instruction.findUniqueOrThrow({ where: { id } });
const alertRow = (id: string) => db.alert.findUniqueOrThrow({ where: { id } });

describe("the closed loop: 交 → 办 → 结", () => {
  it("dispatch to a district, forward, sign off, team, check in, a visit with nobody home, draft, report, close as dissuaded", async () => {
    const { stationId, districtId } = await unitIds("D01S01");
    const [alertId] = await createNewAlerts(1, { stationCode: "D01S01", riskLevel: "URGENT" });
    const before = await alertRow(alertId!);
    expect(before.firstContactAt).toBeNull();
    const firstAudit = await lastAuditId();

    // 交: to the district. The alert stays as it was (nobody holds it: it stays in the queue).
    const { instructionId } = await dispatchInstruction(analyst, DispatchInstructionSchema.parse({ alertId, kind: "DOOR_VISIT", districtId, note: "紧急，请立即上门" }));
    let i = await instructionRow(instructionId);
    expect(i).toMatchObject({ status: "AT_DISTRICT", districtId, stationId: null, issuerUnitId: analyst.cityId, issuedById: analyst.userId, riskLevel: "URGENT", version: 1 });
    expect(i.signOffDeadline.getTime()).toBeGreaterThan(i.routedAt.getTime());
    expect(i.feedbackDeadline.getTime()).toBeGreaterThanOrEqual(i.signOffDeadline.getTime());
    expect(i.escalateAt.getTime()).toBe(i.issuedAt.getTime() + 2 * (i.feedbackDeadline.getTime() - i.routedAt.getTime()));
    expect(await alertRow(alertId!)).toMatchObject({ status: "NEW", assigneeId: null, version: before.version });
    expect(await db.alertEvent.count({ where: { alertId, kind: "DISPATCHED" } })).toBe(1);
    expect(await notified(instructionId)).toEqual({ INSTRUCTION_NEW: await usernamesOf({ unitCode: "D01", role: "DISTRICT_COORDINATOR" }) });

    // The district forwards to its station; the deadlines keep running from the dispatch.
    let { version } = await forwardInstruction(coordinator, ForwardInstructionSchema.parse({ instructionId, version: 1, stationId, note: "请东湖所办理" }));
    i = await instructionRow(instructionId);
    expect(i).toMatchObject({ status: "AT_STATION", stationId, districtId, version: 2 });
    expect(i.routedAt).toEqual(i.issuedAt);
    expect((await notified(instructionId)).INSTRUCTION_NEW).toEqual([...(await usernamesOf({ unitCode: "D01", role: "DISTRICT_COORDINATOR" })), ...(await usernamesOf({ unitCode: "D01S01", role: "STATION_OFFICER" }))].sort());

    // 办: sign off (who, when), the team by name, on site.
    ({ version } = await signOffInstruction(officer, InstructionStepSchema.parse({ instructionId, version })));
    i = await instructionRow(instructionId);
    expect(i).toMatchObject({ status: "SIGNED_OFF", signedOffById: officer.userId });
    expect(i.signedOffAt).not.toBeNull();
    ({ version } = await setInstructionTeam(officer, SetTeamSchema.parse({ instructionId, version, officers: "李警官", auxiliaries: "王辅警、赵辅警、钱辅警", gridWorkers: "孙网格员\n周网格员" })));
    expect((await instructionRow(instructionId)).team).toEqual({ officers: ["李警官"], auxiliaries: ["王辅警", "赵辅警", "钱辅警"], gridWorkers: ["孙网格员", "周网格员"] });

    ({ version } = await checkInOnSite(officer, CheckInSchema.parse({ instructionId, version, location: "东湖区测试路8号楼下" })));
    i = await instructionRow(instructionId);
    expect(i).toMatchObject({ status: "ON_SITE", checkInLocation: "东湖区测试路8号楼下" });
    // The check-in is the first contact: the alert's clock stops, its version stays (the analyst's form stays valid).
    const afterCheckIn = await alertRow(alertId!);
    expect(afterCheckIn.firstContactAt).toEqual(i.checkedInAt);
    expect(afterCheckIn.version).toBe(before.version);

    // Nobody home: back to signed off, counted; a second check-in does not move the first contact.
    ({ version } = await recordVisitAttempt(officer, VisitAttemptSchema.parse({ instructionId, version, note: "敲门无人应答" })));
    expect(await instructionRow(instructionId)).toMatchObject({ status: "SIGNED_OFF", visitAttempts: 1 });
    ({ version } = await checkInOnSite(officer, CheckInSchema.parse({ instructionId, version, location: "东湖区测试路8号" })));
    expect((await alertRow(alertId!)).firstContactAt).toEqual(afterCheckIn.firstContactAt);

    // A draft is kept on the server without a new version; only the station sees it.
    await saveFeedbackDraft(officer, FeedbackDraftSchema.parse({ instructionId, outcome: "DISSUADED", metPerson: "yes", checks: ["CHAT_APPS"], note: "已劝阻，正在" }));
    expect((await instructionRow(instructionId)).version).toBe(version);
    expect((await getInstruction(officer, instructionId)).draft).toMatchObject({ outcome: "DISSUADED", metPerson: "yes", checks: ["CHAT_APPS"] });
    expect((await getInstruction(analyst, instructionId)).draft).toBeNull();

    ({ version } = await reportFeedback(officer, feedback({ instructionId, version }, "DISSUADED")));
    i = await instructionRow(instructionId);
    expect(i).toMatchObject({ status: "REPORTED", feedbackOutcome: "DISSUADED", metPerson: true, checks: ["CALL_SMS_LOG", "FRAUD_APPS"], lossAvoidedFen: 2_000_000n, lossFen: null, feedbackDraft: null, reportedById: officer.userId });
    expect((await notified(instructionId)).INSTRUCTION_REPORTED).toEqual(["analyst1"]);

    // 结: the issuer reviews and closes, applying the feedback to the alert.
    const closed = await closeInstruction(analyst, CloseInstructionSchema.parse({ instructionId, version, applyToAlert: "on" }));
    expect(closed.followUpId).toBeNull();
    expect(await instructionRow(instructionId)).toMatchObject({ status: "CLOSED", closedById: analyst.userId });
    expect(await alertRow(alertId!)).toMatchObject({ status: "CLOSED", outcome: "DISSUADED", closedById: analyst.userId });

    const events = await db.instructionEvent.findMany({ where: { instructionId }, orderBy: { at: "asc" }, select: { kind: true } });
    expect(events.map((e) => e.kind)).toEqual(["ISSUED", "FORWARDED", "SIGNED_OFF", "TEAM_SET", "CHECKED_IN", "VISIT_ATTEMPT", "CHECKED_IN", "FEEDBACK", "CLOSED"]);
    const audit = (await auditRowsAfter(firstAudit)).filter((r) => r.outcome === "SUCCESS").map((r) => r.action);
    expect(audit).toEqual([
      "instruction.dispatch",
      "instruction.forward",
      "instruction.sign_off",
      "instruction.set_team",
      "instruction.check_in",
      "instruction.visit_attempt",
      "instruction.check_in",
      "instruction.save_draft",
      "instruction.report",
      "alert.close",
      "instruction.close",
    ]);
    expect((await auditRowsAfter(firstAudit)).filter((r) => r.outcome !== "SUCCESS")).toEqual([]);
  });

  it("a check-in leaves a first contact already made by phone as it was", async () => {
    const [alertId] = await createNewAlerts(1);
    const { version } = await claimAlert(analyst, { alertId: alertId! });
    await recordContactAttempt(analyst, ContactAttemptSchema.parse({ alertId, version, channel: "PHONE", result: "DISBELIEVES" }));
    const contacted = (await alertRow(alertId!)).firstContactAt;
    expect(contacted).not.toBeNull();
    const t = await createInstruction("SIGNED_OFF", { alertId });
    await checkInOnSite(officer, CheckInSchema.parse({ instructionId: t.instructionId, version: t.version, location: "小区门口" }));
    expect((await alertRow(alertId!)).firstContactAt).toEqual(contacted);
  });
});

describe("the feedback applied to the alert when the issuer closes", () => {
  const EXPECTED: Record<Exclude<FeedbackOutcome, "DUPLICATE">, { status: string; outcome: string | null }> = {
    DISSUADED: { status: "CLOSED", outcome: "DISSUADED" },
    DEFRAUDED: { status: "CLOSED", outcome: "DEFRAUDED" },
    NOT_FOUND: { status: "CLOSED", outcome: "UNREACHABLE" },
    NOT_THE_PERSON: { status: "CLOSED", outcome: "FALSE_ALARM" },
    NOT_FOUND_YET: { status: "NEW", outcome: null },
  };

  it.each(Object.entries(EXPECTED))("%s → the alert %o", async (outcome, expected) => {
    const t = await createInstruction("REPORTED", { outcome: outcome as FeedbackOutcome });
    await closeInstruction(analyst, CloseInstructionSchema.parse({ instructionId: t.instructionId, version: t.version, applyToAlert: true }));
    expect(await instructionRow(t.instructionId)).toMatchObject({ status: "CLOSED" });
    const alert = await alertRow(t.alertId);
    expect({ status: alert.status, outcome: alert.outcome }).toEqual(expected);
    const fraudCase = await db.fraudCase.findUnique({ where: { alertId: t.alertId } });
    if (outcome === "DEFRAUDED") {
      // 已被骗: closed with the loss, and the case opened with it (as closing the alert does).
      expect(alert.lossFen).toBe(500_050n);
      expect(fraudCase).toMatchObject({ lossFen: 500_050n, personId: alert.personId, stationId: alert.stationId, districtId: alert.districtId, cityId: alert.cityId, openedById: analyst.userId });
    } else {
      expect(fraudCase).toBeNull();
      expect(alert.lossFen).toBeNull();
    }
  });

  it("DUPLICATE joins the person's other open alert", async () => {
    const [older, newer] = await createNewAlerts(2);
    const t = await createInstruction("REPORTED", { alertId: newer, outcome: "DUPLICATE" });
    await closeInstruction(analyst, CloseInstructionSchema.parse({ instructionId: t.instructionId, version: t.version, applyToAlert: true }));
    expect(await alertRow(newer!)).toMatchObject({ status: "JOINED", joinedAlertId: older, outcome: null });
    expect(await alertRow(older!)).toMatchObject({ status: "NEW" });
    expect(await db.alertEvent.count({ where: { alertId: newer, kind: "REPEAT_JOINED" } })).toBe(1);
  });

  it("DUPLICATE without another open alert of the person: refused, nothing written", async () => {
    const t = await createInstruction("REPORTED", { outcome: "DUPLICATE" });
    const before = await databaseFingerprint();
    const last = await lastAuditId();
    await expect(closeInstruction(analyst, CloseInstructionSchema.parse({ instructionId: t.instructionId, version: t.version, applyToAlert: true }))).rejects.toMatchObject({ code: "noOpenAlertToJoin" });
    expect(await auditRowsAfter(last)).toEqual([]);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("without applyToAlert, and on an alert closed by phone meanwhile, the alert is left as it is", async () => {
    const t = await createInstruction("REPORTED", { outcome: "DEFRAUDED" });
    await closeInstruction(analyst, CloseInstructionSchema.parse({ instructionId: t.instructionId, version: t.version }));
    expect(await alertRow(t.alertId)).toMatchObject({ status: "NEW", outcome: null });
    expect(await db.fraudCase.count({ where: { alertId: t.alertId } })).toBe(0);

    const u = await createInstruction("REPORTED", { outcome: "NOT_THE_PERSON" });
    const { version } = await claimAlert(analyst, { alertId: u.alertId });
    await closeAlert(analyst, CloseAlertSchema.parse({ alertId: u.alertId, version, outcome: "DISSUADED" }));
    await closeInstruction(analyst, CloseInstructionSchema.parse({ instructionId: u.instructionId, version: u.version, applyToAlert: true }));
    expect(await alertRow(u.alertId)).toMatchObject({ status: "CLOSED", outcome: "DISSUADED" });
    expect(await instructionRow(u.instructionId)).toMatchObject({ status: "CLOSED" });
  });
});

describe("review: send back, cancel, follow-up", () => {
  it("send back returns the feedback to the station as a draft to complete, and the officer reports again", async () => {
    const t = await createInstruction("REPORTED", { outcome: "DISSUADED" });
    const { version } = await sendBackInstruction(analyst, SendBackSchema.parse({ instructionId: t.instructionId, version: t.version, note: "请补充核查的转账记录" }));
    const i = await instructionRow(t.instructionId);
    expect(i).toMatchObject({ status: "SIGNED_OFF", feedbackOutcome: null, reportedAt: null });
    expect((await notified(t.instructionId)).INSTRUCTION_SENT_BACK).toEqual(["officer.d01s01"]);
    // The draft is what the officer had reported, in the draft form's own shape.
    const draft = (await getInstruction(officer, t.instructionId)).draft;
    expect(draft).toEqual({ outcome: "DISSUADED", metPerson: "yes", checks: ["CALL_SMS_LOG", "FRAUD_APPS"], lossAvoidedYuan: "20000.00", note: "已当面宣讲" });
    expect(FeedbackDraftSchema.safeParse({ instructionId: t.instructionId, ...draft }).success).toBe(true);
    const again = await reportFeedback(officer, feedback({ instructionId: t.instructionId, version }, "DISSUADED"));
    expect(await instructionRow(t.instructionId)).toMatchObject({ status: "REPORTED", version: again.version, feedbackDraft: null });
  });

  it("cancel withdraws an instruction; the station hears of it and can no longer work it", async () => {
    const t = await createInstruction("AT_STATION");
    await cancelInstruction(analyst, CancelInstructionSchema.parse({ instructionId: t.instructionId, version: t.version, note: "电话已联系上本人" }));
    const i = await instructionRow(t.instructionId);
    expect(i).toMatchObject({ status: "CANCELLED", closedById: analyst.userId });
    expect((await notified(t.instructionId)).INSTRUCTION_CANCELLED).toEqual(["officer.d01s01"]);
    await expectRefusal("sign off a cancelled instruction", officer, () => signOffInstruction(officer, { instructionId: t.instructionId, version: i.version }), {
      error: DomainError,
      reason: "instructionClosed",
      entityId: t.instructionId,
    });
  });

  it("cancelling what waits at the district, or a decline waiting for re-routing, tells the district", async () => {
    for (const stage of ["AT_DISTRICT", "DECLINED"] as const) {
      const t = await createInstruction(stage);
      await cancelInstruction(analyst, CancelInstructionSchema.parse({ instructionId: t.instructionId, version: t.version, note: "电话已联系上本人" }));
      expect((await notified(t.instructionId)).INSTRUCTION_CANCELLED, stage).toEqual(await usernamesOf({ unitCode: "D01", role: "DISTRICT_COORDINATOR" }));
    }
  });

  it("a follow-up visit (回访) is a new phone follow-up to the same station, due in N days", async () => {
    const t = await createInstruction("REPORTED");
    const closed = await closeInstruction(analyst, CloseInstructionSchema.parse({ instructionId: t.instructionId, version: t.version, applyToAlert: true, followUpDays: "7" }));
    expect(closed.followUpId).not.toBeNull();
    const original = await instructionRow(t.instructionId);
    const followUp = await instructionRow(closed.followUpId!);
    expect(followUp).toMatchObject({ kind: "PHONE_FOLLOW_UP", status: "AT_STATION", alertId: t.alertId, stationId: t.stationId, districtId: t.districtId, issuerUnitId: original.issuerUnitId });
    expect(followUp.feedbackDeadline.getTime() - followUp.issuedAt.getTime()).toBe(7 * 24 * 3600 * 1000);
    expect(original.followUpDueAt).toEqual(followUp.feedbackDeadline);
    expect(await notified(followUp.id)).toEqual({ INSTRUCTION_NEW: ["officer.d01s01"] });
    // The station works it like any other.
    await signOffInstruction(officer, { instructionId: followUp.id, version: 1 });
  });
});

describe("versions and races", () => {
  it("a step on a stale version is a conflict, and nothing is written", async () => {
    const t = await createInstruction("SIGNED_OFF", { viaDistrict: true });
    const before = await databaseFingerprint();
    const last = await lastAuditId();
    for (const call of [
      () => checkInOnSite(officer, { instructionId: t.instructionId, version: t.version - 1, location: "楼下" }),
      () => reportFeedback(officer, feedback({ instructionId: t.instructionId, version: t.version + 1 }, "DISSUADED")),
      () => cancelInstruction(analyst, { instructionId: t.instructionId, version: 1, note: "撤销" }),
    ]) {
      await expect(call()).rejects.toBeInstanceOf(ConflictError);
    }
    expect(await auditRowsAfter(last)).toEqual([]);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("two officers of the station sign off at once: one wins, the other is told it changed", async () => {
    const second = await anotherOfficer("D01S01", "officer.d01s01.b");
    for (let round = 0; round < 5; round++) {
      const t = await createInstruction("AT_STATION");
      const results = await Promise.allSettled([officer, second].map((o) => signOffInstruction(o, { instructionId: t.instructionId, version: t.version })));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(ConflictError);
      expect(await db.instructionEvent.count({ where: { instructionId: t.instructionId, kind: "SIGNED_OFF" } })).toBe(1);
      expect(await db.auditEvent.count({ where: { entityId: t.instructionId, action: "instruction.sign_off", outcome: "SUCCESS" } })).toBe(1);
      expect((await instructionRow(t.instructionId)).version).toBe(t.version + 1);
    }
  });

  it("two dispatches of one alert at once (a double submit, two analysts) make one instruction", async () => {
    const other = await account("analyst2");
    const { stationId } = await unitIds("D01S01");
    for (let round = 0; round < 5; round++) {
      const [alertId] = await createNewAlerts(1);
      const input = DispatchInstructionSchema.parse({ alertId, kind: "DOOR_VISIT", stationId });
      const results = await Promise.allSettled([analyst, analyst, other].map((a) => dispatchInstruction(a, input)));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "alreadyDispatched" });
      expect(await db.instruction.count({ where: { alertId } })).toBe(1);
      expect(await db.alertEvent.count({ where: { alertId, kind: "DISPATCHED" } })).toBe(1);
      const made = await db.instruction.findMany({ where: { alertId }, select: { id: true } });
      expect(await db.notification.count({ where: { instructionId: { in: made.map((m) => m.id) } } })).toBe((await usernamesOf({ unitCode: "D01S01", role: "STATION_OFFICER" })).length);
    }
  });

  it("an alert another analyst holds, or a closed one, is not dispatched (audited)", async () => {
    const [alertId] = await createNewAlerts(1);
    const { version } = await claimAlert(await account("analyst2"), { alertId: alertId! });
    const { stationId } = await unitIds("D01S01");
    const input = DispatchInstructionSchema.parse({ alertId, kind: "DOOR_VISIT", stationId });
    await expectRefusal("not the holder", analyst, () => dispatchInstruction(analyst, input), { error: DomainError, reason: "notHolder", entityId: alertId });
    await closeAlert(await account("analyst2"), CloseAlertSchema.parse({ alertId, version, outcome: "FALSE_ALARM" }));
    await expectRefusal("closed alert", analyst, () => dispatchInstruction(analyst, input), { error: DomainError, reason: "alertNotOpen", entityId: alertId });
  });
});
