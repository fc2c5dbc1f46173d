// Rankings on hand-made instructions in a month the seed never reaches (March 2021, Asia/Shanghai):
// receipts, on-time sign-off and feedback charged to the unit that held the instruction, people met,
// dissuasion rate, the month's edges, bands among the city's units; a coordinator sees its district
// only, the other city nothing of 江州's; the roles without ranking.read are refused and audited.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { ValidationError } from "@/lib/errors";
import { getRankings, type RankingRow } from "@/lib/server/instructions/get-rankings";
import type { FeedbackOutcome, InstructionEventKind, InstructionStatus, OverdueKind } from "@/prisma/generated/client/enums";
import { openTestDatabase } from "../../support/test-database";
import { CITY_ACCOUNTS, INSTALLATION_ACCOUNTS, signInAll } from "../../support/actors";
import { expectListedWithout, expectOtherRolesRefused } from "../../support/refusals";

await openTestDatabase("demo");

const MONTH = "2021-03";
const MIN = 60_000;

let actors: Record<string, Actor>;
let unit: Record<string, { id: string; cityId: string; districtId: string }>;

const at = (iso: string) => new Date(iso);

interface Made {
  id: string;
  cityId: string;
}

/** One instruction (columns that the checks require, and what the test says). */
async function instruction(o: {
  unit: string;
  status: InstructionStatus;
  issuedAt: Date;
  outcome?: FeedbackOutcome;
  metPerson?: boolean;
  reportedAt?: Date;
}): Promise<Made> {
  const u = unit[o.unit]!;
  const station = u.id === u.districtId ? null : u.id;
  const alert = await db.alert.findFirstOrThrow({ where: { cityId: u.cityId }, select: { id: true } });
  const issuer = await db.user.findFirstOrThrow({ where: { unitId: u.cityId, role: "ANALYST" }, select: { id: true } });
  const id = randomUUID();
  const holdsStation = ["AT_STATION", "SIGNED_OFF", "ON_SITE", "REPORTED"].includes(o.status);
  await db.instruction.create({
    data: {
      id,
      cityId: u.cityId,
      districtId: u.districtId,
      stationId: holdsStation || o.status === "CLOSED" ? station : null,
      alertId: alert.id,
      kind: "DOOR_VISIT",
      riskLevel: "HIGH",
      status: o.status,
      issuerUnitId: u.cityId,
      issuedById: issuer.id,
      issuedAt: o.issuedAt,
      routedAt: o.issuedAt,
      signOffDeadline: new Date(o.issuedAt.getTime() + 30 * MIN),
      feedbackDeadline: new Date(o.issuedAt.getTime() + 240 * MIN),
      escalateAt: new Date(o.issuedAt.getTime() + 480 * MIN),
      feedbackOutcome: o.outcome ?? null,
      metPerson: o.metPerson ?? null,
      reportedAt: o.outcome ? (o.reportedAt ?? new Date(o.issuedAt.getTime() + 60 * MIN)) : null,
      closedAt: o.status === "CLOSED" ? new Date(o.issuedAt.getTime() + 90 * MIN) : null,
    },
  });
  return { id, cityId: u.cityId };
}

async function event(i: Made, kind: InstructionEventKind, unitCode: string, when: Date): Promise<void> {
  await db.instructionEvent.create({ data: { cityId: i.cityId, instructionId: i.id, kind, unitId: unit[unitCode]!.id, at: when } });
}

/** A deadline of the unit holding the instruction let pass (the worker's mark). */
async function overdue(i: Made, kind: OverdueKind, unitCode: string, deadline: Date): Promise<void> {
  const u = unit[unitCode]!;
  await db.instructionOverdue.create({
    data: { cityId: i.cityId, districtId: u.districtId, stationId: u.id === u.districtId ? null : u.id, instructionId: i.id, kind, deadline, markedAt: new Date(deadline.getTime() + 30_000) },
  });
}

const row = (rows: RankingRow[], code: string) => rows.find((r) => r.code === code)!;

