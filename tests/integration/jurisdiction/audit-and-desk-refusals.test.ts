// The audit trail and the bank desk, tried by every role and from the second city (临川, lc.*):
// each role it is not for is refused with one audit row and nothing else; a city's readers never
// see the other city's rows.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { getBankDesk } from "@/lib/server/bank-desk/get-bank-desk";
import { searchOpenAlertsByPhone } from "@/lib/server/alerts/search-alerts-by-phone";
import { AuditFilterSchema } from "@/lib/schemas/audit";
import { alertPhone } from "../../support/personal-data";
import { openTestDatabase } from "../../support/test-database";
import { CITY_ACCOUNTS, INSTALLATION_ACCOUNTS, signInAll } from "../../support/actors";
import { createNewAlerts } from "../../support/alert-factory";
import { allPages } from "../../support/all-pages";
import { expectListedWithout, expectOtherRolesRefused, type RefusalRow } from "../../support/refusals";

await openTestDatabase("demo");

const ROWS: RefusalRow<void>[] = [
  { name: "listAuditEvents", allowed: ["AUDIT_ADMIN", "SUPERVISOR"], call: (a) => listAuditEvents(a, AuditFilterSchema.parse({})) },
  { name: "getBankDesk", allowed: ["BANK_LIAISON"], call: (a) => getBankDesk(a) },
];

let actors: Record<string, Actor>;

beforeAll(async () => {
  actors = await signInAll([...CITY_ACCOUNTS, ...INSTALLATION_ACCOUNTS, "lc.auditor", "lc.leader", "lc.bank.icbc"]);
});

/** Every row of the trail `actor` is shown (for one action, or all), all pages. */
async function allAuditIds(actor: Actor, action?: string): Promise<string[]> {
  const rows = await allPages(async (cursor) => {
    const page = await listAuditEvents(actor, AuditFilterSchema.parse({ action, cursor }));
    return { items: page.rows, nextCursor: page.nextCursor };
  });
  return rows.map((r) => r.id);
}

/** A business event of 江州 (a phone search by one of its analysts), which its readers follow. */
async function cityEvent(): Promise<string> {
  const [alertId] = await createNewAlerts(1);
  await searchOpenAlertsByPhone(actors["analyst1"]!, await alertPhone(alertId!));
  const row = await db.auditEvent.findFirstOrThrow({ where: { actorId: actors["analyst1"]!.userId, action: "alert.search_phone" }, orderBy: { id: "desc" } });
  return row.id.toString();
}

describe("the trail and the bank desk refuse every role they are not for", () => {
  it.each(ROWS.map((row) => [row.name, row] as const))("%s", async (_, row) => {
    const everyone = [...CITY_ACCOUNTS, ...INSTALLATION_ACCOUNTS].map((u) => actors[u]!);
    const served = await expectOtherRolesRefused(row.name, everyone, row.allowed, (a) => row.call(a));
    expect(served.length).toBeGreaterThan(0);
    for (const actor of served) await row.call(actor);
  });
});

describe("the other city's trail and desk", () => {
  it("the other city's auditor and supervisor see none of 江州's rows; 江州's and the installation's readers see them", async () => {
    const event = await cityEvent();
    for (const username of ["lc.auditor", "lc.leader"]) {
      const actor = actors[username]!;
      const listed = await expectListedWithout(username, () => allAuditIds(actor), [event]);
      const shown = await db.auditEvent.findMany({ where: { id: { in: listed.map(BigInt) } }, select: { cityId: true } });
      expect(shown.length, username).toBe(listed.length);
      expect(shown.filter((r) => r.cityId !== actor.cityId), username).toEqual([]);
    }
    for (const username of ["auditor", "leader", "prov.auditor"]) {
      expect(await allAuditIds(actors[username]!, "alert.search_phone"), username).toContain(event);
    }
  });

  it("a liaison of the same bank in the other city is served its own desk, with nothing of 江州's", async () => {
    const theirs = await getBankDesk(actors["lc.bank.icbc"]!);
    const ours = await getBankDesk(actors["bank.icbc"]!);
    expect(theirs.bankName).toBe(ours.bankName);
    const ids = (d: typeof ours) => [...d.open, ...d.answeredToday].map((r) => r.id);
    // Both cities' seeds give the ICBC desk work: each sees its own, none of the other's.
    expect(ids(ours).length).toBeGreaterThan(0);
    expect(ids(theirs).length).toBeGreaterThan(0);
    const cities = await db.bankRequest.findMany({ where: { id: { in: ids(theirs) } }, select: { cityId: true } });
    expect(new Set(cities.map((c) => c.cityId))).toEqual(new Set([actors["lc.bank.icbc"]!.cityId]));
    expect(ids(theirs).filter((id) => ids(ours).includes(id))).toEqual([]);
  });
});
