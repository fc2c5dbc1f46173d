import type { Role, UnitKind } from "@/prisma/generated/client/enums";

/**
 * Who is acting, as every domain function receives it. Derived on the server from the session
 * row on each request: nothing here comes from the client.
 */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  unitKind: UnitKind;
  unitName: string;
  /** Null only for accounts of the installation unit (installation administrators). */
  cityId: string | null;
  /** Set for district coordinators and station officers. */
  districtId: string | null;
  /** Set for station officers. */
  stationId: string | null;
  /** Set for bank liaisons. */
  bankId: string | null;
  sessionId: string | null;
  mustChangePassword: boolean;
}
