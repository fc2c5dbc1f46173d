import { describe, expect, it } from "vitest";
import pg from "pg";
import { openTestDatabase } from "../../support/test-database";

const { url } = await openTestDatabase("empty");

async function withClient<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe("the audit trail is append-only", () => {
  it("accepts inserts", async () => {
    const count = await withClient(async (c) => {
      await c.query(`INSERT INTO audit_event (action, outcome) VALUES ('test.insert', 'SUCCESS')`);
      return (await c.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'test.insert'`)).rows[0].n;
    });
    expect(count).toBe(1);
  });

  it.each([
    ["UPDATE", `UPDATE audit_event SET action = 'tampered'`],
    ["DELETE", `DELETE FROM audit_event`],
    ["TRUNCATE", `TRUNCATE audit_event`],
    ["TRUNCATE CASCADE", `TRUNCATE audit_event CASCADE`],
  ])("refuses %s", async (_name, sql) => {
    await withClient(async (c) => {
      await c.query(`INSERT INTO audit_event (action, outcome) VALUES ('test.keep', 'SUCCESS')`);
      await expect(c.query(sql)).rejects.toThrow(/append-only/);
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'tampered'`);
      expect(rows[0].n).toBe(0);
      const kept = await c.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'test.keep'`);
      expect(kept.rows[0].n).toBeGreaterThan(0);
    });
  });
});
