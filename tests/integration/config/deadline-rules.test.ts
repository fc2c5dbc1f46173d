import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deadlineFor, listDeadlineRules, resetDeadlineRules, updateDeadlineRules } from "@/lib/server/config/deadline-rules";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { DeadlineRulesSchema, type DeadlineRulesInput } from "@/lib/schemas/config";
import type { Actor } from "@/lib/auth/actor";
import type { DeadlineKind } from "@/prisma/generated/client/enums";
import { openTestDatabase } from "../../support/test-database";
import { signInAs } from "../../support/actors";

await openTestDatabase("demo");

const FIRST_CONTACT = { URGENT: 5, HIGH: 15, MEDIUM: 60, LOW: 1440 };

async function stampOf(actor: Actor, kind: DeadlineKind): Promise<string> {
  return (await listDeadlineRules(actor)).kinds.find((k) => k.kind === kind)!.stamp;
}

async function firstContact(actor: Actor, values: Record<string, number>): Promise<DeadlineRulesInput> {
  const parsed = DeadlineRulesSchema.parse({ kind: "FIRST_CONTACT", stamp: await stampOf(actor, "FIRST_CONTACT"), unit: "MINUTES", ...values });
  return parsed;
}

async function cityOf(username: string): Promise<string> {
  return (await signInAs(username)).cityId!;
}

const START = new Date("2026-11-20T01:00:00Z"); // a Friday, 09:00 in Shanghai

