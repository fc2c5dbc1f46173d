// Personal data at rest: each value sealed with AES-256-GCM under a named key, so keys rotate
// (a value says which key sealed it), and exact look-ups by keyed hash (HMAC-SHA256, a "blind
// index") so that no query needs the clear value. Pure (keys are passed in), so the seed and the
// key-rotation command use it as the app does; the app's own instance is lib/server/pii/vault.ts.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/** What a sealed value is: the field is bound to it, so a value cannot be moved to another column. */
export type SealedField = "name" | "phone" | "idNumber" | "address" | "bankAccount" | "accountHolder";
/** The fields looked up by exact value. */
export type IndexedField = "phone" | "idNumber" | "bankAccount";

export interface PiiKeys {
  /** The key that seals new values. */
  activeKeyId: string;
  /** Every key that may have sealed a stored value, by id (32 bytes each). */
  keys: ReadonlyMap<string, Buffer>;
  /** The blind-index key (32 bytes). It does not rotate with the sealing keys: the indexes would all change. */
  indexKey: Buffer;
}

export interface Vault {
  seal(field: SealedField, value: string): string;
  open(field: SealedField, sealed: string): string;
  blindIndex(field: IndexedField, normalized: string): string;
  /** The key id a sealed value names (for rotation). */
  keyIdOf(sealed: string): string;
  readonly activeKeyId: string;
}

const VERSION = "pd1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;

export class SealedValueError extends Error {
  constructor(reason: string) {
    super(`sealed personal data: ${reason}`);
    this.name = "SealedValueError";
  }
}

export function createVault(keys: PiiKeys): Vault {
  const activeKey = keys.keys.get(keys.activeKeyId);
  if (!activeKey) throw new SealedValueError(`the active key ${keys.activeKeyId} is not among the keys`);
  for (const [id, key] of keys.keys) {
    if (!KEY_ID.test(id) || key.length !== 32) throw new SealedValueError(`key ${id} must have a short id and 32 bytes`);
  }
  if (keys.indexKey.length !== 32) throw new SealedValueError("the index key must have 32 bytes");

  return {
    activeKeyId: keys.activeKeyId,
    seal(field, value) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", activeKey, iv);
      cipher.setAAD(Buffer.from(field));
      const body = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
      return `${VERSION}:${keys.activeKeyId}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")}`;
    },
    open(field, sealed) {
      const [version, keyId, payload] = sealed.split(":");
      if (version !== VERSION || !keyId || !payload) throw new SealedValueError("not a sealed value");
      const key = keys.keys.get(keyId);
      if (!key) throw new SealedValueError(`key ${keyId} is not configured`);
      const bytes = Buffer.from(payload, "base64url");
      if (bytes.length < IV_BYTES + TAG_BYTES) throw new SealedValueError("too short");
      const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(field));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString("utf8");
      } catch {
        throw new SealedValueError("does not authenticate (wrong key, wrong field or altered)");
      }
    },
    blindIndex(field, normalized) {
      // 128 bits of HMAC: no collision among a city's people, half the index of a full digest.
      return createHmac("sha256", keys.indexKey).update(`${field}\u0000${normalized}`).digest("hex").slice(0, 32);
    },
    keyIdOf(sealed) {
      const [version, keyId] = sealed.split(":");
      if (version !== VERSION || !keyId) throw new SealedValueError("not a sealed value");
      return keyId;
    },
  };
}

/**
 * The keys from the environment: PII_KEYS ("id:base64,id:base64", 32-byte keys), PII_ACTIVE_KEY
 * (the id that seals new values; default the last listed) and PII_INDEX_KEY (base64, 32 bytes).
 */
export function parsePiiKeys(env: { PII_KEYS?: string; PII_ACTIVE_KEY?: string; PII_INDEX_KEY?: string; [other: string]: unknown }): PiiKeys {
  const listed = (env.PII_KEYS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (listed.length === 0) throw new SealedValueError("PII_KEYS is not set (id:base64 of 32 bytes, comma-separated)");
  const keys = new Map<string, Buffer>();
  for (const entry of listed) {
    const [id, b64] = entry.split(":");
    if (!id || !b64) throw new SealedValueError("PII_KEYS entries are id:base64");
    keys.set(id, Buffer.from(b64, "base64"));
  }
  const indexKey = Buffer.from(env.PII_INDEX_KEY ?? "", "base64");
  return { activeKeyId: env.PII_ACTIVE_KEY || listed.at(-1)!.split(":")[0]!, keys, indexKey };
}

/** New keys for a fresh installation (the demo makes them on first start). */
export function generatePiiKeyEnv(keyId = "k1"): { PII_KEYS: string; PII_ACTIVE_KEY: string; PII_INDEX_KEY: string } {
  return { PII_KEYS: `${keyId}:${randomBytes(32).toString("base64")}`, PII_ACTIVE_KEY: keyId, PII_INDEX_KEY: randomBytes(32).toString("base64") };
}
