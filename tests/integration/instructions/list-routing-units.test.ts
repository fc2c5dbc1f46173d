// The units the instruction page offers in its selects: the city's analysts any district and
// station of their city, a coordinator its own stations, an officer the city's other stations (to
// name the right one when declining), and nobody else anything. A read beside the instruction: it
// refuses nobody and writes no audit row.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { listRoutingUnits } from "@/lib/server/instructions/list-routing-units";
import { openTestDatabase } from "../../support/test-database";
import { CITY_ACCOUNTS, INSTALLATION_ACCOUNTS, signInAll } from "../../support/actors";

await openTestDatabase("demo");

let actors: Record<string, Actor>;
let city: { districts: { id: string; districtId: string | null }[]; stations: { id: string; code: string; districtId: string | null }[] };
beforeAll(async () => {
  actors = await signInAll([...CITY_ACCOUNTS, ...INSTALLATION_ACCOUNTS, "lc.analyst1", "lc.officer.l01s01"]);
  const jz = await db.orgUnit.findFirstOrThrow({ where: { kind: "CITY", code: "JZ" }, select: { id: true } });
  const [districts, stations] = await Promise.all([
    db.orgUnit.findMany({ where: { cityId: jz.id, kind: "DISTRICT" }, select: { id: true, districtId: true } }),
    db.orgUnit.findMany({ where: { cityId: jz.id, kind: "STATION" }, select: { id: true, code: true, districtId: true } }),
  ]);
  city = { districts, stations };
});

const ids = (units: { id: string }[]) => units.map((u) => u.id).sort();

describe("listRoutingUnits", () => {
  it("gives a city analyst every district and station of the city, and nothing of the other city", async () => {
    const units = await listRoutingUnits(actors.analyst1!);
    expect(ids(units.districts)).toEqual(ids(city.districts));
    expect(ids(units.stations)).toEqual(ids(city.stations));
    expect(units.stations.every((s) => / · /.test(s.label))).toBe(true);
  });

  it("gives a district coordinator the stations of its own district only, and no district", async () => {
    const coord = actors["coord.d01"]!;
    const units = await listRoutingUnits(coord);
    expect(units.districts).toEqual([]);
    expect(ids(units.stations)).toEqual(ids(city.stations.filter((s) => s.districtId === coord.districtId)));
    expect(units.stations.length).toBeGreaterThan(1);
  });

  it("gives a station officer the city's other stations, never its own, and no district", async () => {
    const officer = actors["officer.d01s01"]!;
    const units = await listRoutingUnits(officer);
    expect(units.districts).toEqual([]);
    expect(ids(units.stations)).toEqual(ids(city.stations.filter((s) => s.id !== officer.stationId)));
  });

  it("keeps each city to its own units", async () => {
    const other = await listRoutingUnits(actors["lc.analyst1"]!);
    const jzIds = new Set([...ids(city.districts), ...ids(city.stations)]);
    expect(other.stations.length).toBeGreaterThan(0);
    expect([...other.districts, ...other.stations].some((u) => jzIds.has(u.id))).toBe(false);
    const lcOfficer = await listRoutingUnits(actors["lc.officer.l01s01"]!);
    expect(lcOfficer.stations.some((u) => jzIds.has(u.id))).toBe(false);
  });

  it("gives every other role nothing, and records nothing", async () => {
    const before = await db.auditEvent.count();
    for (const username of ["leader", "bank.icbc", "admin", "secadmin", "auditor", "wall", ...INSTALLATION_ACCOUNTS]) {
      expect(await listRoutingUnits(actors[username]!), username).toEqual({ districts: [], stations: [] });
    }
    expect(await db.auditEvent.count()).toBe(before);
  });
});
