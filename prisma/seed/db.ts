// Small helpers for batched inserts with `INSERT … SELECT … FROM unnest($1::uuid[], $2::text[] …)`:
// one statement and one round trip per batch, whatever the number of rows.
import type pg from "pg";

export type Queryable = Pick<pg.PoolClient, "query">;

// Array parameters are passed as ready-made Postgres array literals (strings): node-postgres'
// generic array serialisation escapes every element with regexes and was the single largest
// cost of the seed. uuid, number and enum values need no quoting; text is quoted when needed.

/** `{a,b,NULL}` for values that need no quoting (uuids, integers, enum labels). */
export function plainArray(values: readonly (string | number | null)[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ",";
    const v = values[i];
    out += v === null || v === undefined || v !== v ? "NULL" : v; // v !== v: NaN
  }
  return out + "}";
}

const NEEDS_QUOTES = /[{}",\\\s]|^$|^null$/i;
const NEEDS_ESCAPE = /["\\]/g;

function textElement(v: string): string {
  if (!NEEDS_QUOTES.test(v)) return v;
  return '"' + v.replace(NEEDS_ESCAPE, "\\$&") + '"';
}

/** `{abc,"with space",NULL}`: a text[] literal, quoting and escaping only where required. */
export function textArray(values: readonly (string | null)[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ",";
    const v = values[i];
    out += v === null || v === undefined ? "NULL" : textElement(v);
  }
  return out + "}";
}

/** The literal of one text[] cell, e.g. {+85265432109,95588}. Such cells travel as elements of
 * a text[] parameter and are cast back to text[] per row (unnest would flatten a 2-D array). */
export function textArrayLiteral(values: readonly string[]): string {
  return textArray(values);
}

export type ColumnSpec = readonly [name: string, arrayType: string, select?: string];

/** Encodes one column's values for its `$n::type[]` parameter. */
export function encodeColumn(arrayType: string, values: readonly (string | number | null)[]): string {
  return arrayType === "text[]" ? textArray(values as readonly (string | null)[]) : plainArray(values);
}

/** Column spec → `$1::uuid[], $2::text[] …` and the matching `t(a, b …)` alias list. */
export function unnestInsertSql(
  table: string,
  columns: readonly ColumnSpec[],
  constants: Record<string, string> = {},
  /** Number of parameters used before this statement's (when several are combined). */
  paramOffset = 0,
): string {
  const params = columns.map(([, type], i) => `$${paramOffset + i + 1}::${type}`).join(", ");
  const alias = columns.map(([name]) => `"${name}"`).join(", ");
  const constantNames = Object.keys(constants);
  const target = [...columns.map(([name]) => `"${name}"`), ...constantNames.map((n) => `"${n}"`)].join(", ");
  const select = [
    ...columns.map(([name, , expr]) => expr ?? `t."${name}"`),
    ...constantNames.map((n) => constants[n]!),
  ].join(", ");
  return `INSERT INTO "${table}" (${target}) SELECT ${select} FROM unnest(${params}) AS t(${alias})`;
}

/** Runs `fn` inside BEGIN/COMMIT with synchronous_commit off (a seed can simply be re-run). */
export async function inTransaction<T>(client: pg.PoolClient | pg.Client, fn: () => Promise<T>): Promise<T> {
  await client.query("BEGIN; SET LOCAL synchronous_commit TO OFF");
  try {
    const result = await fn();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
