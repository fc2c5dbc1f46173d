// Rate limits of the ingestion API: per address (before the key is looked up), per API key, and
// on the audit rows that requests with bad keys may cause from one address. A limited request
// gets 429 with Retry-After and writes nothing.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address.mjs";
import { consumeRateLimit, RATE_LIMITS } from "@/lib/server/rate-limit";
import { openTestDatabase } from "../../support/test-database";
import { counts, delta, makeAlert, post, type Reply } from "./support";

await openTestDatabase("demo");

// Act as scripts/serve.mjs does: the client's address arrives in its private header.
const servedBy = process.env.AFC_SERVED_BY;
beforeAll(() => {
  process.env.AFC_SERVED_BY = "serve.mjs";
});
afterAll(() => {
  if (servedBy === undefined) delete process.env.AFC_SERVED_BY;
  else process.env.AFC_SERVED_BY = servedBy;
});

let lastOctet = 0;
/** Each test its own addresses (TEST-NET-2), so no test sees another's count. */
const newAddress = () => `198.51.100.${++lastOctet}`;
const from = (ip: string) => ({ [CLIENT_ADDRESS_HEADER]: ip });
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

let keys = 0;
/** A fresh key of the demo source, so that no test spends another's allowance. */
async function newKey(): Promise<{ id: string; key: string }> {
  const key = `limits-test-key-${++keys}-0001`;
  const demo = await db.alertSource.findUniqueOrThrow({ where: { code: "demo-feed" } });
  const row = await db.apiKey.create({ data: { sourceId: demo.id, prefix: key.slice(0, 8), keyHash: sha256(key) } });
  return { id: row.id, key };
}

function expectTooManyRequests(reply: Reply) {
  expect(reply.status).toBe(429);
  expect(reply.contentType).toBe("application/problem+json");
  expect(reply.body).toMatchObject({ type: "tag:anti-fraud-console,2026:problem/tooManyRequests", status: 429 });
  expect(Number(reply.headers.get("retry-after"))).toBeGreaterThan(0);
}

describe("ingestion rate limits", () => {
  it("bad keys from one address are audited up to its allowance, then answered 429 with nothing written", async () => {
    const attacker = newAddress();
    const allowance = RATE_LIMITS.anonymousAuditByAddress.points;
    for (let i = 0; i < allowance; i++) {
      expect((await post({ alerts: [makeAlert()] }, { key: `guessed-key-${i}`, headers: from(attacker) })).status).toBe(401);
    }
    expect(await db.auditEvent.count({ where: { ip: attacker, action: "alert.ingest", outcome: "DENIED" } })).toBe(allowance);

    const before = await counts();
    expectTooManyRequests(await post({ alerts: [makeAlert()] }, { key: "guessed-key-again", headers: from(attacker) }));
    expectTooManyRequests(await post({ alerts: [makeAlert()] }, { key: null, headers: from(attacker) }));
    expect(delta(before, await counts())).toEqual({ alerts: 0, persons: 0, audit: 0, events: 0 });

    // The allowance is for refusals only: a valid key from that address still works …
    expect((await post({ alerts: [makeAlert()] }, { key: (await newKey()).key, headers: from(attacker) })).status).toBe(200);
    // … and another address still gets its 401, audited.
    const other = newAddress();
    expect((await post({ alerts: [makeAlert()] }, { key: "guessed-key-x", headers: from(other) })).status).toBe(401);
    expect(await db.auditEvent.count({ where: { ip: other, action: "alert.ingest", outcome: "DENIED" } })).toBe(1);
  });

  it("a key that has used up its allowance gets 429 and writes nothing; another key of the source does not", async () => {
    const [spent, other] = [await newKey(), await newKey()];
    // Spend the key's allowance through the limiter itself, as that many requests would.
    await consumeRateLimit("ingestByKey", spent.id, RATE_LIMITS.ingestByKey.points);

    const before = await counts();
    expectTooManyRequests(await post({ alerts: [makeAlert()] }, { key: spent.key, headers: from(newAddress()) }));
    expect(delta(before, await counts())).toEqual({ alerts: 0, persons: 0, audit: 0, events: 0 });
    expect((await post({ alerts: [makeAlert()] }, { key: other.key, headers: from(newAddress()) })).status).toBe(200);
  });

  it("an address that has used up its allowance gets 429 before its key is even looked up", async () => {
    const busy = newAddress();
    const { key } = await newKey();
    await consumeRateLimit("ingestByAddress", busy, RATE_LIMITS.ingestByAddress.points);
    const before = await counts();
    expectTooManyRequests(await post({ alerts: [makeAlert()] }, { key, headers: from(busy) }));
    expectTooManyRequests(await post({ alerts: [makeAlert()] }, { key: "guessed-key-y", headers: from(busy) }));
    // Not even the bad key's DENIED row.
    expect(delta(before, await counts())).toEqual({ alerts: 0, persons: 0, audit: 0, events: 0 });
    expect((await post({ alerts: [makeAlert()] }, { key, headers: from(newAddress()) })).status).toBe(200);
  });
});