describe("deadline rules", () => {
  it("start at the installation's defaults for every kind", async () => {
    const city = await cityOf("analyst1");
    const at = (kind: DeadlineKind, riskLevel: "URGENT" | "HIGH" | "MEDIUM" | "LOW" | null) => deadlineFor(db, { cityId: city, kind, riskLevel, start: START });
    expect((await at("FIRST_CONTACT", "URGENT")).toISOString()).toBe("2026-11-20T01:05:00.000Z");
    expect((await at("INSTRUCTION_SIGN_OFF", "HIGH")).toISOString()).toBe("2026-11-20T01:30:00.000Z");
    expect((await at("INSTRUCTION_FEEDBACK", "LOW")).toISOString()).toBe("2026-11-23T01:00:00.000Z");
    expect((await at("BANK_STOP", null)).toISOString()).toBe("2026-11-20T01:30:00.000Z");
    // Three working days after a Friday: Mon, Tue, Wed; due at the end of Wednesday (Shanghai).
    expect((await at("BANK_RETURN", null)).toISOString()).toBe("2026-11-25T16:00:00.000Z");
    const { owner, kinds } = await listDeadlineRules(await signInAs("admin"));
    expect(owner).toBe("city");
    expect(kinds.find((k) => k.kind === "FIRST_CONTACT")!.rules.map((r) => [r.riskLevel, r.amount, r.origin])).toEqual([
      ["URGENT", 5, "installation"],
      ["HIGH", 15, "installation"],
      ["MEDIUM", 60, "installation"],
      ["LOW", 1440, "installation"],
    ]);
  });

  it("a city's admin overrides for the city only; the other city keeps the defaults; reset brings them back", async () => {
    const admin = await signInAs("admin");
    const city = admin.cityId!;
    const other = await cityOf("lc.analyst1");
    const before = await db.auditEvent.count({ where: { action: "deadline.update" } });
    const { changed } = await updateDeadlineRules(admin, await firstContact(admin, { ...FIRST_CONTACT, URGENT: 3 }));
    expect(changed).toEqual(["URGENT"]);
    expect(await db.deadlineRule.findMany({ where: { cityId: city }, select: { kind: true, riskLevel: true, amount: true, updatedById: true } })).toEqual([
      { kind: "FIRST_CONTACT", riskLevel: "URGENT", amount: 3, updatedById: admin.userId },
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "deadline.update" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ cityId: city, actorId: admin.userId, entityId: "FIRST_CONTACT:URGENT", details: { scope: "city", from: { amount: 5 }, to: { amount: 3 } } });
    expect(await db.auditEvent.count({ where: { action: "deadline.update" } })).toBe(before + 1);
    expect((await deadlineFor(db, { cityId: city, kind: "FIRST_CONTACT", riskLevel: "URGENT", start: START })).toISOString()).toBe("2026-11-20T01:03:00.000Z");
    expect((await deadlineFor(db, { cityId: other, kind: "FIRST_CONTACT", riskLevel: "URGENT", start: START })).toISOString()).toBe("2026-11-20T01:05:00.000Z");

    // Saving the same values again writes and records nothing.
    expect((await updateDeadlineRules(admin, await firstContact(admin, { ...FIRST_CONTACT, URGENT: 3 }))).changed).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "deadline.update" } })).toBe(before + 1);

    const view = (await listDeadlineRules(admin)).kinds.find((k) => k.kind === "FIRST_CONTACT")!;
    expect(view.overridden).toBe(true);
    expect(view.rules[0]).toMatchObject({ riskLevel: "URGENT", amount: 3, origin: "city", updatedByName: admin.displayName });
    expect((await resetDeadlineRules(admin, { kind: "FIRST_CONTACT", stamp: view.stamp })).removed).toBe(1);
    expect(await db.deadlineRule.count({ where: { cityId: city } })).toBe(0);
  });

  it("the installation's admin changes the defaults, which every city without its own rule follows", async () => {
    const prov = await signInAs("prov.admin");
    expect((await listDeadlineRules(prov)).owner).toBe("installation");
    const input = DeadlineRulesSchema.parse({ kind: "BANK_RETURN", stamp: await stampOf(prov, "BANK_RETURN"), unit: "WORKING_DAYS", ANY: "5" });
    expect((await updateDeadlineRules(prov, input)).changed).toEqual([null]);
    for (const username of ["analyst1", "lc.analyst1"]) {
      const due = await deadlineFor(db, { cityId: await cityOf(username), kind: "BANK_RETURN", riskLevel: null, start: START });
      expect(due.toISOString()).toBe("2026-11-27T16:00:00.000Z");
    }
    await expect(resetDeadlineRules(prov, { kind: "BANK_RETURN", stamp: "x" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("a stale form is a conflict, and nothing is written", async () => {
    const admin = await signInAs("admin");
    const stale = await firstContact(admin, { ...FIRST_CONTACT, HIGH: 10 });
    await updateDeadlineRules(admin, await firstContact(admin, { ...FIRST_CONTACT, HIGH: 12 }));
    const rows = await db.deadlineRule.findMany({ where: { cityId: admin.cityId }, orderBy: { id: "asc" } });
    await expect(updateDeadlineRules(admin, stale)).rejects.toBeInstanceOf(ConflictError);
    expect(await db.deadlineRule.findMany({ where: { cityId: admin.cityId }, orderBy: { id: "asc" } })).toEqual(rows);
  });

  it("validates: whole numbers in range, higher risk never longer, working days only for the bank's longer steps", async () => {
    const parse = (values: Record<string, unknown>) => DeadlineRulesSchema.safeParse({ kind: "FIRST_CONTACT", stamp: "s", unit: "MINUTES", ...FIRST_CONTACT, ...values });
    for (const bad of ["0", "-5", "43201", "2.5", "abc", ""]) {
      const parsed = parse({ LOW: bad });
      expect(parsed.success, bad).toBe(false);
      expect([...new Set(parsed.error?.issues.map((i) => i.path.join(".")))], bad).toEqual(["LOW"]);
    }
    expect(parse({ URGENT: 30 }).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["HIGH", "adminConfig.validation.deadlineOrder"]]);
    expect(parse({ unit: "WORKING_DAYS" }).success).toBe(false);
    expect(DeadlineRulesSchema.safeParse({ kind: "BANK_RETURN", stamp: "s", unit: "WORKING_DAYS", ANY: "31" }).success).toBe(false);
    expect(DeadlineRulesSchema.safeParse({ kind: "BANK_STOP", stamp: "s", unit: "WORKING_DAYS", ANY: "1" }).success).toBe(false);

    // The domain function checks too, whatever the caller sends; nothing is written.
    const admin = await signInAs("admin");
    const before = await db.deadlineRule.count();
    const stamp = await stampOf(admin, "FIRST_CONTACT");
    const raw = (values: Record<string, number>): DeadlineRulesInput => ({
      kind: "FIRST_CONTACT",
      stamp,
      unit: "MINUTES",
      values: Object.entries(values).map(([riskLevel, amount]) => ({ riskLevel: riskLevel as "URGENT", amount })),
    });
    await expect(updateDeadlineRules(admin, raw({ URGENT: 30, HIGH: 15, MEDIUM: 60, LOW: 1440 }))).rejects.toMatchObject({ code: "adminConfig.validation.deadlineOrder", field: "HIGH" });
    await expect(updateDeadlineRules(admin, raw({ ...FIRST_CONTACT, LOW: 50_000 }))).rejects.toBeInstanceOf(ValidationError);
    expect(await db.deadlineRule.count()).toBe(before);
  });

  it("only system administrators keep deadlines; everyone else is refused and audited", async () => {
    for (const username of ["analyst1", "leader", "secadmin", "auditor", "wall", "coord.d01", "bank.icbc"]) {
      const actor = await signInAs(username);
      const denied = await db.auditEvent.count({ where: { actorId: actor.userId, outcome: "DENIED" } });
      await expect(listDeadlineRules(actor), username).rejects.toBeInstanceOf(ForbiddenError);
      expect(await db.auditEvent.count({ where: { actorId: actor.userId, outcome: "DENIED" } })).toBe(denied + 1);
    }
  });
});
