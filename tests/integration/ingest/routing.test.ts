// Routing: stationCode, else the admins' community table by address (street AND name, longest
// match; else a unique name), else the city's "jurisdiction unknown" queue (station null).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { IngestItemResult } from "@/lib/schemas/ingest";
import { openTestDatabase } from "../../support/test-database";
import { makeAlert, post, uniquePhone } from "./support";

await openTestDatabase("demo");

interface Unit {
  id: string;
  code: string;
  districtId: string | null;
  cityId: string | null;
}
let city: Unit;
let s1: Unit;
let s2: Unit;
let s3: Unit;

async function station(code: string): Promise<Unit> {
  return db.orgUnit.findUniqueOrThrow({ where: { code }, select: { id: true, code: true, districtId: true, cityId: true } });
}

beforeAll(async () => {
  city = await db.orgUnit.findFirstOrThrow({ where: { kind: "CITY", code: "JZ" }, select: { id: true, code: true, districtId: true, cityId: true } });
  s1 = await station("D01S01");
  s2 = await station("D02S01");
  s3 = await station("D03S02");
  // Test communities on streets the demo city does not have.
  await db.community.createMany({
    data: [
      { cityId: city.id, stationId: s1.id, street: "测试街道", name: "湖畔社区" },
      { cityId: city.id, stationId: s2.id, street: "测试街道", name: "新湖畔社区" },
      { cityId: city.id, stationId: s3.id, street: "测试二街", name: "独一社区" },
      { cityId: city.id, stationId: s1.id, street: "甲测试街", name: "同名社区" },
      { cityId: city.id, stationId: s2.id, street: "乙测试街", name: "同名社区" },
    ],
  });
});

async function ingestOne(overrides: Parameters<typeof makeAlert>[0]): Promise<IngestItemResult> {
  const reply = await post({ alerts: [makeAlert(overrides)] });
  expect(reply.status).toBe(200);
  return reply.body.results[0]!;
}

async function placement(result: IngestItemResult) {
  if (!("alertId" in result)) throw new Error(`not created: ${JSON.stringify(result)}`);
  return db.alert.findUniqueOrThrow({
    where: { id: result.alertId },
    select: { stationId: true, districtId: true, cityId: true, person: { select: { cityId: true } } },
  });
}

const person = (address?: string) => ({ name: "孙八", phone: uniquePhone(), ...(address ? { address } : {}) });

describe("by stationCode", () => {
  it("puts the alert at that station, in the station's district and city", async () => {
    const placed = await placement(await ingestOne({ stationCode: "D02S01", person: person() }));
    expect(placed).toEqual({ stationId: s2.id, districtId: s2.districtId, cityId: s2.cityId, person: { cityId: s2.cityId } });
  });

  it("wins over the address", async () => {
    const placed = await placement(await ingestOne({ stationCode: "D03S02", person: person("江州市测试街道湖畔社区1栋") }));
    expect(placed.stationId).toBe(s3.id);
  });

  it("that names no station (unknown, or a district) makes the item invalid, and writes nothing", async () => {
    const before = await db.alert.count();
    for (const stationCode of ["NOPE01", "D01", city.code]) {
      const result = await ingestOne({ stationCode, person: person() });
      expect(result).toMatchObject({ status: 422, outcome: "invalid", errors: [{ path: "stationCode", message: expect.any(String) }] });
    }
    expect(await db.alert.count()).toBe(before);
  });
});

describe("by address, through the community table", () => {
  it("routes a demo-city address to its community's station", async () => {
    const community = await db.community.findFirstOrThrow({ where: { street: { not: { contains: "测试" } } }, include: { station: true } });
    const placed = await placement(await ingestOne({ person: person(`江州市${community.street}${community.name}12栋3单元502室`) }));
    expect(placed).toMatchObject({ stationId: community.stationId, districtId: community.station.districtId, cityId: community.cityId });
  });

  it("takes the longest match when several communities match street and name", async () => {
    const placed = await placement(await ingestOne({ person: person("江州市测试街道新湖畔社区8栋") }));
    expect(placed.stationId).toBe(s2.id);
    const shorter = await placement(await ingestOne({ person: person("江州市测试街道湖畔社区8栋") }));
    expect(shorter.stationId).toBe(s1.id);
  });

  it("tells apart communities of the same name by their street", async () => {
    expect((await placement(await ingestOne({ person: person("乙测试街同名社区2号") }))).stationId).toBe(s2.id);
    expect((await placement(await ingestOne({ person: person("甲测试街同名社区2号") }))).stationId).toBe(s1.id);
  });

  it("falls back to the community name alone only when exactly one community matches it", async () => {
    expect((await placement(await ingestOne({ person: person("独一社区5栋") }))).stationId).toBe(s3.id);
    // Two communities are called 同名社区, and two names occur in "新湖畔社区": unknown.
    expect((await placement(await ingestOne({ person: person("同名社区5栋") }))).stationId).toBeNull();
    expect((await placement(await ingestOne({ person: person("新湖畔社区5栋") }))).stationId).toBeNull();
  });

  it("records how the station was found on the CREATED event", async () => {
    const result = await ingestOne({ person: person("江州市测试街道湖畔社区1栋") });
    const event = await db.alertEvent.findFirstOrThrow({ where: { alertId: "alertId" in result ? result.alertId : "", kind: "CREATED" } });
    expect(event.data).toMatchObject({ routedBy: "address" });
  });
});

describe("when neither finds a station", () => {
  it("the alert waits in the city's jurisdiction-unknown queue: no station, no district", async () => {
    for (const p of [person(), person("江州市某条不存在的路88号")]) {
      const placed = await placement(await ingestOne({ person: p }));
      expect(placed).toEqual({ stationId: null, districtId: null, cityId: city.id, person: { cityId: city.id } });
    }
  });

  it("with several cities, an alert names its city unless its station says it", async () => {
    const second = await db.orgUnit.findUniqueOrThrow({ where: { code: "LC" }, select: { id: true } });
    const unplaced = await ingestOne({ cityCode: undefined, person: person("无处可寻的地址") });
    expect(unplaced).toMatchObject({ status: 422, outcome: "invalid", errors: [{ path: "cityCode" }] });
    expect(await ingestOne({ cityCode: "NOPE", person: person() })).toMatchObject({ status: 422, errors: [{ path: "cityCode" }] });
    // The named city's jurisdiction-unknown queue.
    expect(await placement(await ingestOne({ cityCode: "LC", person: person("无处可寻的地址") }))).toMatchObject({ cityId: second.id, stationId: null });
    // A station decides the city by itself; naming another city is a contradiction, refused.
    expect((await placement(await ingestOne({ cityCode: undefined, stationCode: "D01S01", person: person() }))).cityId).toBe(city.id);
    expect(await ingestOne({ cityCode: "LC", stationCode: "D01S01", person: person() })).toMatchObject({ status: 422, errors: [{ path: "stationCode" }] });
    // An address is routed among the named city's communities only.
    expect((await placement(await ingestOne({ cityCode: "LC", person: person("江州市测试街道湖畔社区1栋") }))).stationId).toBeNull();
  });
});
