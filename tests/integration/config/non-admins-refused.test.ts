import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { listSources } from "@/lib/server/sources/list-sources";
import { createSource, setSourceActive } from "@/lib/server/sources/manage-sources";
import { createApiKey, revokeApiKey } from "@/lib/server/sources/manage-api-keys";
import { listDeadlineRules, resetDeadlineRules, updateDeadlineRules } from "@/lib/server/config/deadline-rules";
import { getPlaybook, listPlaybooks, resetPlaybook, updatePlaybook } from "@/lib/server/config/playbooks";
import { changeCommunityStation, createCommunity, deleteCommunity, listCommunities, listStationChoices } from "@/lib/server/config/communities";
import { addCalendarDay, changeCalendarDay, importCalendarYear, listCalendarYear, removeCalendarDay } from "@/lib/server/config/calendar-days";
import { createBank, getBank, listBanks, setBankActive, updateBank } from "@/lib/server/config/banks";
import { getCitySettings, updateCitySettings } from "@/lib/server/config/city-settings";
import type { Actor } from "@/lib/auth/actor";
import { DeadlineRulesSchema } from "@/lib/schemas/config";
import { openTestDatabase } from "../../support/test-database";
import { CITY_ACCOUNTS, INSTALLATION_ACCOUNTS, signInAll } from "../../support/actors";
import { auditRowsAfter, databaseFingerprint, expectRefusal, lastAuditId } from "../../support/refusals";

await openTestDatabase("demo");

type Call = [name: string, call: (actor: Actor) => Promise<unknown>, allowed: string[]];

let actors: Record<string, Actor>;
let calls: Call[];

beforeAll(async () => {
  actors = await signInAll([...CITY_ACCOUNTS, ...INSTALLATION_ACCOUNTS, "lc.admin"]);
  const source = await db.alertSource.findUniqueOrThrow({ where: { code: "telecom" } });
  const key = await db.apiKey.findFirstOrThrow();
  const community = await db.community.findFirstOrThrow({ where: { city: { code: "JZ" } } });
  const otherStation = await db.orgUnit.findFirstOrThrow({ where: { kind: "STATION", cityId: community.cityId, NOT: { id: community.stationId } } });
  const rules = { kind: "FIRST_CONTACT" as const, stamp: "x", unit: "MINUTES" as const, values: [{ riskLevel: "URGENT" as const, amount: 1 }] };
  // A day of the calendar to change (made up for the test, as every date here).
  const prov = actors["prov.admin"]!;
  await addCalendarDay(prov, { day: "2031-10-04", working: true, note: "测试调休" });
  const day = (await listCalendarYear(prov, 2031)).days[0]!;
  const bank = await getBank(prov, (await db.bank.findUniqueOrThrow({ where: { code: "ICBC" } })).id);
  const bankEdit = { bankId: bank.id, stamp: bank.stamp, code: bank.code, name: "篡改", shortName: "篡改", kind: bank.kind, luhnChecked: false };
  calls = [
    ["listSources", (a) => listSources(a), ["prov.admin", "prov.secadmin"]],
    ["createSource", (a) => createSource(a, { code: "rogue", name: "伪造来源", kind: "TELECOM" }), ["prov.admin"]],
    ["setSourceActive", (a) => setSourceActive(a, { sourceId: source.id, active: false }), ["prov.admin"]],
    ["createApiKey", (a) => createApiKey(a, { sourceId: source.id }), ["prov.secadmin"]],
    ["revokeApiKey", (a) => revokeApiKey(a, { keyId: key.id }), ["prov.secadmin"]],
    ["listDeadlineRules", (a) => listDeadlineRules(a), ["admin", "prov.admin"]],
    ["updateDeadlineRules", (a) => updateDeadlineRules(a, rules), ["admin", "prov.admin"]],
    ["resetDeadlineRules", (a) => resetDeadlineRules(a, { kind: "FIRST_CONTACT", stamp: "x" }), ["admin", "prov.admin"]],
    ["listPlaybooks", (a) => listPlaybooks(a), ["admin", "prov.admin"]],
    ["getPlaybook", (a) => getPlaybook(a, "FAKE_LOAN"), ["admin", "prov.admin"]],
    ["updatePlaybook", (a) => updatePlaybook(a, { fraudType: "FAKE_LOAN", version: 1, title: "篡改", content: "篡改的话术内容，篡改的话术内容，篡改。" }), ["admin", "prov.admin"]],
    ["resetPlaybook", (a) => resetPlaybook(a, { fraudType: "FAKE_LOAN", version: 1 }), ["admin", "prov.admin"]],
    ["listCommunities", (a) => listCommunities(a, {}), ["admin"]],
    ["listStationChoices", (a) => listStationChoices(a), ["admin"]],
    ["createCommunity", (a) => createCommunity(a, { street: "伪造街道", name: "伪造社区", stationId: otherStation.id }), ["admin"]],
    ["changeCommunityStation", (a) => changeCommunityStation(a, { communityId: community.id, stationId: otherStation.id }), ["admin"]],
    ["deleteCommunity", (a) => deleteCommunity(a, { communityId: community.id }), ["admin"]],
    // The money workflow's configuration: the calendar and the banks are the installation's
    // (a city's administrator reads them), the money settings each city's own.
    ["listCalendarYear", (a) => listCalendarYear(a, 2031), ["admin", "prov.admin"]],
    ["addCalendarDay", (a) => addCalendarDay(a, { day: "2031-10-01", working: false, note: "篡改" }), ["prov.admin"]],
    ["changeCalendarDay", (a) => changeCalendarDay(a, { day: day.day, working: false, note: "篡改", stamp: day.stamp }), ["prov.admin"]],
    ["removeCalendarDay", (a) => removeCalendarDay(a, { day: day.day, stamp: day.stamp }), ["prov.admin"]],
    ["importCalendarYear", (a) => importCalendarYear(a, { year: 2031, stamp: "x", days: [{ day: "2031-10-02", working: false, note: "篡改" }] }), ["prov.admin"]],
    ["listBanks", (a) => listBanks(a), ["admin", "prov.admin"]],
    ["getBank", (a) => getBank(a, bank.id), ["prov.admin"]],
    ["createBank", (a) => createBank(a, { code: "ROGUE", name: "伪造银行", shortName: "伪造", kind: "BANK", luhnChecked: true }), ["prov.admin"]],
    ["updateBank", (a) => updateBank(a, bankEdit), ["prov.admin"]],
    ["setBankActive", (a) => setBankActive(a, { bankId: bank.id, active: false }), ["prov.admin"]],
    ["getCitySettings", (a) => getCitySettings(a), ["admin"]],
    ["updateCitySettings", (a) => updateCitySettings(a, { version: 0, largeStopThreshold: 100n }), ["admin"]],
  ];
});