beforeAll(async () => {
  actors = await signInAll([...CITY_ACCOUNTS, ...INSTALLATION_ACCOUNTS, "lc.analyst1", "lc.coord.l01"]);
  const units = await db.orgUnit.findMany({ where: { kind: { in: ["DISTRICT", "STATION"] } }, select: { id: true, code: true, cityId: true, districtId: true } });
  unit = Object.fromEntries(units.map((u) => [u.code, { id: u.id, cityId: u.cityId!, districtId: u.districtId! }]));

  // A: dispatched to D01S01 on 5 March, worked on time, 已劝阻 face to face.
  const a = await instruction({ unit: "D01S01", status: "CLOSED", issuedAt: at("2021-03-05T02:00:00Z"), outcome: "DISSUADED", metPerson: true });
  await event(a, "ISSUED", "D01S01", at("2021-03-05T02:00:00Z"));
  // B: signed off late at D01S01; 已被骗, met.
  const b = await instruction({ unit: "D01S01", status: "REPORTED", issuedAt: at("2021-03-10T02:00:00Z"), outcome: "DEFRAUDED", metPerson: true });
  await event(b, "ISSUED", "D01S01", at("2021-03-10T02:00:00Z"));
  await overdue(b, "SIGN_OFF", "D01S01", at("2021-03-10T02:30:00Z"));
  // C: sent to D01S02, which let the sign-off pass and declined; re-routed to D01S01, late with the feedback; 确实找不到.
  const c = await instruction({ unit: "D01S01", status: "CLOSED", issuedAt: at("2021-03-12T00:00:00Z"), outcome: "NOT_FOUND", metPerson: false, reportedAt: at("2021-03-12T06:00:00Z") });
  await event(c, "ISSUED", "D01S02", at("2021-03-12T00:00:00Z"));
  await overdue(c, "SIGN_OFF", "D01S02", at("2021-03-12T00:30:00Z"));
  await event(c, "DECLINED", "D01S02", at("2021-03-12T00:40:00Z"));
  await event(c, "REROUTED", "D01S01", at("2021-03-12T01:00:00Z"));
  await overdue(c, "FEEDBACK", "D01S01", at("2021-03-12T05:00:00Z"));
  // D: waited at the district past the sign-off time, then forwarded to D01S03 (not charged).
  const d = await instruction({ unit: "D01S03", status: "SIGNED_OFF", issuedAt: at("2021-03-15T01:30:00Z") });
  await event(d, "ISSUED", "D01", at("2021-03-15T01:30:00Z"));
  await overdue(d, "SIGN_OFF", "D01", at("2021-03-15T02:00:00Z"));
  await event(d, "FORWARDED", "D01S03", at("2021-03-15T03:00:00Z"));
  // The month's edges in Shanghai: 1 March 00:00 is in, 1 April 00:00 and the last instant of February out.
  const e = await instruction({ unit: "D01S01", status: "AT_STATION", issuedAt: at("2021-02-28T16:00:00Z") });
  await event(e, "ISSUED", "D01S01", at("2021-02-28T16:00:00Z"));
  const f = await instruction({ unit: "D01S01", status: "AT_STATION", issuedAt: at("2021-03-31T16:00:00Z") });
  await event(f, "ISSUED", "D01S01", at("2021-03-31T16:00:00Z"));
  const g = await instruction({ unit: "D01S01", status: "AT_STATION", issuedAt: at("2021-02-28T15:59:59.999Z") });
  await event(g, "ISSUED", "D01S01", at("2021-02-28T15:59:59.999Z"));
  // Feedback sent back (not standing), and feedback given in April: neither counts in March.
  const h = await instruction({ unit: "D01S01", status: "SIGNED_OFF", issuedAt: at("2021-02-20T02:00:00Z"), outcome: "DISSUADED", metPerson: true, reportedAt: at("2021-03-20T02:00:00Z") });
  await event(h, "FEEDBACK", "D01S01", at("2021-03-20T02:00:00Z"));
  const k = await instruction({ unit: "D01S01", status: "CLOSED", issuedAt: at("2021-02-20T02:00:00Z"), outcome: "DISSUADED", metPerson: true, reportedAt: at("2021-03-31T16:30:00Z") });
  await event(k, "FEEDBACK", "D01S01", at("2021-03-31T16:30:00Z"));
  // A dissuasion in another district, and the feedback events of the counted ones.
  const m = await instruction({ unit: "D02S01", status: "CLOSED", issuedAt: at("2021-03-20T02:00:00Z"), outcome: "DISSUADED", metPerson: true });
  await event(m, "ISSUED", "D02S01", at("2021-03-20T02:00:00Z"));
  for (const [made, code, when] of [[a, "D01S01", "2021-03-05T03:00:00Z"], [b, "D01S01", "2021-03-10T03:00:00Z"], [c, "D01S01", "2021-03-12T06:00:00Z"], [m, "D02S01", "2021-03-20T03:00:00Z"]] as const) {
    await event(made, "FEEDBACK", code, at(when));
  }
  // The other city: one instruction at its first station.
  const lc = await instruction({ unit: "L01S01", status: "CLOSED", issuedAt: at("2021-03-08T02:00:00Z"), outcome: "DISSUADED", metPerson: true });
  await event(lc, "ISSUED", "L01S01", at("2021-03-08T02:00:00Z"));
  await event(lc, "FEEDBACK", "L01S01", at("2021-03-08T03:00:00Z"));
});

