import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record-audit";
import { ValidationError } from "@/lib/errors";
import { consumeRateLimit, refundRateLimit } from "@/lib/server/rate-limit";

/**
 * The signed-in user replaces their password; other sessions of theirs are ended. Wrong current
 * passwords are limited per user (RATE_LIMITS.passwordChangeByUser), so that someone holding a
 * stolen session cannot guess the password with it; past the limit even the right one waits.
 */
export async function changeOwnPassword(
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const throttle = await consumeRateLimit("passwordChangeByUser", actor.userId);
  if (!throttle.allowed) {
    if (throttle.firstRefusal) {
      await db.$transaction((tx) =>
        recordAudit(tx, actor, { action: "user.change_password", outcome: "FAILURE", entityType: "user", entityId: actor.userId, details: { reason: "throttled" } }),
      );
    }
    throw new ValidationError("validation.tooManyAttempts", "currentPassword");
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await db.$transaction((tx) =>
      recordAudit(tx, actor, { action: "user.change_password", outcome: "FAILURE", entityType: "user", entityId: actor.userId, details: { reason: "bad_current_password" } }),
    );
    throw new ValidationError("validation.currentPasswordWrong", "currentPassword");
  }
  await refundRateLimit("passwordChangeByUser", actor.userId);
  if (input.currentPassword === input.newPassword) throw new ValidationError("validation.passwordUnchanged", "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.userId },
      data: { passwordHash, mustChangePassword: false, version: { increment: 1 } },
      select: { id: true },
    });
    await tx.session.updateMany({
      where: { userId: actor.userId, revokedAt: null, NOT: { id: actor.sessionId ?? undefined } },
      data: { revokedAt: new Date(), revokedReason: "password_changed" },
    });
    await recordAudit(tx, actor, { action: "user.change_password", outcome: "SUCCESS", entityType: "user", entityId: actor.userId });
  });
}
