import "server-only";
import { db } from "@/lib/db";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/sessions";
import { LOCKOUT_MS, MAX_FAILED_LOGINS } from "@/lib/auth/session-policy";
import { recordAudit } from "@/lib/audit/record-audit";
import { addressKey, consumeRateLimit, refundRateLimit } from "@/lib/server/rate-limit";

export type SignInResult = { ok: true; userId: string; sessionId: string } | { ok: false };

/**
 * Checks a username and password. Every failure looks the same to the caller (unknown user,
 * wrong password, locked or disabled account, throttled address): the reason goes to the audit
 * trail only.
 *
 * First the address: each attempt takes a point from its allowance (RATE_LIMITS.signInByAddress)
 * and only a success gives it back. An address that has used it up is refused before any account
 * is looked up or counted, so it cannot go on locking accounts; the attempt that crosses the
 * limit is audited, later ones in the same window are not. Then the account: five wrong passwords
 * in a row lock it for 15 minutes; the counter is updated in SQL so that parallel guesses cannot
 * slip past the limit.
 */
export async function signInWithPassword(
  input: { username: string; password: string },
  context: { ip: string | null; now?: Date },
): Promise<SignInResult> {
  const now = context.now ?? new Date();
  const username = input.username.trim().toLowerCase();
  const address = addressKey(context.ip);
  const throttle = await consumeRateLimit("signInByAddress", address);
  if (!throttle.allowed) {
    if (throttle.firstRefusal) {
      await db.$transaction((tx) =>
        recordAudit(tx, null, {
          action: "auth.sign_in",
          outcome: "FAILURE",
          details: { reason: "throttled", username: username.slice(0, 64), retryAfterSeconds: throttle.retryAfterSeconds },
        }),
      );
    }
    return { ok: false };
  }

  const user = await db.user.findUnique({
    where: { username },
    select: {
      id: true,
      displayName: true,
      role: true,
      unitId: true,
      unit: { select: { cityId: true } },
      status: true,
      passwordHash: true,
      lockedUntil: true,
    },
  });

  // Verify even when the user is unknown or locked, so timing does not tell them apart.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);

  if (!user) {
    await db.$transaction((tx) =>
      recordAudit(tx, null, {
        action: "auth.sign_in",
        outcome: "FAILURE",
        details: { reason: "unknown_user", username: username.slice(0, 64) },
      }),
    );
    return { ok: false };
  }
  const subject = { userId: user.id, displayName: user.displayName, role: user.role, unitId: user.unitId, cityId: user.unit.cityId };

  if (user.status !== "ACTIVE") {
    await db.$transaction((tx) =>
      recordAudit(tx, subject, { action: "auth.sign_in", outcome: "FAILURE", entityType: "user", entityId: user.id, details: { reason: "disabled" } }),
    );
    return { ok: false };
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > now.getTime()) {
    await db.$transaction((tx) =>
      recordAudit(tx, subject, { action: "auth.sign_in", outcome: "FAILURE", entityType: "user", entityId: user.id, details: { reason: "locked" } }),
    );
    return { ok: false };
  }

  if (!passwordOk) {
    await db.$transaction(async (tx) => {
      // Atomic increment; the fifth failure sets the lock and starts a fresh count for afterwards.
      const rows = await tx.$queryRaw<{ failed_login_count: number; locked_until: Date | null }[]>`
        UPDATE app_user SET
          failed_login_count = CASE WHEN failed_login_count + 1 >= ${MAX_FAILED_LOGINS} THEN 0 ELSE failed_login_count + 1 END,
          locked_until = CASE WHEN failed_login_count + 1 >= ${MAX_FAILED_LOGINS} THEN ${new Date(now.getTime() + LOCKOUT_MS)} ELSE locked_until END,
          updated_at = ${now}
        WHERE id = ${user.id}::uuid
        RETURNING failed_login_count, locked_until`;
      const lockedNow = rows[0]?.locked_until != null && rows[0].locked_until.getTime() > now.getTime();
      await recordAudit(tx, subject, {
        action: "auth.sign_in",
        outcome: "FAILURE",
        entityType: "user",
        entityId: user.id,
        details: { reason: "bad_password" },
      });
      if (lockedNow) {
        await recordAudit(tx, subject, {
          action: "auth.lockout",
          outcome: "SUCCESS",
          entityType: "user",
          entityId: user.id,
          details: { failedAttempts: MAX_FAILED_LOGINS, lockedMinutes: LOCKOUT_MS / 60_000 },
        });
      }
    });
    return { ok: false };
  }

  const sessionId = await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { failedLoginCount: 0, lockedUntil: null },
      select: { id: true },
    });
    const id = await createSession(tx, user.id, context.ip, now);
    await recordAudit(tx, subject, { action: "auth.sign_in", outcome: "SUCCESS", entityType: "session", entityId: id });
    return id;
  });
  await refundRateLimit("signInByAddress", address);
  return { ok: true, userId: user.id, sessionId };
}
