import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assignableUnitScope, userScope } from "@/lib/auth/permissions";
import { assertCan } from "@/lib/auth/authorize";
import { USER_ROW_SELECT, toUserRow, type UserRow } from "@/lib/server/users/user-dto";
import type { Role } from "@/prisma/generated/client/enums";

export const USER_PAGE_SIZE = 50;

export async function listUsers(
  actor: Actor,
  filter: { q?: string; role?: Role; page?: number },
): Promise<{ rows: UserRow[]; total: number; page: number; pageCount: number }> {
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

/** Units and banks an admin can assign a new user to. */
export async function listAssignableUnits(actor: Actor) {
  await assertCan(actor, "user.manage");
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
