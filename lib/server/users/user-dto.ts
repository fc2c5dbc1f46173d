import type { Role, UserStatus } from "@/prisma/generated/client/enums";

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  status: UserStatus;
  unitName: string;
  bankName: string | null;
  lockedUntil: string | null;
  /** The lock is in force now (lockedUntil in the future). */
  locked: boolean;
  failedLoginCount: number;
  mustChangePassword: boolean;
  version: number;
}

export const USER_ROW_SELECT = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  status: true,
  lockedUntil: true,
  failedLoginCount: true,
  mustChangePassword: true,
  version: true,
  unit: { select: { name: true } },
  bank: { select: { shortName: true } },
} as const;

export function toUserRow(u: {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  status: UserStatus;
  lockedUntil: Date | null;
  failedLoginCount: number;
  mustChangePassword: boolean;
  version: number;
  unit: { name: string };
  bank: { shortName: string } | null;
}, now = new Date()): UserRow {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    status: u.status,
    unitName: u.unit.name,
    bankName: u.bank?.shortName ?? null,
    lockedUntil: u.lockedUntil?.toISOString() ?? null,
    locked: u.lockedUntil !== null && u.lockedUntil.getTime() > now.getTime(),
    failedLoginCount: u.failedLoginCount,
    mustChangePassword: u.mustChangePassword,
    version: u.version,
  };
}
