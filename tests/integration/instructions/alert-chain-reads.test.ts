// The reads the dispatch chain's screens add: an alert's instructions with their chains, the alert
// page's dispatch choices, the queue's "已派发" mark, and the district view. Each is scoped: another
// district, station or city sees nothing of them (a refused record look is "not found" and one
// denial row; a list simply leaves them out), and roles without the permission are refused.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/prisma/generated/client/enums";
import { NotFoundError } from "@/lib/errors";
import { claimAlert } from "@/lib/server/alerts/claim-alert";
import { getAlertWorkspace } from "@/lib/server/alerts/get-alert-workspace";
import { searchOpenAlertsByPhone } from "@/lib/server/alerts/search-alerts-by-phone";
import { dispatchInstruction } from "@/lib/server/instructions/dispatch-instruction";
import { forwardInstruction } from "@/lib/server/instructions/forward-instruction";
import { signOffInstruction } from "@/lib/server/instructions/sign-off-instruction";
import { declineInstruction } from "@/lib/server/instructions/decline-instruction";
import { cancelInstruction } from "@/lib/server/instructions/cancel-instruction";
import { listAlertInstructions } from "@/lib/server/instructions/list-alert-instructions";
import { getDistrictScreen } from "@/lib/server/instructions/get-district-screen";
import { DeclineInstructionSchema, DispatchInstructionSchema } from "@/lib/schemas/instructions";
import { openTestDatabase } from "../../support/test-database";
import { CITY_ACCOUNTS, INSTALLATION_ACCOUNTS, signInAll } from "../../support/actors";
import { createNewAlerts } from "../../support/alert-factory";
import { alertPhone } from "../../support/personal-data";
import { expectListedWithout, expectOtherRolesRefused, expectRefusal } from "../../support/refusals";

await openTestDatabase("demo");

const INSTRUCTION_READERS: readonly Role[] = ["ANALYST", "SUPERVISOR", "DISTRICT_COORDINATOR", "STATION_OFFICER"];
const ROUTERS: readonly Role[] = ["ANALYST", "DISTRICT_COORDINATOR"];
const SECOND_CITY = ["lc.analyst1", "lc.leader", "lc.coord.l01", "lc.officer.l01s01"] as const;

let actors: Record<string, Actor>;
const a = (username: string) => actors[username]!;
let unit: Record<string, { id: string; districtId: string | null; cityId: string | null }>;

beforeAll(async () => {
  actors = await signInAll([...CITY_ACCOUNTS, ...INSTALLATION_ACCOUNTS, ...SECOND_CITY, "analyst2", "coord.d02", "officer.d01s02"]);
  const rows = await db.orgUnit.findMany({ where: { code: { in: ["JZ", "D01", "D02", "D01S01", "D01S02"] } }, select: { code: true, id: true, districtId: true, cityId: true } });
  unit = Object.fromEntries(rows.map((r) => [r.code, r]));
});

/** A new HIGH alert at D01S01 and an instruction about it sent by analyst1 to `to` (a station code, or a district code). */
async function dispatched(to: string, opts: { stationCode?: string } = {}): Promise<{ alertId: string; instructionId: string }> {
  const [alertId] = await createNewAlerts(1, { stationCode: opts.stationCode ?? "D01S01" });
  const target = to.includes("S") ? { stationId: unit[to]!.id } : { districtId: unit[to]!.id };
  const { instructionId } = await dispatchInstruction(a("analyst1"), DispatchInstructionSchema.parse({ alertId, kind: "DOOR_VISIT", ...target }));
  return { alertId: alertId!, instructionId };
}

const ids = (list: { id: string }[]) => list.map((i) => i.id);

