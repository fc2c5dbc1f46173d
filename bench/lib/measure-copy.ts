// The reference for batch ingestion: PostgreSQL's own bulk path, COPY FROM STDIN (text format),
// loading the very alerts the batch run sends, as rows of the `alert` table. It does none of the
// API's work (validation, person linking, routing, deduplication, events, audit, a client
// round trip), so it is the ceiling the API is compared against, not a competitor.
//
// Two targets, both measured:
//   temp     CREATE TEMP TABLE … (LIKE alert INCLUDING DEFAULTS): no indexes, no constraints but
//            NOT NULL, no triggers, no WAL. The reference the target is stated against.
//   indexed  CREATE UNLOGGED TABLE … (LIKE alert INCLUDING ALL): the alert table's indexes and
//            CHECK constraints (no foreign keys, no triggers, no WAL). Shows what indexes cost.
import { benchVault } from "./pii-keys";
import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { DEFAULT_FIRST_CONTACT_MINUTES } from "@/lib/alerts/sla";
import type { GeneratedAlert } from "./alert-generator";

const COLUMNS = [
  "id", "city_id", "district_id", "station_id", "source_id", "external_id", "payload_hash", "person_id", "phone_sealed", "phone_index", "address_sealed",
  "risk_level", "fraud_type", "status", "detected_at", "first_contact_deadline", "caller_numbers", "app_names",
  "urls", "suspect_accounts", "amount_in_transfer_fen",
] as const;

/** One value in COPY text format. */
function field(v: string | number | null): string {
  if (v === null) return "\\N";
  return String(v).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/** A PostgreSQL array literal of text, every element quoted. */
function textArray(values: readonly string[] | undefined): string {
  return `{${(values ?? []).map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

export function copyLine(a: GeneratedAlert, cityId: string, sourceId: string): string {
  const { item } = a;
  const detected = Date.parse(item.detectedAt);
  const values: (string | number | null)[] = [
    randomUUID(),
    cityId,
    a.districtId,
    a.stationId,
    sourceId,
    item.externalId,
    createHash("sha256").update(JSON.stringify(item)).digest("hex"),
    randomUUID(), // person_id: no person is looked up or created here
    // Sealed as the API seals them, so the reference writes the same bytes.
    benchVault().seal("phone", item.person.phone),
    benchVault().blindIndex("phone", item.person.phone),
    item.person.address ? benchVault().seal("address", item.person.address) : null,
    item.riskLevel,
    item.fraudType,
    "NEW",
    new Date(detected).toISOString(),
    new Date(detected + DEFAULT_FIRST_CONTACT_MINUTES[item.riskLevel] * 60_000).toISOString(),
    textArray(item.callerNumbers),
    textArray(item.appNames),
    textArray(item.urls),
    textArray(item.suspectAccounts),
    item.amountInTransferFen ?? null,
  ];
  return `${values.map(field).join("\t")}\n`;
}

export interface CopyVariantResult {
  table: string;
  rows: number;
  bytes: number;
  /** Median of the repetitions. */
  rowsPerSecond: number;
  seconds: number;
  allRowsPerSecond: number[];
}

export interface CopyResult {
  description: string;
  /** The reference the batch target is measured against (the `temp` variant). */
  reference: CopyVariantResult;
  indexed: CopyVariantResult;
}

async function copyOnce(client: pg.Client, table: string, chunks: readonly Buffer[]): Promise<{ seconds: number; rowCount: number }> {
  const started = performance.now();
  const stream = client.query(copyFrom(`COPY ${table} (${COLUMNS.join(", ")}) FROM STDIN`));
  await pipeline(Readable.from(chunks), stream);
  return { seconds: (performance.now() - started) / 1000, rowCount: stream.rowCount };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function measureCopy(
  url: string,
  alerts: readonly GeneratedAlert[],
  ids: { cityId: string; sourceId: string },
  repetitions = 3,
): Promise<CopyResult> {
  // Serialised before the clock starts: encoding rows is the client's work, not the server's.
  const chunks: Buffer[] = [];
  for (let i = 0; i < alerts.length; i += 1000) {
    chunks.push(Buffer.from(alerts.slice(i, i + 1000).map((a) => copyLine(a, ids.cityId, ids.sourceId)).join(""), "utf8"));
  }
  const bytes = chunks.reduce((s, c) => s + c.length, 0);
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    const variant = async (table: string, create: string, drop: string): Promise<CopyVariantResult> => {
      const rates: number[] = [];
      let seconds = 0;
      for (let r = 0; r < repetitions; r++) {
        await client.query(create);
        try {
          const run = await copyOnce(client, table, chunks);
          if (run.rowCount !== alerts.length) throw new Error(`COPY loaded ${run.rowCount} rows, expected ${alerts.length}`);
          rates.push(alerts.length / run.seconds);
          seconds += run.seconds;
        } finally {
          await client.query(drop);
        }
      }
      return {
        table,
        rows: alerts.length,
        bytes,
        rowsPerSecond: Math.round(median(rates)),
        seconds: Math.round((seconds / repetitions) * 1000) / 1000,
        allRowsPerSecond: rates.map(Math.round),
      };
    };
    const reference = await variant(
      "bench_copy_temp",
      `CREATE TEMP TABLE bench_copy_temp (LIKE alert INCLUDING DEFAULTS)`,
      `DROP TABLE bench_copy_temp`,
    );
    const indexedName = `bench_copy_indexed_${process.pid}`;
    const indexed = await variant(
      indexedName,
      `CREATE UNLOGGED TABLE ${indexedName} (LIKE alert INCLUDING ALL)`,
      `DROP TABLE ${indexedName}`,
    );
    return {
      description:
        "COPY alert (…) FROM STDIN, text format, the batch run's alerts as alert rows, one COPY per repetition (median of " +
        `${repetitions}). Reference: TEMP TABLE (LIKE alert INCLUDING DEFAULTS) — no indexes, no triggers, no WAL. ` +
        "Also shown: UNLOGGED TABLE (LIKE alert INCLUDING ALL) — with the alert indexes and CHECKs.",
      reference,
      indexed,
    };
  } finally {
    await client.end().catch(() => {});
  }
}