describe("getRankings counts", () => {
  it("counts receipts, on-time sign-off and feedback by the unit charged, people met and the dissuasion rate", async () => {
    const r = await getRankings(actors["analyst1"]!, { month: MONTH });
    expect(r.scope).toBe("city");
    expect(row(r.stations, "D01S01").counts).toEqual({ receipts: 4, onTimeSignOffs: 3, onTimeFeedbacks: 3, metFaceToFace: 2, dissuaded: 1, defrauded: 1 });
    expect(row(r.stations, "D01S01").values).toEqual({ onTimeSignOff: 0.75, onTimeFeedback: 0.75, metFaceToFace: 2, dissuasionRate: 0.5 });
    expect(row(r.stations, "D01S02").counts).toEqual({ receipts: 1, onTimeSignOffs: 0, onTimeFeedbacks: 1, metFaceToFace: 0, dissuaded: 0, defrauded: 0 });
    expect(row(r.stations, "D01S03").counts).toEqual({ receipts: 1, onTimeSignOffs: 1, onTimeFeedbacks: 1, metFaceToFace: 0, dissuaded: 0, defrauded: 0 });
    expect(row(r.stations, "D02S01").counts).toEqual({ receipts: 1, onTimeSignOffs: 1, onTimeFeedbacks: 1, metFaceToFace: 1, dissuaded: 1, defrauded: 0 });
    // The district: what waited there (late) and everything of its stations.
    expect(row(r.districts, "D01").counts).toEqual({ receipts: 7, onTimeSignOffs: 4, onTimeFeedbacks: 6, metFaceToFace: 2, dissuaded: 1, defrauded: 1 });
    // A station with nothing this month: rates unranked, zero people met.
    expect(row(r.stations, "D03S01").values).toEqual({ onTimeSignOff: null, onTimeFeedback: null, metFaceToFace: 0, dissuasionRate: null });
    expect(row(r.stations, "D03S01").bands.onTimeSignOff).toBeNull();
  });

  it("bands each indicator among the city's stations", async () => {
    const r = await getRankings(actors["leader"]!, { month: MONTH });
    // On-time sign-off: 1, 1 (D01S03, D02S01), 0.75 (D01S01), 0 (D01S02): four ranked stations.
    expect(["D01S03", "D02S01", "D01S01", "D01S02"].map((c) => row(r.stations, c).bands.onTimeSignOff)).toEqual(["top", "top", "middle", "bottom"]);
    // People met: every station has a value (most 0); the two with people met are in the top quarter.
    expect(row(r.stations, "D01S01").bands.metFaceToFace).toBe("top");
    expect(row(r.stations, "D02S01").bands.metFaceToFace).toBe("top");
    expect(row(r.stations, "D03S01").bands.metFaceToFace).toBe("middle");
    // Dissuasion rate: two stations ranked, too few for bands.
    expect(row(r.stations, "D01S01").bands.dissuasionRate).toBeNull();
    // Districts: the city's ten.
    expect(r.districts.map((d) => d.code)).toEqual(["D01", "D02", "D03", "D04", "D05", "D06", "D07", "D08", "D09", "D10"]);
    expect(r.stations).toHaveLength(60);
  });

  it("refuses a month that is not YYYY-MM", async () => {
    await expect(getRankings(actors["analyst1"]!, { month: "2021-3" })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("who sees what", () => {
  it("a coordinator sees its district's line and stations only, banded where they stand in the city", async () => {
    const city = await getRankings(actors["analyst1"]!, { month: MONTH });
    const r = await getRankings(actors["coord.d01"]!, { month: MONTH });
    expect(r.scope).toBe("district");
    expect(r.districts.map((d) => d.code)).toEqual(["D01"]);
    expect(r.stations.map((s) => s.code)).toEqual(["D01S01", "D01S02", "D01S03", "D01S04", "D01S05", "D01S06"]);
    for (const s of r.stations) expect(s).toEqual(row(city.stations, s.code));
    expect(r.districts[0]).toEqual(row(city.districts, "D01"));
  });

  it("the other city's actors see nothing of 江州, and 江州's nothing of theirs", async () => {
    const jz = await db.orgUnit.findMany({ where: { city: { code: "JZ" }, kind: { in: ["DISTRICT", "STATION"] } }, select: { id: true } });
    for (const username of ["lc.analyst1", "lc.coord.l01"]) {
      const listed = await expectListedWithout(
        username,
        async () => {
          const r = await getRankings(actors[username]!, { month: MONTH });
          return [...r.districts, ...r.stations].map((x) => x.unitId);
        },
        jz.map((u) => u.id),
      );
      expect(listed.length, username).toBeGreaterThan(0);
    }
    const lc = await getRankings(actors["lc.analyst1"]!, { month: MONTH });
    expect(row(lc.stations, "L01S01").counts).toEqual({ receipts: 1, onTimeSignOffs: 1, onTimeFeedbacks: 1, metFaceToFace: 1, dissuaded: 1, defrauded: 0 });
    const ours = await getRankings(actors["analyst1"]!, { month: MONTH });
    expect([...ours.districts, ...ours.stations].map((x) => x.code).filter((code) => code.startsWith("L"))).toEqual([]);
  });

  it("every role without ranking.read is refused, with one denial in the trail and nothing else changed", async () => {
    const everyone = [...CITY_ACCOUNTS, ...INSTALLATION_ACCOUNTS].map((u) => actors[u]!);
    const served = await expectOtherRolesRefused("getRankings", everyone, ["ANALYST", "SUPERVISOR", "DISTRICT_COORDINATOR"], (a) => getRankings(a, { month: MONTH }));
    expect(served.map((a) => a.username).sort()).toEqual(["analyst1", "coord.d01", "leader"]);
  });
});
