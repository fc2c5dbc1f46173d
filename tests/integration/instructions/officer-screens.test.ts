// The station inbox (/inbox) and the instruction page (/instructions/[id]) read as the pages read
// them: one refused look is one DENIED row (the page's first read refuses; the unit lists read
// beside the instruction refuse nobody), another station or city gets "not found", and the station
// the instruction was sent to reads both without a refusal.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { dispatchInstruction } from "@/lib/server/instructions/dispatch-instruction";
import { getInstruction } from "@/lib/server/instructions/get-instruction";
import { listInstructions } from "@/lib/server/instructions/list-instructions";
import { listRoutingUnits } from "@/lib/server/instructions/list-routing-units";
import { openTestDatabase } from "../../support/test-database";
import { signInAs } from "../../support/actors";

await openTestDatabase("demo");

let instructionId: string;
beforeAll(async () => {
  const station = await db.orgUnit.findUniqueOrThrow({ where: { code: "D01S02" }, select: { id: true } });
  const alert = await db.alert.findFirstOrThrow({ where: { stationId: station.id, status: "NEW" }, select: { id: true } });
  ({ instructionId } = await dispatchInstruction(await signInAs("analyst1"), { alertId: alert.id, kind: "DOOR_VISIT", stationId: station.id, note: "请立即上门" }));
});

/** What each page reads, in the page's order. */
const inbox = (a: Actor) => listInstructions(a, "inbox");
const instructionPage = async (a: Actor) => [await getInstruction(a, instructionId), await listRoutingUnits(a)];

async function deniedRows(actor: Actor): Promise<{ action: string; details: unknown }[]> {
  return db.auditEvent.findMany({ where: { actorId: actor.userId, outcome: "DENIED" }, orderBy: { id: "asc" }, select: { action: true, details: true } });
}

/** Lets a refused call finish whatever it started before the rows are counted (nothing here measures time). */
async function settled(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 250));
}

async function refusedOnce(username: string, read: (a: Actor) => Promise<unknown>): Promise<{ action: string; details: unknown }[]> {
  const actor = await signInAs(username);
  const before = (await deniedRows(actor)).length;
  await expect(read(actor)).rejects.toBeInstanceOf(DomainError);
  await settled();
  return (await deniedRows(actor)).slice(before);
}

describe("the officer's screens", () => {
  it.each(["wall", "analyst1", "leader", "coord.d01", "bank.icbc", "admin"])("/inbox is refused to %s, with one DENIED row", async (username) => {
    expect(await refusedOnce(username, inbox)).toEqual([{ action: "instruction.work", details: { reason: "role" } }]);
  });

  it("the instruction page is refused to the wall screen's account, with one DENIED row", async () => {
    expect(await refusedOnce("wall", instructionPage)).toEqual([{ action: "instruction.read", details: { reason: "role" } }]);
  });

  it.each([
    ["another station of the same district", "officer.d01s01"],
    ["another district", "coord.d02"],
    ["another city", "lc.analyst1"],
    ["another city's officer", "lc.officer.l01s01"],
  ])("the instruction page for %s: 'not found', one DENIED row for the jurisdiction", async (_who, username) => {
    const actor = await signInAs(username);
    const before = (await deniedRows(actor)).length;
    await expect(instructionPage(actor)).rejects.toBeInstanceOf(NotFoundError);
    await settled();
    expect((await deniedRows(actor)).slice(before)).toEqual([{ action: "instruction.read", details: { reason: "jurisdiction" } }]);
  });

  it("the station it was sent to reads both, without a refusal; the inbox holds it, masked", async () => {
    const officer = await signInAs("officer.d01s02");
    const { items } = await inbox(officer);
    const item = items.find((i) => i.id === instructionId);
    expect(item).toMatchObject({ status: "AT_STATION", kind: "DOOR_VISIT" });
    expect(item!.personName).toMatch(/\*/);
    const [detail, units] = (await instructionPage(officer)) as [Awaited<ReturnType<typeof getInstruction>>, Awaited<ReturnType<typeof listRoutingUnits>>];
    expect(detail.offered.sort()).toEqual(["decline", "signOff"]);
    expect(detail.alert.canRevealContact).toBe(true);
    expect(units.stations.some((s) => s.id === officer.stationId)).toBe(false);
    await settled();
    expect(await deniedRows(officer)).toEqual([]);
  });

  it("the issuer and the district read the page and are offered their own steps, not the station's", async () => {
    const [analyst, coord] = [await signInAs("analyst1"), await signInAs("coord.d01")];
    const [asIssuer] = (await instructionPage(analyst)) as [Awaited<ReturnType<typeof getInstruction>>];
    expect(asIssuer.offered.sort()).toEqual(["cancel", "chase", "reroute"]);
    const [asDistrict] = (await instructionPage(coord)) as [Awaited<ReturnType<typeof getInstruction>>];
    expect(asDistrict.offered.sort()).toEqual(["chase", "reroute"]);
    expect(asDistrict.draft).toBeNull();
  });
});
