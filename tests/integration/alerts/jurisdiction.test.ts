// Jurisdiction is security: each role sees exactly its own alerts, and everything else looks
// like it does not exist. Every refusal leaves an audit row and changes nothing else.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listAlerts } from "@/lib/server/alerts/list-alerts";
import { getAlert } from "@/lib/server/alerts/get-alert";
import { revealPersonField } from "@/lib/server/alerts/reveal-person-field";
import { AlertListFilterSchema } from "@/lib/schemas/alerts";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { openPhone } from "../../support/personal-data";
import { openTestDatabase } from "../../support/test-database";
import { signInAs } from "../../support/actors";

await openTestDatabase("demo");
const noFilter = AlertListFilterSchema.parse({});

async function allPages(actor: Actor, filter = noFilter) {
  const items = [];
  let cursor: string | undefined;
  do {
    const page = await listAlerts(actor, { ...filter, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

async function denials(actorId: string) {
  return db.auditEvent.findMany({ where: { actorId, outcome: "DENIED" }, orderBy: { id: "asc" } });
}

let d01: { id: string };
let d01s01: { id: string };
let outsideStationAlert: { id: string };
let outsideDistrictAlert: { id: string };
let unroutedAlert: { id: string };
let ownStationAlert: { id: string };

beforeAll(async () => {
  d01 = await db.orgUnit.findUniqueOrThrow({ where: { code: "D01" }, select: { id: true } });
  d01s01 = await db.orgUnit.findUniqueOrThrow({ where: { code: "D01S01" }, select: { id: true } });
  ownStationAlert = await db.alert.findFirstOrThrow({ where: { stationId: d01s01.id }, select: { id: true } });
  outsideStationAlert = await db.alert.findFirstOrThrow({ where: { districtId: d01.id, stationId: { not: d01s01.id } }, select: { id: true } });
  outsideDistrictAlert = await db.alert.findFirstOrThrow({ where: { districtId: { not: d01.id }, city: { code: "JZ" } }, select: { id: true } });
  unroutedAlert = await db.alert.findFirstOrThrow({ where: { stationId: null, city: { code: "JZ" } }, select: { id: true } });
});

describe("city-wide roles", () => {
  it("an analyst lists the whole city, routed or not", async () => {
    const analyst = await signInAs("analyst1");
    const items = await allPages(analyst);
    expect(items).toHaveLength(await db.alert.count({ where: { cityId: analyst.cityId! } }));
    expect(new Set(items.map((i) => i.districtName)).size).toBeGreaterThan(5);
    await expect(getAlert(analyst, unroutedAlert.id)).resolves.toMatchObject({ id: unroutedAlert.id, stationName: null });
  });

  it("a supervisor reads everything but cannot reveal personal data", async () => {
    const leader = await signInAs("leader");
    const detail = await getAlert(leader, outsideDistrictAlert.id);
    expect(detail.person.canReveal).toEqual({ phone: false, idNumber: false, address: false });
    await expect(revealPersonField(leader, { alertId: outsideDistrictAlert.id, field: "phone", reason: "核查" })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await denials(leader.userId)).map((d) => d.action)).toEqual(["alert.revealPhone"]);
  });
});

describe("a district coordinator", () => {
  it("sees exactly the alerts of their district", async () => {
    const coord = await signInAs("coord.d01");
    const items = await allPages(coord);
    const expected = await db.alert.count({ where: { districtId: d01.id } });
    expect(expected).toBeGreaterThan(0);
    expect(items).toHaveLength(expected);
    const districtName = (await db.orgUnit.findUniqueOrThrow({ where: { id: d01.id } })).name;
    expect(items.every((i) => i.districtName === districtName)).toBe(true);
  });

  it("cannot widen the list with another district's filter", async () => {
    const coord = await signInAs("coord.d01");
    const other = await db.alert.findUniqueOrThrow({ where: { id: outsideDistrictAlert.id }, select: { districtId: true } });
    const page = await listAlerts(coord, { ...noFilter, districtId: other.districtId! });
    expect(page.items).toEqual([]);
  });

  it("gets not-found for another district's alert and for unrouted ones; each attempt is audited", async () => {
    const coord = await signInAs("coord.d01");
    await expect(getAlert(coord, outsideDistrictAlert.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAlert(coord, unroutedAlert.id)).rejects.toBeInstanceOf(NotFoundError);
    const rows = await denials(coord.userId);
    expect(rows.map((r) => [r.action, r.entityId, r.details])).toEqual([
      ["alert.read", outsideDistrictAlert.id, { reason: "jurisdiction" }],
      ["alert.read", unroutedAlert.id, { reason: "jurisdiction" }],
    ]);
  });

  it("may reveal the phone of a person in their district, and the reveal is audited without the number", async () => {
    const coord = await signInAs("coord.d01");
    const phone = await revealPersonField(coord, { alertId: outsideStationAlert.id, field: "phone", reason: "电话劝阻" });
    const alert = await db.alert.findUniqueOrThrow({ where: { id: outsideStationAlert.id }, select: { phoneSealed: true } });
    expect(phone).toBe(openPhone(alert.phoneSealed));
    const row = await db.auditEvent.findFirstOrThrow({ where: { actorId: coord.userId, action: "alert.revealPhone" } });
    expect(row.outcome).toBe("SUCCESS");
    expect(row.details).toEqual({ field: "phone", reason: "电话劝阻" });
    expect(JSON.stringify({ ...row, id: row.id.toString() })).not.toContain(phone);
  });
});

describe("a station officer", () => {
  it("sees exactly the alerts of their station", async () => {
    const officer = await signInAs("officer.d01s01");
    const items = await allPages(officer);
    expect(items).toHaveLength(await db.alert.count({ where: { stationId: d01s01.id } }));
    const stationName = (await db.orgUnit.findUniqueOrThrow({ where: { id: d01s01.id } })).name;
    expect(items.every((i) => i.stationName === stationName)).toBe(true);
    await expect(getAlert(officer, ownStationAlert.id)).resolves.toMatchObject({ id: ownStationAlert.id });
  });

  it("gets not-found for a neighbouring station's alert (same district), and cannot reveal its data", async () => {
    const officer = await signInAs("officer.d01s01");
    await expect(getAlert(officer, outsideStationAlert.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(revealPersonField(officer, { alertId: outsideStationAlert.id, field: "phone", reason: "上门" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await denials(officer.userId)).map((r) => r.action)).toEqual(["alert.read", "alert.revealPhone"]);
    expect(await db.auditEvent.count({ where: { actorId: officer.userId, outcome: "SUCCESS", action: { startsWith: "alert." } } })).toBe(0);
  });

  it("gets the same not-found for an id that does not exist (no hint), without a denial row", async () => {
    const officer = await signInAs("officer.d01s01");
    const before = (await denials(officer.userId)).length;
    await expect(getAlert(officer, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAlert(officer, "../../etc/passwd")).rejects.toBeInstanceOf(NotFoundError);
    expect((await denials(officer.userId)).length).toBe(before);
  });

  it("may not reveal an ID number even in their own station", async () => {
    const officer = await signInAs("officer.d01s01");
    await expect(revealPersonField(officer, { alertId: ownStationAlert.id, field: "idNumber", reason: "核查" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("roles without alert access", () => {
  it.each(["bank.ccb", "admin"])("%s is refused the alert list and any alert, and the refusal is audited", async (username) => {
    const actor = await signInAs(username);
    await expect(listAlerts(actor, noFilter)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getAlert(actor, ownStationAlert.id)).rejects.toBeInstanceOf(ForbiddenError);
    const rows = await denials(actor.userId);
    expect(rows.map((r) => [r.action, r.details])).toEqual([
      ["alert.list", { reason: "role" }],
      ["alert.read", { reason: "role" }],
    ]);
  });
});
