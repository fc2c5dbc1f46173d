// The one place that turns an actor into its jurisdiction: the part of the organisation whose
// records it may see. Every scope (alerts, configuration, users, audit, and the instructions,
// bank requests and rollups to come) is built from this, so a new record type adds a small
// function over `Jurisdiction`, never a new switch over roles.
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";

export type Jurisdiction =
  /** The installation's own administrators: installation-wide records, no city's business. */
  | { kind: "installation" }
  /** City-wide staff: analysts, supervisors, the wall screen, a city's administrators. */
  | { kind: "city"; cityId: string }
  | { kind: "district"; cityId: string; districtId: string }
  | { kind: "station"; cityId: string; districtId: string; stationId: string }
  /** A bank's liaison in a city's center: that bank's requests of that city. */
  | { kind: "bank"; cityId: string; bankId: string }
  /** An account whose unit does not fit its role: sees nothing. */
  | { kind: "none" };

type JurisdictionSource = Pick<Actor, "role" | "unitKind" | "cityId" | "districtId" | "stationId" | "bankId">;

export function jurisdictionOf(actor: JurisdictionSource): Jurisdiction {
  if (actor.cityId === null) return actor.unitKind === "INSTALLATION" ? { kind: "installation" } : { kind: "none" };
  const cityId = actor.cityId;
  switch (actor.role) {
    case "BANK_LIAISON":
      return actor.bankId ? { kind: "bank", cityId, bankId: actor.bankId } : { kind: "none" };
    case "DISTRICT_COORDINATOR":
      return actor.districtId && actor.unitKind === "DISTRICT" ? { kind: "district", cityId, districtId: actor.districtId } : { kind: "none" };
    case "STATION_OFFICER":
      return actor.stationId && actor.districtId ? { kind: "station", cityId, districtId: actor.districtId, stationId: actor.stationId } : { kind: "none" };
    default:
      return actor.unitKind === "CITY" ? { kind: "city", cityId } : { kind: "none" };
  }
}

/** The city of a city-bound actor, or null for the installation and for nobody. */
export function cityOf(j: Jurisdiction): string | null {
  return j.kind === "installation" || j.kind === "none" ? null : j.cityId;
}

/**
 * The filter on records that carry city_id, district_id and station_id (alerts, cases, and the
 * instructions and rollups to come), or null when the jurisdiction covers no unit's records
 * (banks, the installation, nobody).
 */
export function unitFilter(j: Jurisdiction): { cityId: string; districtId?: string; stationId?: string } | null {
  switch (j.kind) {
    case "city":
      return { cityId: j.cityId };
    case "district":
      return { cityId: j.cityId, districtId: j.districtId };
    case "station":
      return { cityId: j.cityId, stationId: j.stationId };
    default:
      return null;
  }
}

/**
 * Configuration that has installation defaults and city overrides (deadline rules, playbooks):
 * the installation's administrators keep the defaults (city null), a city's its own rows.
 */
export function configOwner(j: Jurisdiction): { cityId: string | null } | null {
  if (j.kind === "installation") return { cityId: null };
  if (j.kind === "city") return { cityId: j.cityId };
  return null;
}

/**
 * The city of an actor whose action is bound to a city (checked by `can`'s level); an account
 * without one is refused rather than given an empty filter.
 */
export function requireCity(actor: Pick<Actor, "cityId">): string {
  if (actor.cityId === null) throw new ForbiddenError();
  return actor.cityId;
}
