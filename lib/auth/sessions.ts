import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_EVERY_MS } from "@/lib/auth/session-policy";

export type RevokeReason = "sign_out" | "idle" | "expired" | "deactivated" | "role_changed" | "password_reset" | "password_changed";

export async function createSession(tx: Tx, userId: string, ip: string | null, now: Date): Promise<string> {
  const session = await tx.session.create({
    data: { userId, ip, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) },
    select: { id: true },
  });
  return session.id;
}

type SessionEnd = "revoked" | "deactivated" | "expired" | "idle";

/** Why a session no longer holds at `now`, or null while it does. The one statement of the rules. */
function sessionEnd(
  session: { revokedAt: Date | null; expiresAt: Date; lastSeenAt: Date; user: { status: string } },
  now: Date,
): SessionEnd | null {
  if (session.revokedAt) return "revoked";
  if (session.user.status !== "ACTIVE") return "deactivated";
  if (now.getTime() >= session.expiresAt.getTime()) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_IDLE_MS) return "idle";
  return null;
}

/**
 * Whether a session still holds, without counting this as activity (lastSeenAt does not move):
 * for long-lived connections such as the live queue, which must not keep an abandoned session
 * alive.
 */
export async function sessionStillValid(sessionId: string, now: Date): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return false;
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { revokedAt: true, expiresAt: true, lastSeenAt: true, user: { select: { status: true } } },
  });
  return session !== null && sessionEnd(session, now) === null;
}

/**
 * Turns a session id (from the JWT) into the actor, or null when the session is unknown,
 * revoked, idle for too long, past its absolute limit, or its user is no longer active.
 * `touch`: this request is the user's activity (moves lastSeenAt, at most once a minute).
 * `now` is a parameter so tests can move the clock.
 */
export async function resolveSession(sessionId: string, now: Date, options: { touch: boolean } = { touch: true }): Promise<Actor | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      user: {
        select: {
          id: true,
          username: true,
          displayName: true,
          role: true,
          status: true,
          bankId: true,
          mustChangePassword: true,
          unit: { select: { id: true, kind: true, name: true, cityId: true, districtId: true } },
        },
      },
    },
  });
  if (!session) return null;
  const end = sessionEnd(session, now);
  if (end) {
    if (end !== "revoked") await revokeSession(session.id, end, now);
    return null;
  }
  const { user } = session;
  if (options.touch && now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_EVERY_MS) {
    await db.session.updateMany({ where: { id: session.id, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unit.id,
    unitKind: user.unit.kind,
    unitName: user.unit.name,
    cityId: user.unit.cityId,
    districtId: user.unit.districtId,
    stationId: user.unit.kind === "STATION" ? user.unit.id : null,
    bankId: user.bankId,
    sessionId: session.id,
    mustChangePassword: user.mustChangePassword,
  };
}

export async function revokeSession(
  sessionId: string,
  reason: RevokeReason,
  now = new Date(),
  client: Pick<Tx, "session"> = db,
): Promise<void> {
  await client.session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: now, revokedReason: reason },
  });
}

/** Ends every open session of a user (deactivation, role change, password reset). */
export async function revokeUserSessions(tx: Tx, userId: string, reason: RevokeReason, now = new Date()): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: now, revokedReason: reason },
  });
  return count;
}
