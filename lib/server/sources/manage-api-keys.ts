import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { InvalidTransitionError, NotFoundError } from "@/lib/errors";
import { apiKeyDisplayPrefix, generateApiKey, hashApiKey } from "@/lib/server/sources/api-key-secret";

export interface CreatedApiKey {
  keyId: string;
  /** The full key. Returned this once and never stored, logged or audited: only its hash is kept. */
  key: string;
  prefix: string;
  sourceCode: string;
}

/** Issues a new key for a source; earlier keys stay valid until revoked (rotation without a gap). */
export async function createApiKey(actor: Actor, input: { sourceId: string }): Promise<CreatedApiKey> {
  await assertCan(actor, "apiKey.manage", { type: "alert_source", id: input.sourceId });
  const key = generateApiKey();
  const prefix = apiKeyDisplayPrefix(key);
  return db.$transaction(async (tx) => {
    const source = await tx.alertSource.findUnique({ where: { id: input.sourceId }, select: { id: true, code: true } });
    if (!source) throw new NotFoundError();
    const row = await tx.apiKey.create({
      data: { sourceId: source.id, prefix, keyHash: hashApiKey(key), createdById: actor.userId },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "apikey.create",
      outcome: "SUCCESS",
      entityType: "api_key",
      entityId: row.id,
      details: { sourceId: source.id, sourceCode: source.code, prefix },
    });
    return { keyId: row.id, key, prefix, sourceCode: source.code };
  });
}

/** Revokes a key for good; the next ingestion request presenting it is refused. */
export async function revokeApiKey(actor: Actor, input: { keyId: string }, now = new Date()): Promise<void> {
  await assertCan(actor, "apiKey.manage", { type: "api_key", id: input.keyId });
  await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({
      where: { id: input.keyId },
      select: { id: true, prefix: true, sourceId: true, source: { select: { code: true } } },
    });
    if (!key) throw new NotFoundError();
    // Conditional on "not yet revoked", so two admins revoking at once write one revocation.
    const revoked = await tx.apiKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: now } });
    if (revoked.count === 0) throw new InvalidTransitionError("adminConfig.errors.keyAlreadyRevoked");
    await recordAudit(tx, actor, {
      action: "apikey.revoke",
      outcome: "SUCCESS",
      entityType: "api_key",
      entityId: key.id,
      details: { sourceId: key.sourceId, sourceCode: key.source.code, prefix: key.prefix },
    });
  });
}
