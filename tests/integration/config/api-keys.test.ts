import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiKey, revokeApiKey } from "@/lib/server/sources/manage-api-keys";
import { createSource, setSourceActive } from "@/lib/server/sources/manage-sources";
import { authenticateSource } from "@/lib/server/ingest/authenticate-source";
import { listSources } from "@/lib/server/sources/list-sources";
import { InvalidTransitionError, NotFoundError, ValidationError } from "@/lib/errors";
import { CreateSourceSchema } from "@/lib/schemas/config";
import { openTestDatabase } from "../../support/test-database";
import { signInAs } from "../../support/actors";

await openTestDatabase("demo");

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** The source a presented key authenticates as (the ingestion API's own check), or null. */
async function findActiveApiKey(key: string) {
  const auth = await authenticateSource(`Bearer ${key}`);
  return auth.ok ? { keyId: auth.source.apiKeyId, sourceId: auth.source.id, sourceCode: auth.source.code } : null;
}

/** Every table of the schema whose rows, as text, contain `needle` (the audit trail included). */
async function tablesContaining(needle: string): Promise<string[]> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  const found: string[] = [];
  for (const { name } of tables) {
    const rows = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${name.replace(/"/g, '""')}" t WHERE t::text LIKE '%' || $1 || '%'`,
      needle,
    );
    if ((rows[0]?.n ?? 0) > 0) found.push(name);
  }
  return found;
}

async function telecom() {
  return db.alertSource.findUniqueOrThrow({ where: { code: "telecom" } });
}

describe("API keys", () => {
  it("returns a new key once and stores only its SHA-256 hash and prefix", async () => {
    const admin = await signInAs("prov.secadmin");
    const source = await telecom();
    const created = await createApiKey(admin, { sourceId: source.id });
    expect(created.key).toMatch(/^afk_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.key.slice(0, 8));
    expect(created.sourceCode).toBe("telecom");

    const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.keyId } });
    expect(row).toMatchObject({ sourceId: source.id, prefix: created.key.slice(0, 8), createdById: admin.userId, revokedAt: null, lastUsedAt: null });
    expect(row.keyHash).toBe(sha256(created.key));

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "apikey.create", entityId: created.keyId } });
    expect(audit).toMatchObject({ actorId: admin.userId, outcome: "SUCCESS", entityType: "api_key" });
    expect(audit.details).toMatchObject({ sourceCode: "telecom", prefix: created.prefix });
    expect(JSON.stringify(audit.details)).not.toContain(created.key);
    // The secret part of the key is nowhere in the database: not in api_key, not in the trail.
    expect(await tablesContaining(created.key)).toEqual([]);
    expect(await tablesContaining(created.key.slice(8))).toEqual([]);

    // Two keys are never the same.
    const second = await createApiKey(admin, { sourceId: source.id });
    expect(second.key).not.toBe(created.key);
  });

  it("the list shows prefixes and who issued them, never a hash", async () => {
    const admin = await signInAs("prov.secadmin");
    const source = await telecom();
    const created = await createApiKey(admin, { sourceId: source.id });
    const sources = await listSources(admin);
    const row = sources.find((s) => s.code === "telecom")!;
    expect(row).toMatchObject({ kind: "TELECOM", active: true });
    const key = row.keys.find((k) => k.id === created.keyId)!;
    expect(key).toMatchObject({ prefix: created.prefix, createdByName: admin.displayName, revokedAt: null, lastUsedAt: null });
    const text = JSON.stringify(sources);
    expect(text).not.toContain(sha256(created.key));
    expect(text).not.toContain(created.key);
    expect(sources.map((s) => s.code)).toEqual(expect.arrayContaining(["national", "provincial", "bank-monitor", "hotline-96110", "demo-feed"]));
  });

  it("finds an active key by what the client presents, and records its use at most once a minute", async () => {
    const admin = await signInAs("prov.secadmin");
    const source = await telecom();
    const { key, keyId } = await createApiKey(admin, { sourceId: source.id });
    expect(await findActiveApiKey(key)).toEqual({ keyId, sourceId: source.id, sourceCode: "telecom" });
    const first = (await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).lastUsedAt;
    expect(first).not.toBeNull();
    await findActiveApiKey(key);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).lastUsedAt).toEqual(first);
    // A minute later the use is recorded again.
    const earlier = new Date(first!.getTime() - 61_000);
    await db.apiKey.update({ where: { id: keyId }, data: { lastUsedAt: earlier } });
    await findActiveApiKey(key);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).lastUsedAt!.getTime()).toBeGreaterThan(earlier.getTime());

    // The seeded demo key works too.
    expect(await findActiveApiKey("demo-ingest-key-0001")).toMatchObject({ sourceCode: "demo-feed" });
    // Unknown, truncated, padded-out or absurd keys match nothing.
    for (const wrong of ["", "afk_", key.slice(0, -1), `${key}x`, key.toUpperCase(), "x".repeat(10_000), "afk_" + "A".repeat(43)]) {
      expect(await findActiveApiKey(wrong)).toBeNull();
    }
  });

  it("a revoked key stops matching at once; revoking twice is refused", async () => {
    const admin = await signInAs("prov.secadmin");
    const source = await telecom();
    const { key, keyId, prefix } = await createApiKey(admin, { sourceId: source.id });
    const other = await createApiKey(admin, { sourceId: source.id });
    expect(await findActiveApiKey(key)).not.toBeNull();

    await revokeApiKey(admin, { keyId });
    expect(await findActiveApiKey(key)).toBeNull();
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).revokedAt).not.toBeNull();
    // Rotation: the other key of the same source keeps working.
    expect(await findActiveApiKey(other.key)).toMatchObject({ keyId: other.keyId });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "apikey.revoke", entityId: keyId } });
    expect(audit).toMatchObject({ actorId: admin.userId, outcome: "SUCCESS", details: { sourceCode: "telecom", prefix } });

    await expect(revokeApiKey(admin, { keyId })).rejects.toBeInstanceOf(InvalidTransitionError);
    expect(await db.auditEvent.count({ where: { action: "apikey.revoke", entityId: keyId } })).toBe(1);
    await expect(revokeApiKey(admin, { keyId: "00000000-0000-4000-8000-000000000000" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a deactivated source's keys are refused until it is activated again", async () => {
    const admin = await signInAs("prov.admin");
    const source = await db.alertSource.findUniqueOrThrow({ where: { code: "provincial" } });
    const { key } = await createApiKey(await signInAs("prov.secadmin"), { sourceId: source.id });
    await setSourceActive(admin, { sourceId: source.id, active: false });
    expect(await findActiveApiKey(key)).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "source.deactivate", entityId: source.id, outcome: "SUCCESS" } })).toBe(1);
    // Deactivating again changes nothing and records nothing.
    await setSourceActive(admin, { sourceId: source.id, active: false });
    expect(await db.auditEvent.count({ where: { action: "source.deactivate", entityId: source.id } })).toBe(1);
    await setSourceActive(admin, { sourceId: source.id, active: true });
    expect(await findActiveApiKey(key)).toMatchObject({ sourceCode: "provincial" });
    expect(await db.auditEvent.count({ where: { action: "source.activate", entityId: source.id, outcome: "SUCCESS" } })).toBe(1);
  });

  it("creates a source with its audit row; a taken code is a field error", async () => {
    const admin = await signInAs("prov.admin");
    const input = CreateSourceSchema.parse({ code: " Bank-ICBC ", name: "工商银行  资金预警", kind: "BANK_MONITORING" });
    expect(input).toEqual({ code: "bank-icbc", name: "工商银行 资金预警", kind: "BANK_MONITORING" });
    const { id } = await createSource(admin, input);
    expect(await db.alertSource.findUniqueOrThrow({ where: { id } })).toMatchObject({ code: "bank-icbc", active: true, kind: "BANK_MONITORING" });
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "source.create", entityId: id } })).toMatchObject({ outcome: "SUCCESS", actorId: admin.userId });

    const before = await db.alertSource.count();
    await expect(createSource(admin, { ...input, name: "另一个" })).rejects.toMatchObject({ code: "adminConfig.validation.sourceCodeTaken", field: "code" });
    await expect(createSource(admin, { ...input, name: "另一个" })).rejects.toBeInstanceOf(ValidationError);
    expect(await db.alertSource.count()).toBe(before);

    for (const bad of [{ code: "x" }, { code: "-abc" }, { code: "has space" }, { code: "a".repeat(33) }]) {
      const parsed = CreateSourceSchema.safeParse({ ...bad, name: "测试来源", kind: "TELECOM" });
      expect(parsed.success, bad.code).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("adminConfig.validation.sourceCode");
    }
  });
});
