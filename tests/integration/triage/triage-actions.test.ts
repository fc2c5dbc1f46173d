import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { changeAlertRisk } from "@/lib/server/alerts/change-alert-risk";
import { claimAlert } from "@/lib/server/alerts/claim-alert";
import { closeAlert } from "@/lib/server/alerts/close-alert";
import { commentOnAlert } from "@/lib/server/alerts/comment-on-alert";
import { recordContactAttempt } from "@/lib/server/alerts/record-contact-attempt";
import { releaseAlert } from "@/lib/server/alerts/release-alert";
import { setAlertJurisdiction } from "@/lib/server/alerts/set-alert-jurisdiction";
import { listTriageQueue } from "@/lib/server/alerts/list-triage-queue";
import { searchOpenAlertsByPhone } from "@/lib/server/alerts/search-alerts-by-phone";
import { getAlertWorkspace } from "@/lib/server/alerts/get-alert-workspace";
import { CloseAlertSchema, QueueFilterSchema } from "@/lib/schemas/triage";
import { ConflictError, DomainError, ForbiddenError, InvalidTransitionError, NotFoundError, ValidationError } from "@/lib/errors";
import { alertPhone } from "../../support/personal-data";
import { openTestDatabase } from "../../support/test-database";
import { signInAs } from "../../support/actors";
import { createNewAlerts } from "../../support/alert-factory";

await openTestDatabase("demo");

const snapshot = (id: string) => db.alert.findUniqueOrThrow({ where: { id } });

