import "server-only";
import type { RiskLevel } from "@/prisma/generated/client/enums";
import { db } from "@/lib/db";
import { resolveDeadlineRule, type DeadlineRuleRow } from "@/lib/deadlines/resolve-deadline-rule";

/** Where an alert goes: its station and the station's district and city. */
export interface Route {
  stationId: string;
  districtId: string | null;
  cityId: string;
  /** How the station was found (kept on the CREATED event, so analysts can judge a routing). */
  via: "stationCode" | "address" | "communityName";
}

export interface RoutingInput {
  /** Caller's key for the item (its index in the request). */
  key: number;
  stationCode?: string;
  cityCode?: string;
  address?: string;
}

export interface BatchContext {
  /** Routed items, by key. Items with a stationCode that names no station (of their city) are absent. */
  routes: Map<number, Route>;
  /** The city named by an item's cityCode, by key. Items whose cityCode names no city are absent. */
  cities: Map<number, string>;
  /** First-contact minutes per risk level in a city (its deadline rules, else the defaults). */
  firstContactMinutes: (cityId: string) => Record<RiskLevel, number>;
  /** The city when this installation serves exactly one, else null. */
  singleCityId: string | null;
  /** Alerts this source sent before, by externalId. */
  existing: Map<string, { id: string; payloadHash: string }>;
}

interface ContextRow {
  cities: { i: number; cityId: string }[];
  routes: { i: number; stationId: string; districtId: string | null; cityId: string; via: Route["via"] }[];
  first_contact: DeadlineRuleRow[];
  single_city_id: string | null;
  existing: { externalId: string; id: string; payloadHash: string }[];
}

/**
 * Everything a batch needs to know before it writes, in ONE round trip: routing (station code,
 * else the community table by address), the first-contact deadline rules, the city, and the alerts this source has
 * already sent with these externalIds. Read outside the write transaction: it is reference data,
 * and a concurrent insert of the same externalId is caught by ON CONFLICT in the transaction.
 *
 * Address routing (the admins' community table, never district names): the community whose
 * street AND name both occur in the address, the longest such match when there are several;
 * failing that, the community whose name alone occurs, when exactly one does; else unknown.
 */
export async function loadBatchContext(
  sourceId: string,
  routing: readonly RoutingInput[],
  externalIds: readonly string[],
): Promise<BatchContext> {
  const input = JSON.stringify(
    routing
      .filter((r) => r.stationCode !== undefined || r.address !== undefined || r.cityCode !== undefined)
      .map((r) => ({ i: r.key, station_code: r.stationCode ?? null, city_code: r.cityCode ?? null, address: r.address ?? null })),
  );
  const rows = await db.$queryRaw<ContextRow[]>`
    WITH raw AS (
      SELECT * FROM jsonb_to_recordset(${input}::jsonb) AS t(i int, station_code text, city_code text, address text)
    ), input AS (
      -- The city an item names (null when it names none, or one that does not exist).
      SELECT raw.*, city.id AS city_id FROM raw LEFT JOIN org_unit city ON city.code = raw.city_code AND city.kind = 'CITY'
    ), by_code AS (
      SELECT input.i, u.id AS station_id
      FROM input JOIN org_unit u ON u.code = input.station_code AND u.kind = 'STATION'
      WHERE input.city_code IS NULL OR u.city_id = input.city_id
    ), name_hits AS (
      -- One pass over the table: communities whose name occurs in the address (street checked after),
      -- among the named city's communities when the item names one.
      SELECT input.i, c.id, c.station_id, length(c.street) + length(c.name) AS len,
             strpos(input.address, c.street) > 0 AS street_hit
      FROM input JOIN community c ON strpos(input.address, c.name) > 0
      WHERE input.station_code IS NULL AND input.address IS NOT NULL
        AND (input.city_code IS NULL OR c.city_id = input.city_id)
    ), by_address AS (
      SELECT DISTINCT ON (i) i, station_id FROM name_hits WHERE street_hit ORDER BY i, len DESC, id
    ), by_name AS (
      SELECT i, min(station_id::text)::uuid AS station_id
      FROM name_hits
      WHERE NOT EXISTS (SELECT 1 FROM by_address b WHERE b.i = name_hits.i)
      GROUP BY i
      HAVING count(*) = 1
    ), routed AS (
      SELECT i, station_id, 'stationCode' AS via FROM by_code
      UNION ALL SELECT i, station_id, 'address' FROM by_address
      UNION ALL SELECT i, station_id, 'communityName' FROM by_name
    )
    SELECT
      (SELECT coalesce(jsonb_agg(jsonb_build_object('i', i, 'cityId', city_id)), '[]'::jsonb)
         FROM input WHERE city_id IS NOT NULL) AS cities,
      (SELECT coalesce(jsonb_agg(jsonb_build_object(
                'i', r.i, 'stationId', s.id, 'districtId', s.district_id, 'cityId', s.city_id, 'via', r.via)), '[]'::jsonb)
         FROM routed r JOIN org_unit s ON s.id = r.station_id) AS routes,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('cityId', city_id, 'kind', kind, 'riskLevel', risk_level, 'amount', amount, 'unit', unit)), '[]'::jsonb)
         FROM deadline_rule WHERE kind = 'FIRST_CONTACT') AS first_contact,
      (SELECT CASE WHEN count(*) = 1 THEN min(id::text) END FROM org_unit WHERE kind = 'CITY') AS single_city_id,
      -- One unique-index probe per externalId. (A plain "external_id = ANY(…)" lets the planner
      -- scan all of a source's alerts while its statistics still say the source is small.)
      (SELECT coalesce(jsonb_agg(jsonb_build_object('externalId', a.external_id, 'id', a.id, 'payloadHash', a.payload_hash)), '[]'::jsonb)
         FROM unnest(${[...externalIds]}::text[]) AS wanted(external_id)
         CROSS JOIN LATERAL (
           SELECT x.external_id, x.id, x.payload_hash FROM alert x
           WHERE x.source_id = ${sourceId}::uuid AND x.external_id = wanted.external_id LIMIT 1
         ) a) AS existing`;
  const row = rows[0]!;
  return {
    cities: new Map(row.cities.map((c) => [c.i, c.cityId])),
    routes: new Map(row.routes.map((r) => [r.i, { stationId: r.stationId, districtId: r.districtId, cityId: r.cityId, via: r.via }])),
    firstContactMinutes: firstContactMinutesFrom(row.first_contact),
    singleCityId: row.single_city_id,
    existing: new Map(row.existing.map((e) => [e.externalId, { id: e.id, payloadHash: e.payloadHash }])),
  };
}

const RISKS: RiskLevel[] = ["URGENT", "HIGH", "MEDIUM", "LOW"];

/** Per city (computed once per city of the batch), the first-contact minutes of each risk level. */
export function firstContactMinutesFrom(rules: DeadlineRuleRow[]): (cityId: string) => Record<RiskLevel, number> {
  const byCity = new Map<string, Record<RiskLevel, number>>();
  return (cityId) => {
    let minutes = byCity.get(cityId);
    if (!minutes) {
      minutes = Object.fromEntries(
        RISKS.map((riskLevel) => [riskLevel, resolveDeadlineRule(rules, { cityId, kind: "FIRST_CONTACT", riskLevel }).amount]),
      ) as Record<RiskLevel, number>;
      byCity.set(cityId, minutes);
    }
    return minutes;
  };
}