describe("listAlertInstructions: an alert's instructions with their chains, in the reader's jurisdiction", () => {
  it("follows the chain down: issued, forwarded by the district, signed off by the station", async () => {
    const { alertId, instructionId } = await dispatched("D01");
    const { version } = await forwardInstruction(a("coord.d01"), { instructionId, version: 1, stationId: unit["D01S01"]!.id });
    await signOffInstruction(a("officer.d01s01"), { instructionId, version });

    const [item] = await listAlertInstructions(a("analyst1"), alertId);
    expect(item).toMatchObject({ id: instructionId, kind: "DOOR_VISIT", status: "SIGNED_OFF", riskLevel: "HIGH", stationName: expect.any(String) });
    expect(item!.chain.map((s) => [s.step, s.at !== null])).toEqual([
      ["issued", true],
      ["forwarded", true],
      ["signedOff", true],
      ["onSite", false],
      ["reported", false],
      ["closed", false],
    ]);
    // Each reached step after the first says how long it took after the one before.
    const reached = item!.chain.filter((s) => s.at !== null);
    expect(reached.slice(1).every((s) => s.afterPreviousMs !== null && s.afterPreviousMs >= 0)).toBe(true);
    expect(item!.deadline).not.toBeNull();
  });

  it("the city, the district and the station it was sent to see it; the alert's own station does not when it went elsewhere", async () => {
    const { alertId, instructionId } = await dispatched("D01S02");
    for (const reader of ["analyst1", "leader", "coord.d01"]) expect(ids(await listAlertInstructions(a(reader), alertId)), reader).toEqual([instructionId]);
    // officer.d01s01 reads the alert (its station's) but not the instruction sent to D01S02.
    expect(await listAlertInstructions(a("officer.d01s01"), alertId)).toEqual([]);
  });

  it("another district, another station and the second city get 'not found' for the alert, audited once each", async () => {
    const { alertId } = await dispatched("D01S01");
    for (const outsider of ["coord.d02", "officer.d01s02", ...SECOND_CITY]) {
      await expectRefusal(outsider, a(outsider), () => listAlertInstructions(a(outsider), alertId), { error: NotFoundError, reason: "jurisdiction", entityId: alertId });
    }
  });

  it("roles that do not read instructions are refused", async () => {
    const { alertId } = await dispatched("D01S01");
    const everyone = [...CITY_ACCOUNTS, ...INSTALLATION_ACCOUNTS].map(a);
    const served = await expectOtherRolesRefused("listAlertInstructions", everyone, INSTRUCTION_READERS, (x) => listAlertInstructions(x, alertId), alertId);
    expect(served.map((x) => x.username).sort()).toEqual(["analyst1", "coord.d01", "leader", "officer.d01s01"]);
  });
});

describe("getAlertWorkspace: the dispatch form's choices", () => {
  it("an analyst may send an unclaimed alert to any district or station of the city, its own station preselected", async () => {
    const [alertId] = await createNewAlerts(1, { stationCode: "D01S01", riskLevel: "URGENT" });
    const { dispatch } = await getAlertWorkspace(a("analyst1"), alertId!);
    expect(dispatch).not.toBeNull();
    expect(dispatch!.alertStationId).toBe(unit["D01S01"]!.id);
    expect(dispatch!.alertDistrictId).toBe(unit["D01"]!.id);
    expect(dispatch!.straightToStation).toBe(true);
    expect(dispatch!.openKinds).toEqual([]);
    const cityId = unit["JZ"]!.id;
    const offered = await db.orgUnit.findMany({ where: { id: { in: [...ids(dispatch!.districts), ...ids(dispatch!.stations)] } }, select: { cityId: true, kind: true } });
    expect(offered.every((u) => u.cityId === cityId)).toBe(true);
    expect(dispatch!.districts.length).toBe(await db.orgUnit.count({ where: { cityId, kind: "DISTRICT" } }));
    expect(dispatch!.stations.length).toBe(await db.orgUnit.count({ where: { cityId, kind: "STATION" } }));
  });

  it("a coordinator is offered its own district's stations only, whoever holds the alert", async () => {
    const [alertId] = await createNewAlerts(1, { stationCode: "D01S01", riskLevel: "MEDIUM" });
    await claimAlert(a("analyst1"), { alertId: alertId! });
    const { dispatch } = await getAlertWorkspace(a("coord.d01"), alertId!);
    expect(dispatch!.districts).toEqual([]);
    expect(dispatch!.straightToStation).toBe(false);
    expect(new Set(dispatch!.stations.map((s) => s.districtId))).toEqual(new Set([unit["D01"]!.id]));
    expect(dispatch!.stations.length).toBe(await db.orgUnit.count({ where: { districtId: unit["D01"]!.id, kind: "STATION" } }));
  });

  it("nobody else is offered it: another analyst's alert, a closed alert, supervisors and officers; open kinds are named", async () => {
    const [alertId] = await createNewAlerts(1, { stationCode: "D01S01" });
    await claimAlert(a("analyst1"), { alertId: alertId! });
    expect((await getAlertWorkspace(a("analyst2"), alertId!)).dispatch).toBeNull();
    expect((await getAlertWorkspace(a("leader"), alertId!)).dispatch).toBeNull();
    expect((await getAlertWorkspace(a("officer.d01s01"), alertId!)).dispatch).toBeNull();
    await dispatchInstruction(a("analyst1"), DispatchInstructionSchema.parse({ alertId, kind: "LOCATE", districtId: unit["D01"]!.id }));
    expect((await getAlertWorkspace(a("analyst1"), alertId!)).dispatch!.openKinds).toEqual(["LOCATE"]);
    await db.alert.update({ where: { id: alertId }, data: { status: "CLOSED", outcome: "DISSUADED", closedAt: new Date() } });
    expect((await getAlertWorkspace(a("analyst1"), alertId!)).dispatch).toBeNull();
  });
});

