// The one place that decides what each role may do, and which records it may see.
// Domain functions call `assertCan` first and put `alertScope` (etc.) in their `where`.
import type { Role } from "@/prisma/generated/client/enums";
import type { Prisma } from "@/prisma/generated/client/client";
import type { Actor } from "@/lib/auth/actor";

export const ROLES: readonly Role[] = [
  "ANALYST",
  "DISTRICT_COORDINATOR",
  "STATION_OFFICER",
  "BANK_LIAISON",
  "SUPERVISOR",
  "ADMIN",
] as const;

const CITY_ALERT_READERS: Role[] = ["ANALYST", "SUPERVISOR"];
const ALERT_READERS: Role[] = [...CITY_ALERT_READERS, "DISTRICT_COORDINATOR", "STATION_OFFICER"];

/** action → roles allowed. Jurisdiction is checked separately, in the query. */
export const PERMISSIONS = {
  "alert.list": ALERT_READERS,
  "alert.read": ALERT_READERS,
  /** Full phone / ID number / address of the person at risk, one field at a time, audited. */
  "alert.revealPhone": ["ANALYST", "DISTRICT_COORDINATOR", "STATION_OFFICER"],
  "alert.revealAddress": ["ANALYST", "DISTRICT_COORDINATOR", "STATION_OFFICER"],
  "alert.revealIdNumber": ["ANALYST"],
  "alert.triage": ["ANALYST"],
  /** The live "your city's alerts changed" stream behind the queue. */
  "alert.watch": CITY_ALERT_READERS,
  "alert.ingest": [],
  "bankDesk.read": ["BANK_LIAISON"],
  "audit.read": ["SUPERVISOR", "ADMIN"],
  "user.manage": ["ADMIN"],
  "source.manage": ["ADMIN"],
  /** SLA rules, playbooks, the community → station routing table. */
  "config.manage": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}

/**
 * The jurisdiction filter for alerts: city-wide roles see their city, a district coordinator
 * their district, a station officer their station. Roles without alert access get a filter that
 * matches nothing, so a missing `assertCan` still leaks nothing.
 */
export function alertScope(actor: Actor): Prisma.AlertWhereInput {
  switch (actor.role) {
    case "ANALYST":
    case "SUPERVISOR":
      return { cityId: actor.cityId };
    case "DISTRICT_COORDINATOR":
      return actor.districtId ? { cityId: actor.cityId, districtId: actor.districtId } : NOTHING;
    case "STATION_OFFICER":
      return actor.stationId ? { cityId: actor.cityId, stationId: actor.stationId } : NOTHING;
    default:
      return NOTHING;
  }
}

/** Which org units an actor may pick from or manage (admins: their city). */
export function userScope(actor: Actor): Prisma.UserWhereInput {
  return actor.role === "ADMIN" ? { unit: { cityId: actor.cityId } } : { id: "00000000-0000-0000-0000-000000000000" };
}

const NOTHING: Prisma.AlertWhereInput = { id: { in: [] } };

/** Where each role lands after signing in. */
export function landingPath(role: Role): string {
  switch (role) {
    case "ANALYST":
      return "/queue";
    case "SUPERVISOR":
    case "DISTRICT_COORDINATOR":
    case "STATION_OFFICER":
      return "/alerts";
    case "BANK_LIAISON":
      return "/bank-desk";
    case "ADMIN":
      return "/admin/users";
  }
}
