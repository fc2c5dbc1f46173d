// The trigger behind every live page: one notification per statement, naming the topic and the
// units the change concerns (before and after an UPDATE), and never a record or a person.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "@/lib/db";
import { openTestDatabase } from "../../support/test-database";
import { createNewAlerts } from "../../support/alert-factory";

const database = await openTestDatabase("demo");

let listener: pg.Client;
const received: { t: string; k: string[]; all?: boolean }[] = [];

beforeAll(async () => {
  listener = new pg.Client({ connectionString: database.url });
  await listener.connect();
  listener.on("notification", (m) => received.push(JSON.parse(m.payload!)));
  await listener.query("LISTEN live_change");
});
afterAll(async () => {
  await listener.end();
});

/**
 * The notifications caused by `write`. A notification is delivered to the listener before the
 * answer to any query it sends afterwards, so a round trip on the listener drains what earlier
 * statements caused (before) and collects what `write` caused (after).
 */
async function notificationsOf(write: () => Promise<unknown>): Promise<typeof received> {
  await listener.query("SELECT 1");
  received.length = 0;
  await write();
  await listener.query("SELECT 1");
  return [...received];
}

describe("live_change notifications", () => {
  it("a batch of new alerts is one notification naming their city, districts and stations", async () => {
    const station = await db.orgUnit.findUniqueOrThrow({ where: { code: "D02S01" } });
    const [note, ...more] = await notificationsOf(() => createNewAlerts(20, { stationCode: "D02S01" }));
    expect(more).toEqual([]);
    expect(note).toEqual({ t: "alert", k: [`c:${station.cityId}`, `d:${station.districtId}`, `s:${station.id}`].sort() });
  });

  it("a re-routed alert names the station it left and the one it joined", async () => {
    const [id] = await createNewAlerts(1, { stationCode: "D01S01" });
    const from = await db.orgUnit.findUniqueOrThrow({ where: { code: "D01S01" } });
    const to = await db.orgUnit.findUniqueOrThrow({ where: { code: "D03S02" } });
    const [note] = await notificationsOf(() => db.alert.update({ where: { id }, data: { stationId: to.id, districtId: to.districtId } }));
    expect(note!.k).toEqual(expect.arrayContaining([`s:${from.id}`, `s:${to.id}`, `d:${from.districtId}`, `d:${to.districtId}`, `c:${from.cityId}`]));
  });

  it("a statement touching more units than a notification holds names their cities, for all their units", async () => {
    const district = await db.orgUnit.findUniqueOrThrow({ where: { code: "D01" } });
    const cityId = district.cityId!;
    // 200 stations' keys (≈ 40 bytes each) do not fit in PostgreSQL's 8,000-byte payload.
    const stations = Array.from({ length: 200 }, (_, i) => ({ code: `LIVE${i}`, name: `测试派出所${i}`, kind: "STATION" as const, parentId: district.id, cityId, districtId: district.id }));
    await db.orgUnit.createMany({ data: stations });
    const ids = (await db.orgUnit.findMany({ where: { code: { startsWith: "LIVE" } }, select: { id: true } })).map((u) => u.id);
    const [alert] = await createNewAlerts(1, { stationCode: "D01S01" });
    const template = await db.alert.findUniqueOrThrow({ where: { id: alert } });
    const [note, ...more] = await notificationsOf(() =>
      db.alert.createMany({
        data: ids.map((stationId, i) => ({
          cityId,
          districtId: district.id,
          stationId,
          sourceId: template.sourceId,
          externalId: `LIVE-${alert}-${i}`,
          payloadHash: template.payloadHash,
          personId: template.personId,
          phoneSealed: template.phoneSealed,
          phoneIndex: template.phoneIndex,
          riskLevel: template.riskLevel,
          fraudType: template.fraudType,
          detectedAt: template.detectedAt,
          firstContactDeadline: template.firstContactDeadline,
        })),
      }),
    );
    expect(more).toEqual([]);
    expect(note).toEqual({ t: "alert", k: [`c:${cityId}`], all: true });
  });

  it("never carries a record or a person: only unit keys", async () => {
    const [note] = await notificationsOf(() => createNewAlerts(3));
    expect(note!.k.every((k) => /^[cdsb]:[0-9a-f-]{36}$/.test(k))).toBe(true);
  });
});
