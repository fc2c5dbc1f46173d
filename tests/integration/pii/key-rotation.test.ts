// Rotating the sealing key: every value re-sealed under the new key, readable throughout, the
// database still clean; resumable; and the old key can then be dropped.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createVault, parsePiiKeys } from "@/lib/pii/sealing";
import { SEALED_COLUMNS } from "@/lib/pii/sealed-columns";
import { rotatePiiKeys } from "../../../prisma/tools/rotate-pii-keys";
import { TEST_PII_ENV } from "../../support/pii-test-keys";

// The template was sealed with test1; this file's app knows test1 and a new key, test2, active.
const NEW_KEY = `test2:${Buffer.from("the-new-personal-data-key-32-byt").toString("base64")}`;
process.env.PII_KEYS = `${TEST_PII_ENV.PII_KEYS},${NEW_KEY}`;
process.env.PII_ACTIVE_KEY = "test2";
process.env.PII_INDEX_KEY = TEST_PII_ENV.PII_INDEX_KEY;

const { openTestDatabase } = await import("../../support/test-database");
const { citizensSecrets, findClearPersonalData } = await import("../../support/clear-text-scan");
const database = await openTestDatabase("demo");

async function keysInUse(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, column } of SEALED_COLUMNS) {
    const rows = await db.$queryRawUnsafe<{ k: string; n: number }[]>(`SELECT split_part("${column}", ':', 2) AS k, count(*)::int AS n FROM "${table}" WHERE "${column}" IS NOT NULL GROUP BY 1`);
    for (const r of rows) counts[r.k] = (counts[r.k] ?? 0) + r.n;
  }
  return counts;
}

describe("key rotation", () => {
  it("re-seals everything under the active key, resumably, and the old key can then go", async () => {
    const before = await keysInUse();
    expect(Object.keys(before)).toEqual(["test1"]);
    const secretsBefore = await citizensSecrets();
    const vault = createVault(parsePiiKeys(process.env));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      // Stopped after two batches: some values moved, the rest still readable under the old key.
      const partial = await rotatePiiKeys(client, vault, { maxBatches: 2 });
      expect(partial.remaining).toBeGreaterThan(0);
      const midway = await keysInUse();
      expect(midway.test2).toBeGreaterThan(0);
      expect(midway.test1).toBeGreaterThan(0);
      // Run again: it picks up where it stopped.
      const rest = await rotatePiiKeys(client, vault);
      expect(rest.remaining).toBe(0);
      expect(await keysInUse()).toEqual({ test2: before.test1 });
      expect((await rotatePiiKeys(client, vault)).resealed).toEqual(Object.fromEntries(SEALED_COLUMNS.map((c) => [`${c.table}.${c.column}`, 0])));
    } finally {
      await client.end();
    }
    // Same clear values as before, every one readable with the new key alone.
    const secretsAfter = await citizensSecrets();
    expect(secretsAfter).toEqual(secretsBefore);
    const newOnly = createVault(parsePiiKeys({ PII_KEYS: NEW_KEY, PII_INDEX_KEY: TEST_PII_ENV.PII_INDEX_KEY }));
    const sample = await db.person.findMany({ take: 50, select: { nameSealed: true } });
    for (const p of sample) expect(newOnly.open("name", p.nameSealed).length).toBeGreaterThan(0);
    // Blind indexes do not change with the sealing key: look-ups still find everyone.
    const phone = await db.personPhone.findFirstOrThrow({ select: { phoneSealed: true, phoneIndex: true } });
    expect(newOnly.blindIndex("phone", newOnly.open("phone", phone.phoneSealed))).toBe(phone.phoneIndex);
    expect(await findClearPersonalData(secretsAfter)).toEqual([]);
  });
});
