import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { listSources } from "@/lib/server/sources/list-sources";
import { createSource, setSourceActive } from "@/lib/server/sources/manage-sources";
import { createApiKey, revokeApiKey } from "@/lib/server/sources/manage-api-keys";
import { listSlaRules, updateSlaRules } from "@/lib/server/config/sla-rules";
import { getPlaybook, listPlaybooks, updatePlaybook } from "@/lib/server/config/playbooks";
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
    UNION ALL SELECT 'sla_rule', md5(string_agg(x::text, '|' ORDER BY x.risk_level)) FROM sla_rule x
    UNION ALL SELECT 'playbook', md5(string_agg(x::text, '|' ORDER BY x.fraud_type)) FROM playbook x
    UNION ALL SELECT 'community', md5(string_agg(x::text, '|' ORDER BY x.id)) FROM community x`;
  return rows.map((r) => `${r.t}:${r.h}`).join(",");
}

describe("only admins configure", () => {
  it("analysts, supervisors, coordinators, officers and bank liaisons are refused every function, audited, nothing changed", async () => {
    const source = await db.alertSource.findUniqueOrThrow({ where: { code: "telecom" } });
    const key = await db.apiKey.findFirstOrThrow();
    const playbook = await db.playbook.findUniqueOrThrow({ where: { fraudType: "FAKE_LOAN" } });
    const community = await db.community.findFirstOrThrow();
    const otherStation = await db.orgUnit.findFirstOrThrow({ where: { kind: "STATION", NOT: { id: community.stationId } } });
    const calls: [string, (actor: Actor) => Promise<unknown>][] = [
      ["listSources", (a) => listSources(a)],
      ["createSource", (a) => createSource(a, { code: "rogue", name: "伪造来源", kind: "TELECOM" })],
      ["setSourceActive", (a) => setSourceActive(a, { sourceId: source.id, active: false })],
      ["createApiKey", (a) => createApiKey(a, { sourceId: source.id })],
      ["revokeApiKey", (a) => revokeApiKey(a, { keyId: key.id })],
      ["listSlaRules", (a) => listSlaRules(a)],
      ["updateSlaRules", (a) => updateSlaRules(a, { URGENT: 1, HIGH: 2, MEDIUM: 3, LOW: 4 })],
      ["listPlaybooks", (a) => listPlaybooks(a)],
      ["getPlaybook", (a) => getPlaybook(a, "FAKE_LOAN")],
      ["updatePlaybook", (a) => updatePlaybook(a, { fraudType: "FAKE_LOAN", version: playbook.version, title: "篡改", content: "篡改的话术内容，篡改的话术内容，篡改。" })],
      ["listCommunities", (a) => listCommunities(a, {})],
      ["listStationChoices", (a) => listStationChoices(a)],
      ["createCommunity", (a) => createCommunity(a, { street: "伪造街道", name: "伪造社区", stationId: otherStation.id })],
      ["changeCommunityStation", (a) => changeCommunityStation(a, { communityId: community.id, stationId: otherStation.id })],
      ["deleteCommunity", (a) => deleteCommunity(a, { communityId: community.id })],
    ];
    const before = await configFingerprint();
    for (const username of ["analyst1", "leader", "coord.d01", "officer.d01s01", "bank.abc"]) {
      const actor = await signInAs(username);
      for (const [name, call] of calls) {
        const deniedBefore = await db.auditEvent.count({ where: { actorId: actor.userId, outcome: "DENIED" } });
        await expect(call(actor), `${username} ${name}`).rejects.toBeInstanceOf(ForbiddenError);
        const denials = await db.auditEvent.findMany({ where: { actorId: actor.userId, outcome: "DENIED" }, orderBy: { id: "asc" } });
        expect(denials.length, `${username} ${name}`).toBe(deniedBefore + 1);
        expect(denials.at(-1)!.action, `${username} ${name}`).toMatch(/^(source|config)\.manage$/);
        expect(denials.at(-1)!.details).toEqual({ reason: "role" });
      }
      expect(await db.auditEvent.count({ where: { actorId: actor.userId, outcome: "SUCCESS", NOT: { action: { startsWith: "auth." } } } })).toBe(0);
    }
    expect(await configFingerprint()).toBe(before);
  });
});
