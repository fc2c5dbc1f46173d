// The audit page reads each event as a sentence: the domain function returns what the sentence
// needs (names resolved within the reader's jurisdiction), the formatter words it. Refusals that
// used to go unrecorded (an administrator reaching past its city, an analyst acting on an alert
// someone else holds) are in the trail, and read as such.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { auditActionVisible } from "@/lib/auth/permissions";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import { describeAuditEvent, type SentencePart } from "@/lib/audit/describe-audit-event";
import { listAuditEvents, type AuditRow } from "@/lib/server/audit/list-audit-events";
import { deactivateUser } from "@/lib/server/users/manage-user";
import { claimAlert } from "@/lib/server/alerts/claim-alert";
import { releaseAlert } from "@/lib/server/alerts/release-alert";
import { AuditFilterSchema } from "@/lib/schemas/audit";
import { openTestDatabase } from "../../support/test-database";
import { signInAs } from "../../support/actors";
import { createNewAlerts } from "../../support/alert-factory";
import { catalogTranslator } from "../../support/catalog-translator";

await openTestDatabase("demo");

const zh = catalogTranslator("zh-CN");
const words = (row: AuditRow) => describeAuditEvent(row, zh, "zh-CN");
const text = (parts: SentencePart[]) => parts.map((p) => (typeof p === "string" ? p : p.label)).join("");

async function trail(reader: Actor, filter: Record<string, string>): Promise<AuditRow[]> {
  return (await listAuditEvents(reader, AuditFilterSchema.parse(filter))).rows;
}

describe("the audit trail in words", () => {
  it("names the target account by username, and where the actor works", async () => {
    const admin = await signInAs("admin");
    const target = await db.user.findUniqueOrThrow({ where: { username: "coord.d02" } });
    await deactivateUser(admin, { userId: target.id, version: target.version });
    const [row] = await trail(await signInAs("auditor"), { action: "user.deactivate" });
    expect(row).toMatchObject({ actorName: admin.displayName, actorRole: "SYSTEM_ADMIN", outcome: "SUCCESS", unitName: admin.unitName });
    expect(text(words(row!))).toBe(`${admin.displayName}停用了账户 coord.d02`);
  });

  it("an administrator reaching into another city is refused and recorded in its own city's trail; the target's name stays with the readers who may see it", async () => {
    const outsider = await signInAs("lc.admin");
    const target = await db.user.findUniqueOrThrow({ where: { username: "coord.d03" } });
    await expect(deactivateUser(outsider, { userId: target.id, version: target.version })).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("ACTIVE");

    const refusal = `${outsider.displayName}试图管理账户 ${target.id.slice(0, 8)}，被拒绝（对象不在其管辖范围内，按“未找到”答复）`;
    const [theirs] = await trail(await signInAs("lc.auditor"), { action: "user.manage", outcome: "DENIED" });
    expect(theirs).toMatchObject({ entityId: target.id, cityName: "临川市公安局反诈中心" });
    expect(text(words(theirs!))).toBe(refusal);
    const [installation] = await trail(await signInAs("prov.auditor"), { action: "user.manage", outcome: "DENIED" });
    expect(text(words(installation!))).toBe(refusal.replace(target.id.slice(0, 8), "coord.d03"));
    expect(await trail(await signInAs("auditor"), { action: "user.manage", outcome: "DENIED" })).toEqual([]);
  });

  it("an analyst acting on an alert another analyst holds is refused and recorded; the supervisor reads it with a link to the alert", async () => {
    const [alertId] = await createNewAlerts(1);
    const holder = await signInAs("analyst2");
    const other = await signInAs("analyst3");
    const { version } = await claimAlert(holder, { alertId: alertId! });
    await expect(releaseAlert(other, { alertId: alertId!, version })).rejects.toMatchObject({ code: "notHolder" });

    const [row] = await trail(await signInAs("leader"), { action: "alert.release", outcome: "DENIED" });
    const parts = words(row!);
    expect(text(parts)).toBe(`${other.displayName}试图释放预警 ${alertId!.slice(0, 8)}，被拒绝（该预警不由其处理）`);
    expect(parts).toContainEqual({ alertId, label: alertId!.slice(0, 8) });
  });

  it("a supervisor reads the city's business events only, and is offered only those actions", async () => {
    const leader = await signInAs("leader");
    const rows = await trail(leader, {});
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.action.startsWith("alert."))).toBe(true);
    expect(await trail(leader, { action: "auth.sign_in" })).toEqual([]);
    const offered = AUDIT_ACTIONS.filter((a) => auditActionVisible(leader, a));
    expect(offered).toContain("alert.revealPhone");
    expect(offered.some((a) => a.startsWith("auth.") || a.startsWith("user."))).toBe(false);
    const auditor = await signInAs("auditor");
    expect(AUDIT_ACTIONS.filter((a) => auditActionVisible(auditor, a))).toEqual(AUDIT_ACTIONS);
  });

  it("filters on one action of the catalog, never on a code typed by hand", () => {
    expect(AuditFilterSchema.safeParse({ action: "auth.sign_in" }).success).toBe(true);
    expect(AuditFilterSchema.safeParse({ action: "auth." }).success).toBe(false);
    expect(AuditFilterSchema.safeParse({ action: "alert.revealPhone%" }).success).toBe(false);
  });
});
