import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getSlaMinutes, listSlaRules, updateSlaRules } from "@/lib/server/config/sla-rules";
import { DEFAULT_FIRST_CONTACT_MINUTES } from "@/lib/alerts/sla";
import { ValidationError } from "@/lib/errors";
import { SlaRulesSchema } from "@/lib/schemas/config";
import { openTestDatabase } from "../../support/test-database";
import { signInAs } from "../../support/actors";

await openTestDatabase("demo");

const DEFAULTS = { URGENT: 5, HIGH: 15, MEDIUM: 60, LOW: 1440 };

describe("SLA rules", () => {
  it("start at the migration's defaults", async () => {
    expect(await getSlaMinutes()).toEqual(DEFAULTS);
    const admin = await signInAs("admin");
    const rules = await listSlaRules(admin);
    expect(rules.map((r) => [r.riskLevel, r.firstContactMinutes, r.isDefault, r.updatedByName])).toEqual([
      ["URGENT", 5, false, null],
      ["HIGH", 15, false, null],
      ["MEDIUM", 60, false, null],
      ["LOW", 1440, false, null],
    ]);
  });

  it("an admin changes a deadline: only the changed level is written, with an audit row from → to", async () => {
    const admin = await signInAs("admin");
    const auditsBefore = await db.auditEvent.count({ where: { action: "sla.update" } });
    const { changed } = await updateSlaRules(admin, { ...DEFAULTS, URGENT: 3 });
    expect(changed).toEqual(["URGENT"]);
    expect(await getSlaMinutes()).toEqual({ ...DEFAULTS, URGENT: 3 });
    const row = await db.slaRule.findUniqueOrThrow({ where: { riskLevel: "URGENT" } });
    expect(row).toMatchObject({ firstContactMinutes: 3, updatedById: admin.userId });
    const audits = await db.auditEvent.findMany({ where: { action: "sla.update" }, orderBy: { id: "asc" } });
    expect(audits.length).toBe(auditsBefore + 1);
    expect(audits.at(-1)).toMatchObject({ entityType: "sla_rule", entityId: "URGENT", outcome: "SUCCESS", actorId: admin.userId, details: { from: 5, to: 3 } });
    expect((await listSlaRules(admin))[0]).toMatchObject({ riskLevel: "URGENT", firstContactMinutes: 3, updatedByName: admin.displayName });

    // Saving the same values again writes and records nothing.
    expect((await updateSlaRules(admin, { ...DEFAULTS, URGENT: 3 })).changed).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "sla.update" } })).toBe(auditsBefore + 1);

    // Two levels at once: two audit rows.
    expect((await updateSlaRules(admin, { URGENT: 5, HIGH: 20, MEDIUM: 60, LOW: 1440 })).changed).toEqual(["URGENT", "HIGH"]);
    expect(await db.auditEvent.count({ where: { action: "sla.update" } })).toBe(auditsBefore + 3);
  });

  it("validates the minutes: whole numbers from 1 to 10080, higher risk never longer", async () => {
    const ok = SlaRulesSchema.safeParse({ URGENT: "5", HIGH: "15", MEDIUM: "60", LOW: "10080" });
    expect(ok.success && ok.data).toEqual({ URGENT: 5, HIGH: 15, MEDIUM: 60, LOW: 10080 });
    for (const bad of ["0", "-5", "10081", "2.5", "abc", ""]) {
      const parsed = SlaRulesSchema.safeParse({ ...DEFAULTS, LOW: bad });
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message]), bad).toEqual([["LOW", "adminConfig.validation.slaMinutes"]]);
    }
    const order = SlaRulesSchema.safeParse({ URGENT: 30, HIGH: 15, MEDIUM: 60, LOW: 1440 });
    expect(order.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["HIGH", "adminConfig.validation.slaOrder"]]);

    // The domain function checks too, whatever the caller sends; nothing is written.
    const admin = await signInAs("admin");
    const before = await getSlaMinutes();
    const auditsBefore = await db.auditEvent.count({ where: { action: "sla.update" } });
    await expect(updateSlaRules(admin, { URGENT: 30, HIGH: 15, MEDIUM: 60, LOW: 1440 })).rejects.toMatchObject({ code: "adminConfig.validation.slaOrder", field: "HIGH" });
    await expect(updateSlaRules(admin, { ...DEFAULTS, LOW: 20_000 })).rejects.toBeInstanceOf(ValidationError);
    await expect(updateSlaRules(admin, { ...DEFAULTS, MEDIUM: 1.5 })).rejects.toBeInstanceOf(ValidationError);
    expect(await getSlaMinutes()).toEqual(before);
    expect(await db.auditEvent.count({ where: { action: "sla.update" } })).toBe(auditsBefore);
  });

  it("falls back to the built-in default for a level without a row, and saving recreates the row", async () => {
    await db.slaRule.delete({ where: { riskLevel: "MEDIUM" } });
    await db.slaRule.update({ where: { riskLevel: "LOW" }, data: { firstContactMinutes: 720 } });
    const minutes = await getSlaMinutes();
    expect(minutes.MEDIUM).toBe(DEFAULT_FIRST_CONTACT_MINUTES.MEDIUM);
    expect(minutes.LOW).toBe(720);
    const admin = await signInAs("admin");
    expect((await listSlaRules(admin)).find((r) => r.riskLevel === "MEDIUM")).toMatchObject({ isDefault: true, firstContactMinutes: 60 });
    await updateSlaRules(admin, { ...minutes, MEDIUM: 45 });
    expect(await db.slaRule.findUniqueOrThrow({ where: { riskLevel: "MEDIUM" } })).toMatchObject({ firstContactMinutes: 45, updatedById: admin.userId });
  });
});
