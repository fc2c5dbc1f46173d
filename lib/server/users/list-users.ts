import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assignableUnitScope, can, userScope } from "@/lib/auth/permissions";
import { assertCan } from "@/lib/auth/authorize";
import { USER_ROW_SELECT, toUserRow, type UserRow } from "@/lib/server/users/user-dto";
import type { Role, UnitKind } from "@/prisma/generated/client/enums";

export const USER_PAGE_SIZE = 50;

export interface UserFilter {
  q?: string;
  role?: Role;
  page?: number;
}

export interface UserPage {
  rows: UserRow[];
  total: number;
  page: number;
  pageCount: number;
}

export async function listUsers(actor: Actor, filter: UserFilter): Promise<UserPage> {
  await assertCan(actor, "user.list");
  const where = {
    AND: [
      userScope(actor),
      filter.role ? { role: filter.role } : {},
      filter.q
        ? { OR: [{ username: { contains: filter.q.toLowerCase() } }, { displayName: { contains: filter.q } }] }
        : {},
    ],
  };
  const page = Math.max(1, filter.page ?? 1);
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ role: "asc" }, { username: "asc" }],
      skip: (page - 1) * USER_PAGE_SIZE,
      take: USER_PAGE_SIZE,
      select: USER_ROW_SELECT,
    }),
  ]);
  return { rows: users.map((u) => toUserRow(u)), total, page, pageCount: Math.max(1, Math.ceil(total / USER_PAGE_SIZE)) };
}

export interface AssignableUnits {
  units: { id: string; code: string; name: string; kind: UnitKind }[];
  banks: { id: string; shortName: string }[];
}

/** Units and banks an admin can assign a new user to. */
export async function listAssignableUnits(actor: Actor): Promise<AssignableUnits> {
  await assertCan(actor, "user.manage");
  return readAssignableUnits(actor);
}

/**
 * Everything the accounts page shows, in one call so that a refused look is audited once (by
 * listUsers). The units come only for those who create accounts: the security administrator sees
 * the accounts without them, and is not refused anything.
 */
export async function getUsersScreen(actor: Actor, filter: UserFilter): Promise<{ list: UserPage; assignable: AssignableUnits | null }> {
  const [list, assignable] = await Promise.all([listUsers(actor, filter), can(actor, "user.manage") ? readAssignableUnits(actor) : null]);
  return { list, assignable };
}

async function readAssignableUnits(actor: Actor): Promise<AssignableUnits> {
  const [units, banks] = await Promise.all([
    db.orgUnit.findMany({
      where: assignableUnitScope(actor),
      orderBy: [{ kind: "asc" }, { code: "asc" }],
      select: { id: true, code: true, name: true, kind: true },
    }),
    db.bank.findMany({ orderBy: { code: "asc" }, select: { id: true, shortName: true } }),
  ]);
  return { units, banks };
}
