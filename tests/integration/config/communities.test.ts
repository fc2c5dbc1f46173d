import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  COMMUNITY_PAGE_SIZE,
  changeCommunityStation,
  createCommunity,
  deleteCommunity,
  listCommunities,
  listStationChoices,
} from "@/lib/server/config/communities";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { CreateCommunitySchema } from "@/lib/schemas/config";
import { openTestDatabase } from "../../support/test-database";
import { signInAs } from "../../support/actors";

await openTestDatabase("demo");

const station = (code: string) => db.orgUnit.findUniqueOrThrow({ where: { code } });

describe("address routing (communities)", () => {
  it("lists the city's communities page by page, searchable by street, community or station", async () => {
    const admin = await signInAs("admin");
    const total = await db.community.count({ where: { cityId: admin.cityId! } });
    const first = await listCommunities(admin, {});
    expect(first).toMatchObject({ total, page: 1, pageCount: Math.ceil(total / COMMUNITY_PAGE_SIZE) });
    expect(first.rows.length).toBe(Math.min(total, COMMUNITY_PAGE_SIZE));
    const last = await listCommunities(admin, { page: 10_000 });
    expect(last.page).toBe(first.pageCount);

    const sample = await db.community.findFirstOrThrow({ where: { cityId: admin.cityId! }, include: { station: true } });
    const byName = await listCommunities(admin, { q: sample.name });
    expect(byName.rows.map((r) => r.id)).toContain(sample.id);
    expect(byName.rows.every((r) => r.name.includes(sample.name) || r.street.includes(sample.name) || r.stationName.includes(sample.name))).toBe(true);
    const byStation = await listCommunities(admin, { q: sample.station.name });
    expect(byStation.rows.map((r) => r.id)).toContain(sample.id);
    const byStationId = await listCommunities(admin, { stationId: sample.stationId });
    expect(byStationId.total).toBe(await db.community.count({ where: { stationId: sample.stationId } }));
    expect((await listCommunities(admin, { q: "不存在的社区名称" })).total).toBe(0);
  });

  it("offers the stations of the admin's city only", async () => {
    const admin = await signInAs("admin");
    const choices = await listStationChoices(admin);
    const stations = await db.orgUnit.findMany({ where: { cityId: admin.cityId!, kind: "STATION" } });
    expect(choices.map((c) => c.id).sort()).toEqual(stations.map((s) => s.id).sort());
    expect(choices.every((c) => c.districtName)).toBe(true);
  });

  it("adds a community with its audit row; a duplicate is a clear field error and nothing is written", async () => {
    const admin = await signInAs("admin");
    const s1 = await station("D01S01");
    const { id } = await createCommunity(admin, CreateCommunitySchema.parse({ street: "滨江街道", name: "新港社区", stationId: s1.id }));
    expect(await db.community.findUniqueOrThrow({ where: { id } })).toMatchObject({ cityId: admin.cityId, stationId: s1.id, street: "滨江街道", name: "新港社区" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "community.create", entityId: id } });
    expect(audit).toMatchObject({ outcome: "SUCCESS", actorId: admin.userId, details: { street: "滨江街道", name: "新港社区", stationId: s1.id } });

    const count = await db.community.count();
    // Same street and name, typed with extra spaces, for another station: still a duplicate.
    const again = CreateCommunitySchema.parse({ street: " 滨江街道 ", name: "新港社区　", stationId: (await station("D02S01")).id });
    await expect(createCommunity(admin, again)).rejects.toMatchObject({ code: "adminConfig.validation.communityTaken", field: "name" });
    expect(await db.community.count()).toBe(count);
    // The same community name on another street is a different community.
    await createCommunity(admin, { street: "江湾街道", name: "新港社区", stationId: s1.id });
    expect(await db.community.count()).toBe(count + 1);
  });

  it("refuses a unit that is not a station of the city", async () => {
    const admin = await signInAs("admin");
    const district = await station("D01");
    const count = await db.community.count();
    for (const stationId of [district.id, admin.cityId!, randomUUID()]) {
      await expect(createCommunity(admin, { street: "测试街道", name: "测试社区", stationId })).rejects.toMatchObject({ code: "validation.unknownStation", field: "stationId" });
    }
    const community = await db.community.findFirstOrThrow({ where: { cityId: admin.cityId! } });
    await expect(changeCommunityStation(admin, { communityId: community.id, stationId: district.id })).rejects.toBeInstanceOf(ValidationError);
    expect(await db.community.count()).toBe(count);
    expect((await db.community.findUniqueOrThrow({ where: { id: community.id } })).stationId).toBe(community.stationId);
  });

  it("moves a community to another station and deletes one, each audited", async () => {
    const admin = await signInAs("admin");
    const s1 = await station("D03S01");
    const s2 = await station("D03S02");
    const { id } = await createCommunity(admin, { street: "望湖街道", name: "湖畔社区", stationId: s1.id });
    await changeCommunityStation(admin, { communityId: id, stationId: s2.id });
    expect((await db.community.findUniqueOrThrow({ where: { id } })).stationId).toBe(s2.id);
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "community.change_station", entityId: id } })).toMatchObject({
      outcome: "SUCCESS",
      details: { from: s1.id, to: s2.id },
    });
    // Same station again: nothing to record.
    await changeCommunityStation(admin, { communityId: id, stationId: s2.id });
    expect(await db.auditEvent.count({ where: { action: "community.change_station", entityId: id } })).toBe(1);

    await deleteCommunity(admin, { communityId: id });
    expect(await db.community.findUnique({ where: { id } })).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "community.delete", entityId: id, outcome: "SUCCESS" } })).toBe(1);
    await expect(deleteCommunity(admin, { communityId: id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a community that something refers to cannot be deleted", async () => {
    const admin = await signInAs("admin");
    const { id } = await createCommunity(admin, { street: "望湖街道", name: "引用社区", stationId: (await station("D03S01")).id });
    // Nothing refers to communities yet; a future table (e.g. police grids) will, with RESTRICT.
    await db.$executeRawUnsafe(`CREATE TABLE test_community_ref (community_id uuid REFERENCES community(id) ON DELETE RESTRICT)`);
    await db.$executeRawUnsafe(`INSERT INTO test_community_ref VALUES ('${id}')`);
    await expect(deleteCommunity(admin, { communityId: id })).rejects.toMatchObject({ code: "adminConfig.errors.communityInUse" });
    expect(await db.community.findUnique({ where: { id } })).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "community.delete", entityId: id } })).toBe(0);
  });

  it("another city's community is 'not found' to this admin, and the attempt is audited", async () => {
    const admin = await signInAs("admin");
    // The second city of the test databases, 临川.
    const foreign = await db.community.findFirstOrThrow({ where: { city: { code: "LC" } } });
    const stationId = foreign.stationId;

    await expect(changeCommunityStation(admin, { communityId: foreign.id, stationId: (await station("D01S01")).id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteCommunity(admin, { communityId: foreign.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createCommunity(admin, { street: "测试街道", name: "测试社区", stationId })).rejects.toMatchObject({ code: "validation.unknownStation" });
    expect(await db.community.findUniqueOrThrow({ where: { id: foreign.id } })).toEqual(foreign);
    const denials = await db.auditEvent.findMany({ where: { entityId: foreign.id, outcome: "DENIED" } });
    expect(denials.map((d) => d.details)).toEqual([{ reason: "jurisdiction" }, { reason: "jurisdiction" }]);
    expect((await listCommunities(admin, { q: foreign.name })).rows.map((r) => r.id)).not.toContain(foreign.id);
    expect((await listStationChoices(admin)).map((s) => s.id)).not.toContain(stationId);
  });
});