describe("the queue marks an open alert with an open instruction as dispatched", () => {
  it("not before, while open, and not after it was cancelled", async () => {
    const [alertId] = await createNewAlerts(1, { stationCode: "D01S01" });
    const phone = await alertPhone(alertId!);
    const mark = async () => (await searchOpenAlertsByPhone(a("analyst1"), phone)).results.find((r) => r.id === alertId)!.dispatched;
    expect(await mark()).toBe(false);
    const { instructionId } = await dispatchInstruction(a("analyst1"), DispatchInstructionSchema.parse({ alertId, kind: "DOOR_VISIT", stationId: unit["D01S01"]!.id }));
    expect(await mark()).toBe(true);
    await cancelInstruction(a("analyst1"), { instructionId, version: 1, note: "已电话劝阻成功" });
    expect(await mark()).toBe(false);
  });
});

describe("getDistrictScreen: the district's open work and its stations", () => {
  it("a coordinator sees what waits at its district, the declines and its stations' work, with its own stations to route to", async () => {
    const waiting = await dispatched("D01");
    const atStation = await dispatched("D01S01");
    const declined = await dispatched("D01S02");
    await declineInstruction(a("officer.d01s02"), DeclineInstructionSchema.parse({ instructionId: declined.instructionId, version: 1, reason: "WRONG_PERSON" }));
    const screen = await getDistrictScreen(a("coord.d01"));
    const status = new Map(screen.items.map((i) => [i.id, i.status]));
    expect(status.get(waiting.instructionId)).toBe("AT_DISTRICT");
    expect(status.get(atStation.instructionId)).toBe("AT_STATION");
    expect(status.get(declined.instructionId)).toBe("DECLINED");
    expect(screen.items.find((i) => i.id === waiting.instructionId)!.version).toBe(1);
    const stations = await db.orgUnit.findMany({ where: { id: { in: ids(screen.stations) } }, select: { districtId: true } });
    expect(stations.length).toBeGreaterThan(0);
    expect(stations.every((s) => s.districtId === unit["D01"]!.id)).toBe(true);
    // The city reads the same list, and routes on each instruction's page.
    const city = await getDistrictScreen(a("analyst1"));
    expect(ids(city.items)).toEqual(expect.arrayContaining([waiting.instructionId, atStation.instructionId, declined.instructionId]));
    expect(city.stations).toEqual([]);
  });

  it("another district and the second city's coordinator list none of it, and are given none of its stations", async () => {
    const waiting = await dispatched("D01");
    const atStation = await dispatched("D01S01");
    const hidden = [waiting.instructionId, atStation.instructionId];
    for (const outsider of ["coord.d02", "lc.coord.l01"]) {
      let stations: string[] = [];
      await expectListedWithout(outsider, async () => {
        const screen = await getDistrictScreen(a(outsider));
        stations = ids(screen.stations);
        return ids(screen.items);
      }, hidden);
      expect(stations).not.toContain(unit["D01S01"]!.id);
    }
  });

  it("only analysts and coordinators have a district view", async () => {
    const everyone = [...CITY_ACCOUNTS, ...INSTALLATION_ACCOUNTS].map(a);
    await expectOtherRolesRefused("getDistrictScreen", everyone, ROUTERS, (x) => getDistrictScreen(x));
  });
});
