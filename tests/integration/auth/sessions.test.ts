import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signInWithPassword } from "@/lib/server/auth/sign-in-with-password";
import { resolveSession, revokeSession } from "@/lib/auth/sessions";
import { changeUserRole, deactivateUser, resetUserPassword } from "@/lib/server/users/manage-user";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "@/lib/auth/session-policy";
import { openTestDatabase } from "../../support/test-database";
import { DEMO_PASSWORD, signInAs } from "../../support/actors";

await openTestDatabase("demo");
const MIN = 60_000;

async function openSession(username: string, at: Date): Promise<string> {
  const result = await signInWithPassword({ username, password: DEMO_PASSWORD }, { ip: null, now: at });
  if (!result.ok) throw new Error("sign-in failed");
  return result.sessionId;
}

const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);

describe("sessions (with a fake clock)", () => {
  it("stay alive while used and end after 30 idle minutes", async () => {
    const t0 = new Date();
    const sid = await openSession("analyst1", t0);
    expect(await resolveSession(sid, plus(t0, 29 * MIN))).not.toBeNull();
    // Activity moved lastSeenAt, so another 29 minutes is still fine…
    expect(await resolveSession(sid, plus(t0, 58 * MIN))).not.toBeNull();
    // …but 30 minutes without a request ends it, for good.
    expect(await resolveSession(sid, plus(t0, 58 * MIN + SESSION_IDLE_MS))).toBeNull();
    expect(await resolveSession(sid, plus(t0, 59 * MIN))).toBeNull();
    const row = await db.session.findUniqueOrThrow({ where: { id: sid } });
    expect(row.revokedReason).toBe("idle");
  });

  it("end after 12 hours even when used all day", async () => {
    const t0 = new Date();
    const sid = await openSession("analyst1", t0);
    let at = t0;
    for (let i = 0; i < 12 * 3 - 1; i++) {
      at = plus(at, 20 * MIN);
      expect(await resolveSession(sid, at)).not.toBeNull();
    }
    expect(await resolveSession(sid, plus(t0, SESSION_ABSOLUTE_MS))).toBeNull();
    expect((await db.session.findUniqueOrThrow({ where: { id: sid } })).revokedReason).toBe("expired");
  });

  it("end at sign-out", async () => {
    const sid = await openSession("leader", new Date());
    await revokeSession(sid, "sign_out");
    expect(await resolveSession(sid, new Date())).toBeNull();
  });

  it("end for every device when an admin deactivates the user", async () => {
    const now = new Date();
    const a = await openSession("officer.d01s01", now);
    const b = await openSession("officer.d01s01", now);
    const admin = await signInAs("admin");
    const user = await db.user.findUniqueOrThrow({ where: { username: "officer.d01s01" } });
    await deactivateUser(admin, { userId: user.id, version: user.version });
    expect(await resolveSession(a, now)).toBeNull();
    expect(await resolveSession(b, now)).toBeNull();
  });

  it("end when the role changes, so new rights apply at once", async () => {
    const now = new Date();
    const sid = await openSession("officer.d01s02", now);
    const before = await resolveSession(sid, now);
    expect(before?.role).toBe("STATION_OFFICER");
    const admin = await signInAs("admin");
    const user = await db.user.findUniqueOrThrow({ where: { username: "officer.d01s02" } });
    const district = await db.orgUnit.findUniqueOrThrow({ where: { code: "D01" } });
    await changeUserRole(admin, { userId: user.id, version: user.version }, { role: "DISTRICT_COORDINATOR", unitId: district.id });
    expect(await resolveSession(sid, now)).toBeNull();
    const fresh = await signInAs("officer.d01s02");
    expect(fresh.role).toBe("DISTRICT_COORDINATOR");
    expect(fresh.districtId).toBe(district.id);
  });

  it("end when an admin resets the password, and the user must change it", async () => {
    const now = new Date();
    const sid = await openSession("bank.icbc", now);
    const admin = await signInAs("admin");
    const user = await db.user.findUniqueOrThrow({ where: { username: "bank.icbc" } });
    const temporary = await resetUserPassword(admin, { userId: user.id, version: user.version });
    expect(await resolveSession(sid, now)).toBeNull();
    const result = await signInWithPassword({ username: "bank.icbc", password: temporary }, { ip: null, now });
    expect(result.ok).toBe(true);
    const actor = result.ok ? await resolveSession(result.sessionId, now) : null;
    expect(actor?.mustChangePassword).toBe(true);
  });

  it("reject ids that are not ours", async () => {
    expect(await resolveSession("not-a-uuid", new Date())).toBeNull();
    expect(await resolveSession("00000000-0000-4000-8000-000000000000", new Date())).toBeNull();
  });
});
