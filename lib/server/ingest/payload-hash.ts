// The payload hash decides between "duplicate" (the same alert sent again) and "conflict" (the same
// externalId with different content). It covers the validated, normalised item, serialised as
// canonical JSON: object keys sorted, absent/undefined members dropped, arrays in order. So key
// order, whitespace, "+86" prefixes and time-zone spelling do not make a replay look different,
// and a future optional field that a source does not send leaves old hashes valid.
import "server-only";
import { createHash } from "node:crypto";

/** Canonical JSON of plain JSON data (objects, arrays, strings, finite numbers, booleans, null). */
export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError("canonicalJson: non-finite number");
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) {
        // JSON.stringify writes undefined array slots as null; do the same.
        return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`;
    }
    default:
      throw new TypeError(`canonicalJson: ${typeof value} is not JSON data`);
  }
}

/** SHA-256 (lowercase hex, 64 characters) of the canonical JSON of `value`. */
export function payloadHash(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value), "utf8").digest("hex");
}
