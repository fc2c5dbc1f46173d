// Small helpers for batched inserts with `INSERT … SELECT … FROM unnest($1::uuid[], $2::text[] …)`:
// one statement and one round trip per batch, whatever the number of rows.
import type pg from "pg";

export type Queryable = Pick<pg.PoolClient, "query">;

// Array parameters of the big batches are passed as ready-made Postgres array literals:
// node-postgres' generic array serialisation escapes every element with regexes, and keeping
// millions of small strings alive until a batch is sent made the garbage collector the largest
// cost of the seed. LiteralBuilder writes each column straight into a growing byte buffer, so
// the per-row strings die young, and hands pg one flat string per column.

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

/** Builds one array literal (`{a,b,NULL}`) in a byte buffer. */
export class LiteralBuilder {
  private buf = Buffer.allocUnsafe(1 << 16);
  private len = 1;
  private empty = true;

  constructor() {
    this.buf[0] = 0x7b; // {
  }

  private reserve(bytes: number): void {
    if (this.len + bytes + 1 <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + bytes + 1) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  private separate(): void {
    if (this.empty) this.empty = false;
    else this.buf[this.len++] = 0x2c; // ,
  }

  private write(s: string): void {
    this.reserve(s.length * 3);
    this.len += this.buf.write(s, this.len);
  }

  /** ASCII without a native call per value (uuids, enum labels and digits are ASCII). */
  private writeAscii(s: string): void {
    this.reserve(s.length);
    const buf = this.buf;
    let len = this.len;
    for (let i = 0; i < s.length; i++) buf[len++] = s.charCodeAt(i);
    this.len = len;
  }

  /** A value that needs no quoting (uuid, enum label, integer as text) or NULL. ASCII only. */
  plain(v: string | null): void {
    this.separate();
    this.writeAscii(v ?? "NULL");
  }

  /** A non-negative integer (epoch milliseconds, …) written digit by digit; NaN stands for NULL. */
  num(n: number): void {
    this.separate();
    if (n !== n) return this.writeAscii("NULL");
    if (!(n >= 0 && n <= Number.MAX_SAFE_INTEGER && Math.floor(n) === n)) return this.writeAscii(String(n));
    this.reserve(16);
    const buf = this.buf;
    const start = this.len;
    let end = start;
    do {
      const q = Math.floor(n / 10);
      buf[end++] = 48 + (n - q * 10);
      n = q;
    } while (n > 0);
    for (let i = start, j = end - 1; i < j; i++, j--) {
      const t = buf[i]!;
      buf[i] = buf[j]!;
      buf[j] = t;
    }
    this.len = end;
  }

  /** A text value, quoted and escaped when needed, or NULL. */
  text(v: string | null): void {
    this.separate();
    this.write(v === null ? "NULL" : textElement(v));
  }

  /** One text[] cell, written as the text of its own literal (cast back per row in SQL). */
  textArrayCell(values: readonly string[]): void {
    this.separate();
    this.write(values.length === 0 ? '"{}"' : textElement(textArray(values)));
  }

  finish(): string {
    this.buf[this.len] = 0x7d; // }
    return this.buf.toString("utf8", 0, this.len + 1);
  }
}

export type ColumnSpec = readonly [name: string, arrayType: string, select?: string];

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
