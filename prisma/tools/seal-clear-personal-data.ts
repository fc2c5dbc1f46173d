// The data step between the two personal-data migrations: seals what the clear columns still hold
// (persons' names, phones, ID numbers and addresses; alerts' phones and addresses) with the keys
// from the environment, in batches, each batch its own transaction. Resumable: it picks up what is
// still unsealed. A database without such rows (a new one) needs no keys at all.
import pg from "pg";
import { createVault, parsePiiKeys, type Vault } from "../../lib/pii/sealing";

const BATCH = 5000;

export async function sealClearPersonalData(client: pg.Client, log: (line: string) => void = () => {}): Promise<void> {
  const pending = await client.query<{ persons: number; alerts: number }>(`
    SELECT (SELECT count(*) FROM person WHERE name_sealed IS NULL)::int AS persons,
           (SELECT count(*) FROM alert WHERE phone_sealed IS NULL)::int AS alerts`);
  const { persons, alerts } = pending.rows[0]!;
  if (persons === 0 && alerts === 0) return;
  let vault: Vault;
  try {
    vault = createVault(parsePiiKeys(process.env));
  } catch (error) {
    throw new Error(`${persons} persons and ${alerts} alerts hold personal data in clear; set PII_KEYS and PII_INDEX_KEY to seal them (${error instanceof Error ? error.message : error})`);
  }
  log(`sealing personal data: ${persons} persons, ${alerts} alerts`);
  for (;;) {
    const { rows } = await client.query<{ id: string; city_id: string; name: string; phone: string; id_number: string | null; address: string | null; created_at: Date; updated_at: Date }>(
      `SELECT id, city_id, name, phone, id_number, address, created_at, updated_at FROM person WHERE name_sealed IS NULL ORDER BY id LIMIT ${BATCH}`,
    );
    if (rows.length === 0) break;
    await client.query("BEGIN");
    await client.query(
      `UPDATE person p SET name_sealed = t.name, id_number_sealed = t.id_sealed, id_number_index = t.id_index, address_sealed = t.address
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(id, name, id_sealed, id_index, address)
       WHERE p.id = t.id`,
      [
        rows.map((r) => r.id),
        rows.map((r) => vault.seal("name", r.name)),
        rows.map((r) => (r.id_number ? vault.seal("idNumber", r.id_number) : null)),
        rows.map((r) => (r.id_number ? vault.blindIndex("idNumber", r.id_number) : null)),
        rows.map((r) => (r.address ? vault.seal("address", r.address) : null)),
      ],
    );
    await client.query(
      `INSERT INTO person_phone (city_id, person_id, phone_sealed, phone_index, first_seen_at, last_seen_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[])
       ON CONFLICT (city_id, phone_index) DO NOTHING`,
      [
        rows.map((r) => r.city_id),
        rows.map((r) => r.id),
        rows.map((r) => vault.seal("phone", r.phone)),
        rows.map((r) => vault.blindIndex("phone", r.phone)),
        rows.map((r) => r.created_at),
        rows.map((r) => r.updated_at),
      ],
    );
    await client.query("COMMIT");
  }
  for (;;) {
    // Before this migration an alert had no number of its own: its person's one phone was it.
    const { rows } = await client.query<{ id: string; phone: string; address: string | null }>(
      `SELECT a.id, p.phone, a.address FROM alert a JOIN person p ON p.id = a.person_id WHERE a.phone_sealed IS NULL ORDER BY a.id LIMIT ${BATCH}`,
    );
    if (rows.length === 0) break;
    await client.query(
      `UPDATE alert a SET phone_sealed = t.phone, phone_index = t.phone_index, address_sealed = t.address
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS t(id, phone, phone_index, address)
       WHERE a.id = t.id`,
      [rows.map((r) => r.id), rows.map((r) => vault.seal("phone", r.phone)), rows.map((r) => vault.blindIndex("phone", r.phone)), rows.map((r) => (r.address ? vault.seal("address", r.address) : null))],
    );
  }
  log("sealing personal data: done");
}
