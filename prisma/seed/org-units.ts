// The org tree of 江州市 (city → 10 districts → 60 stations) and the community routing table.
import { randomUUID } from "node:crypto";
import { COMMUNITY_FIRST, COMMUNITY_SECOND, districtAreaName, type CityPlan } from "./city-layout";
import { unnestInsertSql, type Queryable } from "./db";
import type { Rng } from "./random";

export interface CityUnit {
  id: string;
  code: string;
  name: string;
  /** As written in addresses (江州市). */
  cityName: string;
}

export interface DistrictUnit {
  id: string;
  code: string;
  name: string;
  /** "东湖区": the administrative area used in addresses. */
  areaName: string;
  regionCode: string;
}

export interface CommunityRow {
  id: string;
  stationId: string;
  street: string;
  name: string;
}

export interface StationUnit {
  id: string;
  code: string;
  name: string;
  district: DistrictUnit;
  street: string;
  /** Relative share of the city's alerts. */
  weight: number;
  communities: CommunityRow[];
}

export interface OrgLayout {
  city: CityUnit;
  districts: DistrictUnit[];
  stations: StationUnit[];
  communities: CommunityRow[];
}

export function buildOrgLayout(rng: Rng, plan: CityPlan): OrgLayout {
  const city: CityUnit = { id: randomUUID(), code: plan.code, name: plan.name, cityName: plan.cityName };
  const communityNames = rng.shuffle(
    COMMUNITY_FIRST.flatMap((a) => COMMUNITY_SECOND.map((b) => a + b + "社区")),
  );
  let nextCommunity = 0;
  const districts: DistrictUnit[] = [];
  const stations: StationUnit[] = [];
  const communities: CommunityRow[] = [];
  for (const districtPlan of plan.districts) {
    const district: DistrictUnit = {
      id: randomUUID(),
      code: districtPlan.code,
      name: districtPlan.name,
      areaName: districtAreaName(districtPlan.name),
      regionCode: districtPlan.regionCode,
    };
    districts.push(district);
    districtPlan.stations.forEach((s, i) => {
      const station: StationUnit = {
        id: randomUUID(),
        code: `${districtPlan.code}S${String(i + 1).padStart(2, "0")}`,
        name: s.name,
        district,
        street: s.street,
        weight: districtPlan.weight * rng.range(0.6, 1.4),
        communities: [],
      };
      const count = rng.int(4, 8);
      for (let c = 0; c < count; c++) {
        const row: CommunityRow = {
          id: randomUUID(),
          stationId: station.id,
          street: s.street,
          name: communityNames[nextCommunity++]!,
        };
        station.communities.push(row);
        communities.push(row);
      }
      stations.push(station);
    });
  }
  return { city, districts, stations, communities };
}

export async function insertOrgLayout(db: Queryable, layout: OrgLayout): Promise<void> {
  const { city, districts, stations, communities } = layout;
  await db.query(
    // A city hangs under the installation (the one unit above the cities, made by the migrations).
    `INSERT INTO "org_unit" ("id", "code", "name", "kind", "parent_id", "city_id", "district_id")
     VALUES ($1, $2, $3, 'CITY', (SELECT "id" FROM "org_unit" WHERE "kind" = 'INSTALLATION'), $1, NULL)`,
    [city.id, city.code, city.name],
  );
  const unitSql = unnestInsertSql(
    "org_unit",
    [["id", "uuid[]"], ["code", "text[]"], ["name", "text[]"], ["kind", '"UnitKind"[]'],
      ["parent_id", "uuid[]"], ["district_id", "uuid[]"]],
    { city_id: "$7::uuid" },
  );
  const units = [
    ...districts.map((d) => [d.id, d.code, d.name, "DISTRICT", city.id, d.id] as const),
    ...stations.map((s) => [s.id, s.code, s.name, "STATION", s.district.id, s.district.id] as const),
  ];
  await db.query(unitSql, [...[0, 1, 2, 3, 4, 5].map((i) => units.map((u) => u[i])), city.id]);
  await db.query(
    unnestInsertSql(
      "community",
      [["id", "uuid[]"], ["station_id", "uuid[]"], ["street", "text[]"], ["name", "text[]"]],
      { city_id: "$5::uuid" },
    ),
    [
      communities.map((c) => c.id), communities.map((c) => c.stationId),
      communities.map((c) => c.street), communities.map((c) => c.name), city.id,
    ],
  );
}
