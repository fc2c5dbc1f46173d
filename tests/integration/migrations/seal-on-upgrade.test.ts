// Upgrading a database that holds personal data in clear (the first versions did): the migration
// script seals it with the keys from the environment between the two personal-data migrations; the
// second refuses to run while anything is unsealed, so no personal data is ever dropped.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { createDatabase, withDatabase } from "../../../scripts/lib/postgres.mjs";
import { applyMigrations } from "../../../prisma/tools/apply-migrations";
import { createVault, parsePiiKeys } from "../../../lib/pii/sealing";
import { TEST_PII_ENV } from "../../support/pii-test-keys";

const BEFORE_SEALING = "20261203140000_personal_data_sealed_columns";

async function databaseWithClearData(): Promise<{ url: string; personId: string; alertId: string }> {
  const name = `${inject("runPrefix")}_seal${Math.random().toString(16).slice(2, 8)}`;
  await createDatabase(inject("adminUrl"), name);
  const url = withDatabase(inject("adminUrl"), name);
  await applyMigrations(url, () => {}, { upTo: BEFORE_SEALING });
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const cityId = randomUUID();
  const personId = randomUUID();
  const alertId = randomUUID();
  try {
    await c.query(`INSERT INTO org_unit (id, code, name, kind, parent_id, city_id) VALUES ($1, 'UP', '升级测试市', 'CITY', (SELECT id FROM org_unit WHERE kind = 'INSTALLATION'), $1)`, [cityId]);
    const source = await c.query<{ id: string }>(`INSERT INTO alert_source (code, name, kind) VALUES ('up-test', '升级测试', 'NATIONAL') RETURNING id`);
    await c.query(`INSERT INTO person (id, city_id, name, phone, id_number, address) VALUES ($1, $2, '司马长风', '13900139000', '11010519491231002X', '升级市某路1号')`, [personId, cityId]);
    await c.query(
      `INSERT INTO alert (id, city_id, source_id, external_id, payload_hash, person_id, address, risk_level, fraud_type, detected_at, first_contact_deadline)
       VALUES ($1, $2, $3, 'UP-1', repeat('0', 64), $4, '升级市某路1号', 'HIGH', 'FAKE_LOAN', now(), now())`,
      [alertId, cityId, source.rows[0]!.id, personId],
    );
  } finally {
    await c.end();
  }
  return { url, personId, alertId };
}

describe("upgrading a database with personal data in clear", () => {
  it("without keys, refuses and changes nothing; with keys, seals everything, then drops the clear columns", async () => {
    const { url, personId, alertId } = await databaseWithClearData();
    const saved = { ...process.env };
    try {
      delete process.env.PII_KEYS;
      delete process.env.PII_INDEX_KEY;
      await expect(applyMigrations(url)).rejects.toThrow(/in clear/);

      Object.assign(process.env, TEST_PII_ENV);
      const result = await applyMigrations(url);
      expect(result.applied).toContain("20261203140100_personal_data_plaintext_dropped");
    } finally {
      process.env = saved;
    }
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const vault = createVault(parsePiiKeys(TEST_PII_ENV));
      const person = (await c.query(`SELECT * FROM person WHERE id = $1`, [personId])).rows[0];
      expect(["name", "phone", "id_number", "address"].filter((k) => k in person)).toEqual([]);
      expect(vault.open("name", person.name_sealed)).toBe("司马长风");
      expect(vault.open("idNumber", person.id_number_sealed)).toBe("11010519491231002X");
      expect(person.id_number_index).toBe(vault.blindIndex("idNumber", "11010519491231002X"));
      const phone = (await c.query(`SELECT * FROM person_phone WHERE person_id = $1`, [personId])).rows;
      expect(phone.map((p) => vault.open("phone", p.phone_sealed))).toEqual(["13900139000"]);
      const alert = (await c.query(`SELECT * FROM alert WHERE id = $1`, [alertId])).rows[0];
      expect("address" in alert).toBe(false);
      expect(vault.open("phone", alert.phone_sealed)).toBe("13900139000");
      expect(vault.open("address", alert.address_sealed)).toBe("升级市某路1号");
    } finally {
      await c.end();
    }
  });
});