describe("configuration is kept by the right administrator only", () => {
  // One account of each of the nine roles, and the installation's three administrators.
  it.each([...CITY_ACCOUNTS, ...INSTALLATION_ACCOUNTS])("%s is refused every function it is not for, audited, nothing changed", async (username) => {
    const actor = actors[username]!;
    for (const [name, call, allowed] of calls) {
      if (allowed.includes(username)) continue;
      await expectRefusal(`${username} ${name}`, actor, () => call(actor), { error: ForbiddenError, reason: "role" });
    }
  });

  it("another city's system administrator gets 'not found' for this city's communities, audited, nothing changed", async () => {
    const community = await db.community.findFirstOrThrow({ where: { city: { code: "JZ" } } });
    const ourStation = await db.orgUnit.findFirstOrThrow({ where: { kind: "STATION", city: { code: "JZ" }, NOT: { id: community.stationId } } });
    const theirStation = await db.orgUnit.findFirstOrThrow({ where: { kind: "STATION", city: { code: "LC" } } });
    const outsider = actors["lc.admin"]!;
    const refused = { error: NotFoundError, reason: "jurisdiction", entityId: community.id } as const;
    await expectRefusal("changeCommunityStation", outsider, () => changeCommunityStation(outsider, { communityId: community.id, stationId: theirStation.id }), refused);
    await expectRefusal("changeCommunityStation to this city's station", outsider, () => changeCommunityStation(outsider, { communityId: community.id, stationId: ourStation.id }), refused);
    await expectRefusal("deleteCommunity", outsider, () => deleteCommunity(outsider, { communityId: community.id }), refused);

    const before = await databaseFingerprint();
    const last = await lastAuditId();
    // Their own lists hold none of this city's rows, even filtered by this city's station.
    const listed = await listCommunities(outsider, {});
    expect(listed.rows.length).toBeGreaterThan(0);
    expect(await db.community.count({ where: { id: { in: listed.rows.map((r) => r.id) }, NOT: { cityId: outsider.cityId! } } })).toBe(0);
    expect((await listCommunities(outsider, { stationId: community.stationId })).rows).toEqual([]);
    expect((await listStationChoices(outsider)).every((s) => s.id !== community.stationId)).toBe(true);
    // A station of this city is as unknown to them as one that does not exist.
    await expect(createCommunity(outsider, { street: "越界街道", name: "越界社区", stationId: ourStation.id })).rejects.toMatchObject({ code: "validation.unknownStation" });
    expect(await auditRowsAfter(last)).toEqual([]);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("another city's system administrator neither sees nor changes this city's money settings, nor its desks", async () => {
    const admin = actors["admin"]!;
    const outsider = actors["lc.admin"]!;
    await updateCitySettings(admin, { version: 0, largeStopThreshold: 12_345_600n });
    // This city's CCB liaison leaves: its desk is gone here, not in the other city.
    await db.user.update({ where: { username: "bank.ccb" }, data: { status: "DISABLED" } });

    const before = await databaseFingerprint();
    const last = await lastAuditId();
    expect(await getCitySettings(outsider)).toMatchObject({ largeStopThresholdFen: "50000000", version: 0, isDefault: true });
    expect((await listBanks(outsider)).rows.find((b) => b.code === "CCB")!.desk).toBe(true);
    // Their save goes to their own row, which does not exist: this city's version is stale to them.
    await expect(updateCitySettings(outsider, { version: 1, largeStopThreshold: 100n })).rejects.toBeInstanceOf(ConflictError);
    expect(await auditRowsAfter(last)).toEqual([]);
    expect(await databaseFingerprint()).toEqual(before);
    expect((await listBanks(admin)).rows.find((b) => b.code === "CCB")!.desk).toBe(false);
    await db.user.update({ where: { username: "bank.ccb" }, data: { status: "ACTIVE" } });
  });

  it("another city's system administrator sees the defaults, not this city's own rules and playbooks, and cannot write over them", async () => {
    const admin = actors["admin"]!;
    const outsider = actors["lc.admin"]!;
    // This city's own rule and playbook.
    const ours = (await listDeadlineRules(admin)).kinds.find((k) => k.kind === "FIRST_CONTACT")!;
    const values = Object.fromEntries(ours.rules.map((r) => [r.riskLevel!, r.amount]));
    await updateDeadlineRules(admin, DeadlineRulesSchema.parse({ kind: "FIRST_CONTACT", stamp: ours.stamp, unit: "MINUTES", ...values, URGENT: 2 }));
    const ourStamp = (await listDeadlineRules(admin)).kinds.find((k) => k.kind === "FIRST_CONTACT")!.stamp;
    const playbook = await getPlaybook(admin, "GAME_TRADING");
    await updatePlaybook(admin, { fraudType: "GAME_TRADING", version: playbook.version, title: "本市游戏交易话术", content: "本市自己的话术内容：游戏账号交易走正规平台，先核实再付款。" });

    const before = await databaseFingerprint();
    const last = await lastAuditId();
    const theirs = (await listDeadlineRules(outsider)).kinds.find((k) => k.kind === "FIRST_CONTACT")!;
    expect(theirs.overridden).toBe(false);
    expect(theirs.rules.find((r) => r.riskLevel === "URGENT")).toMatchObject({ amount: values["URGENT"], origin: "installation" });
    for (const row of [...(await listPlaybooks(outsider)), await getPlaybook(outsider, "GAME_TRADING")]) {
      expect(row.content, row.fraudType).not.toContain("本市自己的话术内容");
      expect(row.origin, row.fraudType).toBe("default");
    }
    // Their writes go to their own rows only, which do not exist: what they know of ours is stale to them.
    await expect(updateDeadlineRules(outsider, DeadlineRulesSchema.parse({ kind: "FIRST_CONTACT", stamp: ourStamp, unit: "MINUTES", ...values, URGENT: 1 }))).rejects.toBeInstanceOf(ConflictError);
    await expect(resetDeadlineRules(outsider, { kind: "FIRST_CONTACT", stamp: ourStamp })).rejects.toBeInstanceOf(ConflictError);
    await expect(updatePlaybook(outsider, { fraudType: "GAME_TRADING", version: 1, title: "篡改", content: "篡改的话术内容，篡改的话术内容，篡改。" })).rejects.toBeInstanceOf(ConflictError);
    await expect(resetPlaybook(outsider, { fraudType: "GAME_TRADING", version: 1 })).rejects.toBeInstanceOf(ConflictError);
    expect(await auditRowsAfter(last)).toEqual([]);
    expect(await databaseFingerprint()).toEqual(before);
  });
});
