// Upstream alert sources and the demo ingestion key.
import { createHash, randomUUID } from "node:crypto";
import type { SourceKind } from "@/prisma/generated/client/enums";
import { DEMO_INGEST_KEY } from "./constants";
import { unnestInsertSql, type Queryable } from "./db";

export interface SourceRow {
  id: string;
  code: string;
  name: string;
  kind: SourceKind;
}

const SOURCES: readonly Omit<SourceRow, "id">[] = [
  { code: "national", name: "国家反诈中心/公安部推送", kind: "NATIONAL" },
  { code: "provincial", name: "省厅推送", kind: "PROVINCIAL" },
  { code: "city-analysis", name: "市本级研判", kind: "CITY_ANALYSIS" },
  { code: "bank-monitor", name: "银行资金预警", kind: "BANK_MONITORING" },
  { code: "telecom", name: "运营商预警", kind: "TELECOM" },
  { code: "hotline-96110", name: "群众举报(96110)", kind: "PUBLIC_REPORT" },
  { code: "demo-feed", name: "演示接入", kind: "CITY_ANALYSIS" },
];

export function buildSources(): SourceRow[] {
  return SOURCES.map((s) => ({ ...s, id: randomUUID() }));
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Inserts the sources and the one API key of `demo-feed`; returns the number of keys. */
export async function insertSources(db: Queryable, sources: readonly SourceRow[], createdById: string | null): Promise<number> {
  await db.query(
    unnestInsertSql("alert_source", [["id", "uuid[]"], ["code", "text[]"], ["name", "text[]"], ["kind", '"SourceKind"[]']]),
    [sources.map((s) => s.id), sources.map((s) => s.code), sources.map((s) => s.name), sources.map((s) => s.kind)],
  );
  const demo = sources.find((s) => s.code === "demo-feed");
  if (!demo) throw new Error("demo-feed source missing");
  await db.query(
    `INSERT INTO "api_key" ("id", "source_id", "prefix", "key_hash", "created_by_id") VALUES ($1, $2, $3, $4, $5)`,
    [randomUUID(), demo.id, DEMO_INGEST_KEY.slice(0, 8), sha256Hex(DEMO_INGEST_KEY), createdById],
  );
  return 1;
}

/** The installation's alert sources as a later city's seed finds them. */
export async function loadSources(db: Queryable): Promise<SourceRow[]> {
  const { rows } = await db.query<SourceRow>(`SELECT "id", "code", "name", "kind" FROM "alert_source" ORDER BY "code"`);
  return rows;
}