describe("triage actions", () => {
  it("claim → two attempts → close as dissuaded, each step audited and on the timeline", async () => {
    const analyst = await signInAs("analyst1");
    const [id] = await createNewAlerts(1, { riskLevel: "URGENT" });
    let { version } = await claimAlert(analyst, { alertId: id! });
    ({ version } = await recordContactAttempt(analyst, { alertId: id!, version, channel: "PHONE", result: "NO_ANSWER" }));
    ({ version } = await recordContactAttempt(analyst, { alertId: id!, version, channel: "PHONE", result: "DISSUADED", note: "已核实，本人表示不再转账" }));
    await commentOnAlert(analyst, { alertId: id!, text: "家属已知情" });
    const closed = await closeAlert(analyst, CloseAlertSchema.parse({ alertId: id, version, outcome: "DISSUADED" }));
    expect(closed.caseId).toBeNull();
    const row = await snapshot(id!);
    expect(row).toMatchObject({ status: "CLOSED", outcome: "DISSUADED", closedById: analyst.userId, version: 5 });
    expect(row.firstContactAt).not.toBeNull();
    const actions = (await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["alert.claim", "alert.attempt", "alert.attempt", "alert.comment", "alert.close"]);
    const workspace = await getAlertWorkspace(analyst, id!);
    expect(workspace.timeline.map((e) => e.kind)).toEqual(["CLAIMED", "ATTEMPT", "ATTEMPT", "COMMENT", "CLOSED"]);
  });

  it("refuses illegal transitions and changes nothing", async () => {
    const a1 = await signInAs("analyst2");
    const a2 = await signInAs("analyst3");
    const [id] = await createNewAlerts(1);
    const before = await snapshot(id!);
    await expect(releaseAlert(a1, { alertId: id!, version: 1 })).rejects.toBeInstanceOf(InvalidTransitionError);
    await expect(recordContactAttempt(a1, { alertId: id!, version: 1, channel: "SMS", result: "NO_ANSWER" })).rejects.toBeInstanceOf(InvalidTransitionError);
    await expect(closeAlert(a1, CloseAlertSchema.parse({ alertId: id, version: 1, outcome: "FALSE_ALARM" }))).rejects.toBeInstanceOf(InvalidTransitionError);
    expect(await snapshot(id!)).toEqual(before);

    const { version } = await claimAlert(a1, { alertId: id! });
    await expect(claimAlert(a2, { alertId: id! })).rejects.toMatchObject({ code: "alreadyClaimed" });
    await expect(recordContactAttempt(a2, { alertId: id!, version, channel: "PHONE", result: "NO_ANSWER" })).rejects.toMatchObject({ code: "notHolder" });
    await expect(releaseAlert(a2, { alertId: id!, version })).rejects.toMatchObject({ code: "notHolder" });
    await expect(closeAlert(a1, CloseAlertSchema.parse({ alertId: id, version, outcome: "UNREACHABLE" }))).rejects.toMatchObject({ code: "needsAttempt" });
    const closed = await closeAlert(a1, CloseAlertSchema.parse({ alertId: id, version, outcome: "FALSE_ALARM" }));
    await expect(claimAlert(a2, { alertId: id! })).rejects.toMatchObject({ code: "alertClosed" });
    await expect(closeAlert(a1, CloseAlertSchema.parse({ alertId: id, version: closed.version, outcome: "DISSUADED" }))).rejects.toMatchObject({ code: "alertClosed" });
    expect(await db.contactAttempt.count({ where: { alertId: id } })).toBe(0);
  });

  it("a stale version gets a conflict, not a silent overwrite", async () => {
    const analyst = await signInAs("analyst4");
    const [id] = await createNewAlerts(1, { riskLevel: "MEDIUM" });
    const { version } = await claimAlert(analyst, { alertId: id! });
    await changeAlertRisk(analyst, { alertId: id!, version, riskLevel: "HIGH", reason: "对方已下载诈骗App" });
    const after = await snapshot(id!);
    await expect(changeAlertRisk(analyst, { alertId: id!, version, riskLevel: "LOW", reason: "旧页面" })).rejects.toBeInstanceOf(ConflictError);
    await expect(recordContactAttempt(analyst, { alertId: id!, version, channel: "PHONE", result: "NO_ANSWER" })).rejects.toMatchObject({ code: "alertChanged" });
    expect(await snapshot(id!)).toEqual(after);
  });

  it("raising the risk tightens the first-contact deadline; lowering never loosens it", async () => {
    const analyst = await signInAs("analyst5");
    const [id] = await createNewAlerts(1, { riskLevel: "LOW" });
    const before = await snapshot(id!);
    const { version } = await changeAlertRisk(analyst, { alertId: id!, version: 1, riskLevel: "URGENT", reason: "正在转账" });
    const raised = await snapshot(id!);
    expect(raised.firstContactDeadline.getTime()).toBe(before.detectedAt.getTime() + 5 * 60_000);
    await changeAlertRisk(analyst, { alertId: id!, version, riskLevel: "LOW", reason: "误判" });
    expect((await snapshot(id!)).firstContactDeadline).toEqual(raised.firstContactDeadline);
  });

  it("closing as defrauded needs the loss and opens a case with it", async () => {
    const analyst = await signInAs("analyst6");
    const [id] = await createNewAlerts(1);
    const { version } = await claimAlert(analyst, { alertId: id! });
    expect(CloseAlertSchema.safeParse({ alertId: id, version, outcome: "DEFRAUDED" }).success).toBe(false);
    expect(CloseAlertSchema.safeParse({ alertId: id, version, outcome: "DEFRAUDED", lossYuan: "12.345" }).success).toBe(false);
    const result = await closeAlert(analyst, CloseAlertSchema.parse({ alertId: id, version, outcome: "DEFRAUDED", lossYuan: "1,980,000.50" }));
    const fraudCase = await db.fraudCase.findUniqueOrThrow({ where: { id: result.caseId! } });
    expect(fraudCase.lossFen).toBe(198_000_050n);
    expect((await snapshot(id!)).lossFen).toBe(198_000_050n);
  });

  it("sets the jurisdiction of an unrouted alert to a station of the city, and its district follows", async () => {
    const analyst = await signInAs("analyst1");
    const [id] = await createNewAlerts(1, { stationCode: null });
    const station = await db.orgUnit.findUniqueOrThrow({ where: { code: "D04S02" } });
    await expect(setAlertJurisdiction(analyst, { alertId: id!, version: 1, stationId: (await db.orgUnit.findUniqueOrThrow({ where: { code: "D04" } })).id })).rejects.toBeInstanceOf(ValidationError);
    await setAlertJurisdiction(analyst, { alertId: id!, version: 1, stationId: station.id });
    expect(await snapshot(id!)).toMatchObject({ stationId: station.id, districtId: station.districtId, version: 2 });
  });

  it("only analysts triage; others are refused with an audited denial", async () => {
    const [id] = await createNewAlerts(1, { stationCode: "D01S01" });
    for (const username of ["leader", "coord.d01", "officer.d01s01", "bank.boc", "admin"]) {
      const actor = await signInAs(username);
      await expect(claimAlert(actor, { alertId: id! })).rejects.toBeInstanceOf(ForbiddenError);
      expect(await db.auditEvent.count({ where: { actorId: actor.userId, action: "alert.triage", outcome: "DENIED" } })).toBe(1);
    }
    expect((await snapshot(id!)).status).toBe("NEW");
  });

  it("an unknown or malformed id is simply not found", async () => {
    const analyst = await signInAs("analyst2");
    await expect(claimAlert(analyst, { alertId: "00000000-0000-4000-8000-000000000000" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(claimAlert(analyst, { alertId: "'; drop table alert; --" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(commentOnAlert(analyst, { alertId: "nope", text: "x" })).rejects.toBeInstanceOf(DomainError);
  });
});

describe("the triage queue", () => {
  it("orders by risk, then the nearest deadline, across pages", async () => {
    const analyst = await signInAs("analyst3");
    await createNewAlerts(30, { riskLevel: "LOW" });
    await createNewAlerts(30, { riskLevel: "URGENT" });
    const seen: { riskLevel: string; firstContactDeadline: string; id: string }[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTriageQueue(analyst, { ...QueueFilterSchema.parse({}), cursor });
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const rank = { URGENT: 0, HIGH: 1, MEDIUM: 2, LOW: 3 } as Record<string, number>;
    const sorted = [...seen].sort((a, b) => rank[a.riskLevel]! - rank[b.riskLevel]! || a.firstContactDeadline.localeCompare(b.firstContactDeadline) || a.id.localeCompare(b.id));
    expect(seen.map((s) => s.id)).toEqual(sorted.map((s) => s.id));
    expect(new Set(seen.map((s) => s.id)).size).toBe(seen.length);
    expect(seen.length).toBe(await db.alert.count({ where: { status: { in: ["NEW", "CLAIMED"] }, cityId: analyst.cityId! } }));
  });

  it("finds open alerts by exact phone, and refuses a malformed number", async () => {
    const analyst = await signInAs("analyst4");
    const [id] = await createNewAlerts(1);
    const phone = await alertPhone(id!);
    const audits = await db.auditEvent.count({ where: { action: "alert.search_phone", actorId: analyst.userId } });
    const found = await searchOpenAlertsByPhone(analyst, `+86 ${phone}`);
    expect(found.results.map((f) => f.id)).toContain(id);
    await expect(searchOpenAlertsByPhone(analyst, "12345")).rejects.toBeInstanceOf(ValidationError);
    // The look-up is a personal-data access: audited with the number masked and the count found.
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "alert.search_phone", actorId: analyst.userId }, orderBy: { id: "desc" } });
    expect(await db.auditEvent.count({ where: { action: "alert.search_phone", actorId: analyst.userId } })).toBe(audits + 1);
    expect(audit.details).toEqual({ phone: found.maskedPhone, results: found.results.length });
    expect(found.maskedPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(JSON.stringify({ ...audit, id: audit.id.toString() })).not.toContain(phone);
  });
});
