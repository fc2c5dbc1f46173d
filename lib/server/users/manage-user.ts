import "server-only";
import { createWithAudit } from "@/lib/server/create-with-audit";
import { randomInt } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assignableUnitScope, userScope, type Action } from "@/lib/auth/permissions";
import { assertCan } from "@/lib/auth/authorize";
import { findInScope } from "@/lib/auth/find-in-scope";
import { hashPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { CreateUserInput } from "@/lib/schemas/users";
import type { Prisma } from "@/prisma/generated/client/client";
import type { Role, UnitKind } from "@/prisma/generated/client/enums";

/** The unit kinds each role may belong to: jurisdiction follows from the unit. */
const UNIT_KINDS_FOR_ROLE: Record<Role, readonly UnitKind[]> = {
  ANALYST: ["CITY"],
  SUPERVISOR: ["CITY"],
  BANK_LIAISON: ["CITY"],
  DISPLAY: ["CITY"],
  SYSTEM_ADMIN: ["CITY", "INSTALLATION"],
  SECURITY_ADMIN: ["CITY", "INSTALLATION"],
  AUDIT_ADMIN: ["CITY", "INSTALLATION"],
  DISTRICT_COORDINATOR: ["DISTRICT"],
  STATION_OFFICER: ["STATION"],
};

/** A unit the admin may assign, fitting the role; a unit id from the client is never trusted. */
async function requireUnitFor(
  actor: Actor,
  input: { role: Role; unitId: string; bankId?: string },
  client: Pick<Tx, "orgUnit" | "bank"> = db,
): Promise<{ id: string; bankId: string | null }> {
  const unit = await client.orgUnit.findFirst({ where: { AND: [{ id: input.unitId }, assignableUnitScope(actor)] }, select: { id: true, kind: true } });
  if (!unit) throw new ValidationError("validation.unknownUnit", "unitId");
  if (!UNIT_KINDS_FOR_ROLE[input.role].includes(unit.kind)) throw new ValidationError("validation.unitDoesNotFitRole", "unitId");
  if (input.role !== "BANK_LIAISON") return { id: unit.id, bankId: null };
  if (!input.bankId || !(await client.bank.findUnique({ where: { id: input.bankId }, select: { id: true } }))) {
    throw new ValidationError("validation.bankRequired", "bankId");
  }
  return { id: unit.id, bankId: input.bankId };
}

export async function createUser(actor: Actor, input: CreateUserInput): Promise<{ id: string }> {
  await assertCan(actor, "user.manage", { type: "user" });
  const unit = await requireUnitFor(actor, input);
  const passwordHash = await hashPassword(input.password);
  return createWithAudit(
    actor,
    { action: "user.create", entityType: "user", details: () => ({ username: input.username, role: input.role, unitId: unit.id }) },
    { code: "validation.usernameTaken", field: "username" },
    (tx) =>
      tx.user.create({
        data: {
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          unitId: unit.id,
          bankId: unit.bankId,
          passwordHash,
          // Whoever chose the first password is not its owner.
          mustChangePassword: true,
        },
        select: { id: true },
      }),
  );
}

/**
 * Loads the target inside the admin's scope (outside it: "not found", and the attempt is
 * audited), checks the version the admin saw, applies `change` and writes the audit row, all in
 * one transaction.
 */
async function changeUser(
  actor: Actor,
  permission: Action,
  target: { userId: string; version: number },
  action: string,
  change: (tx: Tx, userId: string) => Promise<Prisma.InputJsonValue | undefined>,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await findInScope(actor, permission, { type: "user", id: target.userId }, {
      find: () => tx.user.findFirst({ where: { AND: [{ id: target.userId }, userScope(actor)] }, select: { id: true, version: true } }),
      exists: async () => (await tx.user.count({ where: { id: target.userId } })) > 0,
    });
    const bumped = await tx.user.updateMany({
      where: { id: user.id, version: target.version },
      data: { version: { increment: 1 } },
    });
    if (bumped.count === 0) throw new ConflictError("userChanged");
    const details = await change(tx, user.id);
    await recordAudit(tx, actor, { action, outcome: "SUCCESS", entityType: "user", entityId: user.id, details });
  });
}

