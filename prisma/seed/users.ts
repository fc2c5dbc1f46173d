// Demo accounts. All share DEMO_PASSWORD, hashed once (see constants.ts).
import { randomUUID } from "node:crypto";
import type { Role } from "@/prisma/generated/client/enums";
import type { BankRow } from "./banks";
import { unnestInsertSql, type Queryable } from "./db";
import { staffNames } from "./names";
import type { OrgLayout } from "./org-units";
import type { Rng } from "./random";

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  bankId: string | null;
}

export interface DemoUsers {
  all: UserRow[];
  /** The city's system administrator. */
  admin: UserRow;
  leader: UserRow;
  analysts: UserRow[];
  coordinatorsByDistrict: Map<string, UserRow>;
  officersByStation: Map<string, UserRow>;
  liaisonsByBank: Map<string, UserRow>;
}

export const ANALYST_COUNT = 6;

/**
 * One account of every role of a city (analysts, officers and coordinators per unit, a liaison
 * per bank with a desk in the center, one of each administrator, the wall screen). With `installationId`, also the
 * installation's three administrators (prov.admin, prov.secadmin, prov.auditor).
 */
export function buildUsers(rng: Rng, layout: OrgLayout, banks: readonly BankRow[], prefix: string, installationId: string | null): DemoUsers {
  const { city, districts, stations } = layout;
  const desks = banks.filter((b) => b.desk);
  const total = 6 + ANALYST_COUNT + districts.length + stations.length + desks.length + (installationId ? 3 : 0);
  const names = staffNames(rng, total);
  let n = 0;
  const make = (username: string, role: Role, unitId: string, bankId: string | null = null): UserRow => ({
    id: randomUUID(), username: prefix + username, displayName: names[n++]!, role, unitId, bankId,
  });
  const admin = make("admin", "SYSTEM_ADMIN", city.id);
  const cityAdmins = [admin, make("secadmin", "SECURITY_ADMIN", city.id), make("auditor", "AUDIT_ADMIN", city.id), make("wall", "DISPLAY", city.id)];
  const leader = make("leader", "SUPERVISOR", city.id);
  const analysts = Array.from({ length: ANALYST_COUNT }, (_, i) => make(`analyst${i + 1}`, "ANALYST", city.id));
  const coordinatorsByDistrict = new Map(
    districts.map((d) => [d.id, make(`coord.${d.code.toLowerCase()}`, "DISTRICT_COORDINATOR", d.id)]),
  );
  const officersByStation = new Map(
    stations.map((s) => [s.id, make(`officer.${s.code.toLowerCase()}`, "STATION_OFFICER", s.id)]),
  );
  const liaisonsByBank = new Map(
    desks.map((b) => [b.id, make(`bank.${b.code.toLowerCase()}`, "BANK_LIAISON", city.id, b.id)]),
  );
  const installationAdmins = installationId
    ? [
        { ...make("", "SYSTEM_ADMIN", installationId), username: "prov.admin" },
        { ...make("", "SECURITY_ADMIN", installationId), username: "prov.secadmin" },
        { ...make("", "AUDIT_ADMIN", installationId), username: "prov.auditor" },
      ]
    : [];
  const all = [...cityAdmins, leader, ...analysts, ...coordinatorsByDistrict.values(), ...officersByStation.values(), ...liaisonsByBank.values(), ...installationAdmins];
  return { all, admin, leader, analysts, coordinatorsByDistrict, officersByStation, liaisonsByBank };
}

export async function insertUsers(db: Queryable, users: readonly UserRow[], passwordHash: string): Promise<void> {
  await db.query(
    unnestInsertSql(
      "app_user",
      [["id", "uuid[]"], ["username", "text[]"], ["display_name", "text[]"], ["role", '"Role"[]'],
        ["unit_id", "uuid[]"], ["bank_id", "uuid[]"]],
      { password_hash: "$7::text" },
    ),
    [
      users.map((u) => u.id), users.map((u) => u.username), users.map((u) => u.displayName),
      users.map((u) => u.role), users.map((u) => u.unitId), users.map((u) => u.bankId), passwordHash,
    ],
  );
}
