// Re-seals personal data under the active key: `npm run pii:rotate`.
//
// Procedure: add the new key to PII_KEYS and make it PII_ACTIVE_KEY; restart every app instance
// (new values are then sealed with it, old ones still read); run this command; when it reports
// nothing left under other keys, remove the old key from PII_KEYS. Safe while the console runs:
// each batch is a short transaction, and a value changed meanwhile by the console is left to it
// (compare-and-set). Resumable: it only ever picks up values not yet under the active key.
import pg from "pg";
import { SEALED_COLUMNS } from "../../lib/pii/sealed-columns";
import type { Vault } from "../../lib/pii/sealing";

const BATCH = 1000;

export interface RotationResult {
  /** Values re-sealed, per table.column. */
  resealed: Record<string, number>;
  /** Values still under another key (a stopped run, or app instances still sealing with an old key). */
  remaining: number;
}

export async function rotatePiiKeys(
  client: pg.Client,
  vault: Vault,
  options: { maxBatches?: number; log?: (line: string) => void } = {},
): Promise<RotationResult> {
  const log = options.log ?? (() => {});
  const active = `pd1:${vault.activeKeyId}:%`;
  const resealed: Record<string, number> = {};
  let batches = 0;
  for (const { table, column, field } of SEALED_COLUMNS) {
    const name = `${table}.${column}`;
    resealed[name] = 0;
    for (;;) {
      if (options.maxBatches !== undefined && batches >= options.maxBatches) break;
      const { rows } = await client.query<{ id: string; value: string }>(
        `SELECT id, "${column}" AS value FROM "${table}" WHERE "${column}" IS NOT NULL AND "${column}" NOT LIKE $1 ORDER BY id LIMIT ${BATCH}`,
        [active],
      );
      if (rows.length === 0) break;
      batches++;
      const updated = await client.query(
        `UPDATE "${table}" x SET "${column}" = t.sealed
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(id, old, sealed)
         WHERE x.id = t.id AND x."${column}" = t.old`,
        [rows.map((r) => r.id), rows.map((r) => r.value), rows.map((r) => vault.seal(field, vault.open(field, r.value)))],
      );
      resealed[name] += updated.rowCount ?? 0;
      log(`${name}: ${resealed[name]} re-sealed`);
      // Rows changed meanwhile by the console are re-read on the next pass; if none changed, this
      // batch shrank the remainder by its size.
    }
  }
  let remaining = 0;
  for (const { table, column } of SEALED_COLUMNS) {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE "${column}" IS NOT NULL AND "${column}" NOT LIKE $1`, [active]);
    remaining += rows[0]!.n;
  }
  return { resealed, remaining };
}
