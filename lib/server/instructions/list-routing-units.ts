import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { jurisdictionOf } from "@/lib/auth/jurisdiction";

export interface RoutingUnits {
  /** Districts an instruction may be sent to (the city's, for the city's analysts). */
  districts: { id: string; name: string }[];
  /** Stations to choose from, labelled "district · station". */
  stations: { id: string; districtId: string; label: string }[];
}

const NONE: RoutingUnits = { districts: [], stations: [] };

/**
 * The units the instruction page offers in its selects, read beside the instruction (so it
 * refuses nobody: the page's one refusal is getInstruction's): the city's analysts route to any
 * district or station of the city; a district coordinator forwards and re-routes to its own
 * stations; a station officer who declines names another station of the city (it does not know
 * the district lines better than the stations' names), never its own. The routing functions check the chosen
 * unit again (lib/server/instructions/routing.ts); unit names are not personal data.
 */
export async function listRoutingUnits(actor: Actor): Promise<RoutingUnits> {
  const j = jurisdictionOf(actor);
  const routes = can(actor, "instruction.route");
  const works = can(actor, "instruction.work");
  if (!routes && !works) return NONE;
  if (j.kind !== "city" && j.kind !== "district" && j.kind !== "station") return NONE;
  const ownDistrict = j.kind === "district" ? j.districtId : null;
  const [districts, stations] = await Promise.all([
    j.kind === "city" && routes
      ? db.orgUnit.findMany({ where: { cityId: j.cityId, kind: "DISTRICT" }, orderBy: { code: "asc" }, select: { id: true, name: true } })
      : Promise.resolve([]),
    db.orgUnit.findMany({
      where: { cityId: j.cityId, kind: "STATION", ...(ownDistrict ? { districtId: ownDistrict } : {}) },
      orderBy: { code: "asc" },
      select: { id: true, name: true, districtId: true, parent: { select: { name: true } } },
    }),
  ]);
  return {
    districts,
    stations: stations
      // An officer suggests another station than its own.
      .filter((s): s is typeof s & { districtId: string } => s.districtId !== null && (j.kind !== "station" || s.id !== j.stationId))
      .map((s) => ({ id: s.id, districtId: s.districtId, label: `${s.parent?.name ?? ""} · ${s.name}` })),
  };
}
