// The one place that decides what each role may do, and which records it may see.
// Domain functions call `assertCan` first and put `alertScope` (etc.) in their `where`; the scopes
// are built from `jurisdictionOf` (lib/auth/jurisdiction.ts).
import type { Role, UnitKind } from "@/prisma/generated/client/enums";
import type { Prisma } from "@/prisma/generated/client/client";
import type { Actor } from "@/lib/auth/actor";
import { jurisdictionOf, unitFilter } from "@/lib/auth/jurisdiction";

export const ROLES: readonly Role[] = [
  "ANALYST",
  "DISTRICT_COORDINATOR",
  "STATION_OFFICER",
  "BANK_LIAISON",
  "SUPERVISOR",
  "SYSTEM_ADMIN",
  "SECURITY_ADMIN",
  "AUDIT_ADMIN",
  "DISPLAY",
] as const;

/** The three administrators of 三权分立; one account never holds two of them (one role per account). */
export const ADMIN_ROLES: readonly Role[] = ["SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"];

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
  "alert.ingest": [],
  /** Instructions (指令): read within the jurisdiction; officers only their station's. */
  "instruction.read": ALERT_READERS,
  /** Send an instruction about an alert: analysts to any district or station of the city, coordinators to their stations. */
  "instruction.dispatch": ["ANALYST", "DISTRICT_COORDINATOR"],
  /** Forward, re-route, chase, and review (close, send back, cancel) what one issued. */
  "instruction.route": ["ANALYST", "DISTRICT_COORDINATOR"],
  /** Sign off, decline, check in, record a visit, give feedback: the officers of the station it was sent to. */
  "instruction.work": ["STATION_OFFICER"],
  /** The person's full phone and address for the officers an instruction was sent to, audited. */
  "instruction.revealContact": ["STATION_OFFICER"],
  /** Comment on a supervision notice (督办单) and require the station's reply. */
  "instruction.supervise": ["SUPERVISOR", "DISTRICT_COORDINATOR"],
  /** On-time and dissuasion rankings of districts and stations. */
  "ranking.read": ["ANALYST", "SUPERVISOR", "DISTRICT_COORDINATOR"],
  /** One's own notifications (not the wall screen: a device, nobody reads its notices). */
  "notification.read": ["ANALYST", "DISTRICT_COORDINATOR", "STATION_OFFICER", "BANK_LIAISON", "SUPERVISOR", "SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"],
  "bankDesk.read": ["BANK_LIAISON"],
  /** Cases (案件) and their money: within the jurisdiction of the case's first alert. */
  "case.read": ALERT_READERS,
  /** File stops and follow-up requests, record 立案: the center's analysts and supervisors. */
  "case.file": CITY_ALERT_READERS,
  /** Approve a freeze, renewal, unfreeze or return (standing for the police head who signs the notice). */
  "case.approve": ["SUPERVISOR"],
  /** Requests to banks: a case's readers, and a bank's liaison its own bank's. */
  "bankRequest.read": [...ALERT_READERS, "BANK_LIAISON"],
  /** Accept and answer: the bank's desk, or city staff recording the answer of a bank without one. */
  "bankRequest.answer": ["BANK_LIAISON", ...CITY_ALERT_READERS],
  /** A request's full account and holder, with a reason, audited. */
  "bankRequest.revealAccount": ["BANK_LIAISON", "ANALYST", "SUPERVISOR"],
  /** The audit trail: the audit administrator all of it, supervisors their city's business events. */
  "audit.read": ["AUDIT_ADMIN", "SUPERVISOR"],
  /** See the accounts of one's jurisdiction (system and security administrators). */
  "user.list": ["SYSTEM_ADMIN", "SECURITY_ADMIN"],
  /** Create, deactivate, reactivate, change role, reset a password. */
  "user.manage": ["SYSTEM_ADMIN"],
  /** Lift a lockout (and, with the security issue, reset a second factor). */
  "user.unlock": ["SECURITY_ADMIN"],
  /** See the alert sources and their keys (the installation's system and security administrators). */
  "source.list": ["SYSTEM_ADMIN", "SECURITY_ADMIN"],
  /** Alert sources: installation-wide, kept by the installation's system administrator. */
  "source.manage": ["SYSTEM_ADMIN"],
  /** Issue and revoke the sources' API keys: the installation's security administrator. */
  "apiKey.manage": ["SECURITY_ADMIN"],
  /** Deadline rules and playbooks: installation defaults, or a city's own. */
  "config.manage": ["SYSTEM_ADMIN"],
  /** The community → station routing table of a city. */
  "community.manage": ["SYSTEM_ADMIN"],
  /** The working-day calendar (节假日 and 调休): read by every system administrator, kept by the installation's. */
  "calendar.read": ["SYSTEM_ADMIN"],
  "calendar.manage": ["SYSTEM_ADMIN"],
  /**
   * The banks and payment institutions that receive requests: listed for every system
   * administrator (a city's with its desks), kept by the installation's. Not "bank.": that area
   * of the trail is the requests to the banks, which supervisors follow.
   */
  "bankConfig.list": ["SYSTEM_ADMIN"],
  "bankConfig.manage": ["SYSTEM_ADMIN"],
  /** A city's money settings (the large-stop threshold): that city's system administrator. */
  "citySetting.manage": ["SYSTEM_ADMIN"],
  /** The wall screen: aggregates only, no personal data (they come with the results workflow). */
  "wall.view": ["DISPLAY"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

/**
 * Actions bound to one level of the organisation: installation-wide records are kept by the
 * installation's administrators only, a city's routing table by that city's.
 */
const LEVEL: Partial<Record<Action, UnitKind>> = {
  "source.list": "INSTALLATION",
  "source.manage": "INSTALLATION",
  "apiKey.manage": "INSTALLATION",
  "community.manage": "CITY",
  "calendar.manage": "INSTALLATION",
  "bankConfig.manage": "INSTALLATION",
  "citySetting.manage": "CITY",
};

export function can(actor: Pick<Actor, "role" | "unitKind">, action: Action): boolean {
  if (!(PERMISSIONS[action] as readonly Role[]).includes(actor.role)) return false;
  const level = LEVEL[action];
  return level === undefined || level === actor.unitKind;
}

const NOTHING: Prisma.AlertWhereInput = { id: { in: [] } };

/**
 * The jurisdiction filter for alerts: city-wide roles see their city, a district coordinator
 * their district, a station officer their station. Roles without alert access get a filter that
 * matches nothing, so a missing `assertCan` still leaks nothing.
 */
export function alertScope(actor: Actor): Prisma.AlertWhereInput {
  if (!can(actor, "alert.list")) return NOTHING;
  return unitFilter(jurisdictionOf(actor)) ?? NOTHING;
}

/** The jurisdiction filter for cases, built like `alertScope` (banks see requests, not cases). */
export function caseScope(actor: Actor): Prisma.FraudCaseWhereInput {
  if (!can(actor, "case.read")) return { id: { in: [] } };
  return unitFilter(jurisdictionOf(actor)) ?? { id: { in: [] } };
}

/**
 * The jurisdiction filter for requests to banks: the case's units for police roles; for a bank's
 * liaison, that bank's requests of their city that came to the desk (requests sent outside the
 * console are the analysts' to answer).
 */
export function bankRequestScope(actor: Actor): Prisma.BankRequestWhereInput {
  if (!can(actor, "bankRequest.read")) return { id: { in: [] } };
  const j = jurisdictionOf(actor);
  if (j.kind === "bank") return { cityId: j.cityId, bankId: j.bankId, viaDesk: true };
  return unitFilter(j) ?? { id: { in: [] } };
}

/** The jurisdiction filter for instructions, built like `alertScope` (a station sees only what it holds). */
export function instructionScope(actor: Actor): Prisma.InstructionWhereInput {
  if (!can(actor, "instruction.read")) return { id: { in: [] } };
  return unitFilter(jurisdictionOf(actor)) ?? { id: { in: [] } };
}

const NO_USER: Prisma.UserWhereInput = { id: { in: [] } };

/**
 * The accounts an administrator may see and manage: a city's administrators their city's, the
 * installation's all of them (it sets up a new city's first accounts).
 */
export function userScope(actor: Actor): Prisma.UserWhereInput {
  if (!can(actor, "user.list")) return NO_USER;
  const j = jurisdictionOf(actor);
  if (j.kind === "installation") return {};
  if (j.kind === "city") return { unit: { cityId: j.cityId } };
  return NO_USER;
}

/** The org units such an administrator may put an account in. */
export function assignableUnitScope(actor: Actor): Prisma.OrgUnitWhereInput {
  if (!can(actor, "user.manage")) return { id: { in: [] } };
  const j = jurisdictionOf(actor);
  if (j.kind === "installation") return {};
  if (j.kind === "city") return { cityId: j.cityId };
  return { id: { in: [] } };
}

/**
 * Audit actions about the city's own work (alerts and, as they come, instructions, bank requests
 * and cases), which supervisors follow — who revealed what, who closed what. Sign-ins,
 * accounts, keys and configuration are the audit administrator's alone.
 */
export const BUSINESS_AUDIT_PREFIXES = ["alert.", "instruction.", "bankRequest.", "case."] as const;

/** The part of the audit trail an actor may read. */
export function auditScope(actor: Actor): Prisma.AuditEventWhereInput {
  if (!can(actor, "audit.read")) return { id: { in: [] } };
  const j = jurisdictionOf(actor);
  if (actor.role === "AUDIT_ADMIN") {
    if (j.kind === "installation") return {};
    if (j.kind === "city") return { cityId: j.cityId };
  }
  if (actor.role === "SUPERVISOR" && j.kind === "city") {
    return { cityId: j.cityId, OR: BUSINESS_AUDIT_PREFIXES.map((p) => ({ action: { startsWith: p } })) };
  }
  return { id: { in: [] } };
}

/** Whether the actor's part of the trail can hold an action (the audit page offers only those in its filter). */
export function auditActionVisible(actor: Actor, action: string): boolean {
  if (!can(actor, "audit.read")) return false;
  return actor.role !== "SUPERVISOR" || BUSINESS_AUDIT_PREFIXES.some((p) => action.startsWith(p));
}

/** Where each role lands after signing in. */
export function landingPath(role: Role): string {
  switch (role) {
    case "ANALYST":
      return "/queue";
    case "SUPERVISOR":
      return "/instructions";
    case "DISTRICT_COORDINATOR":
      return "/district";
    case "STATION_OFFICER":
      return "/inbox";
    case "BANK_LIAISON":
      return "/bank-desk";
    case "SYSTEM_ADMIN":
    case "SECURITY_ADMIN":
      return "/admin/users";
    case "AUDIT_ADMIN":
      return "/audit";
    case "DISPLAY":
      return "/wall";
  }
}
