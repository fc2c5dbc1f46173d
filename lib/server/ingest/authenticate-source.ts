import "server-only";
import { db } from "@/lib/db";
import { ANONYMOUS, recordDenial } from "@/lib/audit/record-audit";
import { getRequestContext } from "@/lib/request-context";
import { addressKey, consumeRateLimit } from "@/lib/server/rate-limit";
import { hashApiKey } from "@/lib/server/sources/api-key-secret";

/** The upstream system a valid API key belongs to. */
export interface IngestSource {
  id: string;
  code: string;
  apiKeyId: string;
}

export type SourceAuthFailure = "missing" | "malformed" | "unknown" | "revoked" | "sourceInactive";

export type SourceAuth =
  | { ok: true; source: IngestSource }
  /** `retryAfterSeconds`: the address has used up its refusals; this one was not audited. */
  | { ok: false; reason: SourceAuthFailure; retryAfterSeconds?: number };

/** Keys are long random strings; anything longer than this is not one of ours. */
const MAX_KEY_LENGTH = 256;
const BEARER = /^Bearer[ \t]+([\x21-\x7E]+)[ \t]*$/i;

interface KeyRow {
  api_key_id: string;
  source_id: string;
  source_code: string;
  revoked: boolean;
  source_active: boolean;
}

/**
 * Resolves `Authorization: Bearer <key>` to its alert source. Keys are stored as SHA-256 hex and
 * looked up through the unique index on every request, never cached, so a revocation or a
 * deactivated source takes effect at once. `last_used_at` is written at most once a minute per
 * key, in the same statement as the lookup, so a busy feed does not cost a write per request.
 *
 * A refusal is audited (action alert.ingest, outcome DENIED) with the reason only: never the key
 * or any part of it. An address gets a limited number of such rows (RATE_LIMITS
 * .anonymousAuditByAddress), so that nobody without a key can fill the audit trail.
 */
export async function authenticateSource(authorization: string | null): Promise<SourceAuth> {
  const result = await lookUp(authorization);
  if (!result.ok) {
    const { ip } = await getRequestContext();
    const allowance = await consumeRateLimit("anonymousAuditByAddress", addressKey(ip));
    if (!allowance.allowed) return { ok: false, reason: result.reason, retryAfterSeconds: allowance.retryAfterSeconds };
    await recordDenial(
      ANONYMOUS,
      {
        action: "alert.ingest",
        ...(result.apiKeyId ? { entityType: "api_key", entityId: result.apiKeyId } : {}),
        details: { reason: result.reason },
      },
    );
    return { ok: false, reason: result.reason };
  }
  return result;
}

async function lookUp(
  authorization: string | null,
): Promise<{ ok: true; source: IngestSource } | { ok: false; reason: SourceAuthFailure; apiKeyId?: string }> {
  if (!authorization) return { ok: false, reason: "missing" };
  const key = BEARER.exec(authorization)?.[1];
  if (!key || key.length > MAX_KEY_LENGTH) return { ok: false, reason: "malformed" };
  const keyHash = hashApiKey(key);
  const rows = await db.$queryRaw<KeyRow[]>`
    WITH k AS (
      SELECT k.id, k.source_id, s.code, k.revoked_at IS NOT NULL AS revoked, s.active
      FROM api_key k JOIN alert_source s ON s.id = k.source_id
      WHERE k.key_hash = ${keyHash}
    ), touched AS (
      UPDATE api_key SET last_used_at = now()
      FROM k
      WHERE api_key.id = k.id AND NOT k.revoked AND k.active
        -- On the row itself (not the CTE's copy), so racing requests re-check it after the lock.
        AND (api_key.last_used_at IS NULL OR api_key.last_used_at < now() - interval '1 minute')
      RETURNING api_key.id
    )
    SELECT k.id AS api_key_id, k.source_id, k.code AS source_code, k.revoked, k.active AS source_active
    FROM k`;
  const row = rows[0];
  if (!row) return { ok: false, reason: "unknown" };
  if (row.revoked) return { ok: false, reason: "revoked", apiKeyId: row.api_key_id };
  if (!row.source_active) return { ok: false, reason: "sourceInactive", apiKeyId: row.api_key_id };
  return { ok: true, source: { id: row.source_id, code: row.source_code, apiKeyId: row.api_key_id } };
}
