import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { listSources } from "@/lib/server/sources/list-sources";
import { createSource, setSourceActive } from "@/lib/server/sources/manage-sources";
import { createApiKey, revokeApiKey } from "@/lib/server/sources/manage-api-keys";
import { listDeadlineRules, resetDeadlineRules, updateDeadlineRules } from "@/lib/server/config/deadline-rules";
import { getPlaybook, listPlaybooks, resetPlaybook, updatePlaybook } from "@/lib/server/config/playbooks";
import { changeCommunityStation, createCommunity, deleteCommunity, listCommunities, listStationChoices } from "@/lib/server/config/communities";
import type { Actor } from "@/lib/auth/actor";
import { openTestDatabase } from "../../support/test-database";
import { signInAs } from "../../support/actors";

await openTestDatabase("demo");

/** A fingerprint of every configuration table: any change to any row changes it. */
async function configFingerprint(): Promise<string> {
  const rows = await db.$queryRaw<{ t: string; h: string | null }[]>`
    SELECT 'alert_source' AS t, md5(string_agg(x::text, '|' ORDER BY x.id)) AS h FROM alert_source x
    UNION ALL SELECT 'api_key', md5(string_agg(x::text, '|' ORDER BY x.id)) FROM api_key x
    UNION ALL SELECT 'deadline_rule', md5(string_agg(x::text, '|' ORDER BY x.id)) FROM deadline_rule x
    UNION ALL SELECT 'playbook', md5(string_agg(x::text, '|' ORDER BY x.id)) FROM playbook x
    UNION ALL SELECT 'community', md5(string_agg(x::text, '|' ORDER BY x.id)) FROM community x`;
  return rows.map((r) => `${r.t}:${r.h}`).join(",");
}

/** One account of each of the nine roles in 江州, and the installation's three administrators. */
const CITY_ACCOUNTS = ["analyst1", "leader", "coord.d01", "officer.d01s01", "bank.abc", "admin", "secadmin", "auditor", "wall"];
const INSTALLATION_ACCOUNTS = ["prov.admin", "prov.secadmin", "prov.auditor"];

type Call = [name: string, call: (actor: Actor) => Promise<unknown>, allowed: string[]];

describe("configuration is kept by the right administrator only", () => {
  it("every other account of the nine roles (and the installation's) is refused every function, audited, nothing changed", async () => {
    const source = await db.alertSource.findUniqueOrThrow({ where: { code: "telecom" } });
    const key = await db.apiKey.findFirstOrThrow();
    const community = await db.community.findFirstOrThrow({ where: { city: { code: "JZ" } } });
    const otherStation = await db.orgUnit.findFirstOrThrow({ where: { kind: "STATION", cityId: community.cityId, NOT: { id: community.stationId } } });
    const rules = { kind: "FIRST_CONTACT" as const, stamp: "x", unit: "MINUTES" as const, values: [{ riskLevel: "URGENT" as const, amount: 1 }] };
    const calls: Call[] = [
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
    ];
    const before = await configFingerprint();
    for (const username of [...CITY_ACCOUNTS, ...INSTALLATION_ACCOUNTS]) {
      const actor = await signInAs(username);
      for (const [name, call, allowed] of calls) {
        if (allowed.includes(username)) continue;
        const deniedBefore = await db.auditEvent.count({ where: { actorId: actor.userId, outcome: "DENIED" } });
        await expect(call(actor), `${username} ${name}`).rejects.toBeInstanceOf(ForbiddenError);
        const denials = await db.auditEvent.findMany({ where: { actorId: actor.userId, outcome: "DENIED" }, orderBy: { id: "asc" } });
        expect(denials.length, `${username} ${name}: one denial row`).toBe(deniedBefore + 1);
        expect(denials.at(-1)!.details).toEqual({ reason: "role" });
        expect(denials.at(-1)!.cityId).toBe(actor.cityId);
      }
      expect(await db.auditEvent.count({ where: { actorId: actor.userId, outcome: "SUCCESS", NOT: { action: { startsWith: "auth." } } } })).toBe(0);
    }
    expect(await configFingerprint()).toBe(before);
  });

  it("another city's system administrator gets 'not found' for this city's communities, audited, nothing changed", async () => {
    const community = await db.community.findFirstOrThrow({ where: { city: { code: "JZ" } } });
    const theirStation = await db.orgUnit.findFirstOrThrow({ where: { kind: "STATION", city: { code: "LC" } } });
    const outsider = await signInAs("lc.admin");
    const before = await configFingerprint();
    for (const call of [
      () => changeCommunityStation(outsider, { communityId: community.id, stationId: theirStation.id }),
      () => deleteCommunity(outsider, { communityId: community.id }),
    ]) {
      const denied = await db.auditEvent.count({ where: { actorId: outsider.userId, outcome: "DENIED" } });
      await expect(call()).rejects.toBeInstanceOf(NotFoundError);
      const row = await db.auditEvent.findFirstOrThrow({ where: { actorId: outsider.userId, outcome: "DENIED" }, orderBy: { id: "desc" } });
      expect(await db.auditEvent.count({ where: { actorId: outsider.userId, outcome: "DENIED" } })).toBe(denied + 1);
      expect(row).toMatchObject({ entityType: "community", entityId: community.id, details: { reason: "jurisdiction" } });
    }
    // Their own lists hold none of this city's rows.
    const listed = await listCommunities(outsider, {});
    expect(listed.rows.map((r) => r.id)).not.toContain(community.id);
    expect((await listStationChoices(outsider)).every((s) => s.id !== community.stationId)).toBe(true);
    expect(await configFingerprint()).toBe(before);
  });
});