export async function deactivateUser(actor: Actor, target: { userId: string; version: number }): Promise<void> {
  await assertCan(actor, "user.manage", { type: "user", id: target.userId });
  if (target.userId === actor.userId) throw new ValidationError("validation.cannotDeactivateSelf");
  await changeUser(actor, "user.manage", target, "user.deactivate", async (tx, userId) => {
    await tx.user.update({ where: { id: userId }, data: { status: "DISABLED" }, select: { id: true } });
    const revoked = await revokeUserSessions(tx, userId, "deactivated");
    return { sessionsRevoked: revoked };
  });
}

export async function reactivateUser(actor: Actor, target: { userId: string; version: number }): Promise<void> {
  await assertCan(actor, "user.manage", { type: "user", id: target.userId });
  await changeUser(actor, "user.manage", target, "user.reactivate", async (tx, userId) => {
    await tx.user.update({ where: { id: userId }, data: { status: "ACTIVE" }, select: { id: true } });
    return undefined;
  });
}

/** Moves a user to another role or unit; their sessions end so the new rights apply at once. */
export async function changeUserRole(
  actor: Actor,
  target: { userId: string; version: number },
  input: { role: Role; unitId: string; bankId?: string },
): Promise<void> {
  await assertCan(actor, "user.manage", { type: "user", id: target.userId });
  if (target.userId === actor.userId) throw new ValidationError("validation.cannotChangeOwnRole");
  // The account is looked up first: one outside the admin's scope is "not found" (and audited)
  // whatever unit the request names.
  await changeUser(actor, "user.manage", target, "user.change_role", async (tx, userId) => {
    const unit = await requireUnitFor(actor, input, tx);
    await tx.user.update({ where: { id: userId }, data: { role: input.role, unitId: unit.id, bankId: unit.bankId }, select: { id: true } });
    const revoked = await revokeUserSessions(tx, userId, "role_changed");
    return { role: input.role, unitId: unit.id, sessionsRevoked: revoked };
  });
}

/** Lifts a lockout: the security administrator's job (三权分立). */
export async function unlockUser(actor: Actor, target: { userId: string; version: number }): Promise<void> {
  await assertCan(actor, "user.unlock", { type: "user", id: target.userId });
  await changeUser(actor, "user.unlock", target, "user.unlock", async (tx, userId) => {
    await tx.user.update({ where: { id: userId }, data: { lockedUntil: null, failedLoginCount: 0 }, select: { id: true } });
    return undefined;
  });
}

/** Sets a one-time password shown once to the admin; the user must change it at next sign-in. */
export async function resetUserPassword(actor: Actor, target: { userId: string; version: number }): Promise<string> {
  // The role check comes before the costly hash: anyone else is refused without making the server work.
  await assertCan(actor, "user.manage", { type: "user", id: target.userId });
  const temporary = temporaryPassword();
  const passwordHash = await hashPassword(temporary);
  await changeUser(actor, "user.manage", target, "user.reset_password", async (tx, userId) => {
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, mustChangePassword: true, lockedUntil: null, failedLoginCount: 0 },
      select: { id: true },
    });
    const revoked = await revokeUserSessions(tx, userId, "password_reset");
    return { sessionsRevoked: revoked };
  });
  return temporary;
}

/** No look-alike characters (0/O, 1/l/I): it is read off a screen and typed by hand. */
function temporaryPassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  let out = "";
  for (let i = 0; i < 12; i++) out += alphabet[randomInt(alphabet.length)];
  // Guarantee the letter + digit rule of NewPasswordSchema.
  return out.slice(0, 10) + "k" + String(randomInt(2, 10));
}
