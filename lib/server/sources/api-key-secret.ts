import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** Recognisable in logs and secret scanners; the rest is 32 random bytes (256 bits). */
export const API_KEY_PREFIX = "afk_";
/** How much of a key is kept in clear, to tell keys apart on screen. */
export const API_KEY_DISPLAY_LENGTH = 8;

export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString("base64url");
}

/**
 * SHA-256 hex of the key. A long random key needs no salt or slow hash: nothing can be guessed,
 * and a fast hash keeps the look-up on every ingestion request cheap.
 */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function apiKeyDisplayPrefix(key: string): string {
  return key.slice(0, API_KEY_DISPLAY_LENGTH);
}
