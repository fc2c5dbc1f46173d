import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signInWithPassword } from "@/lib/server/auth/sign-in-with-password";
import { unlockUser } from "@/lib/server/users/manage-user";
import { LOCKOUT_MS, MAX_FAILED_LOGINS } from "@/lib/auth/session-policy";
import { openTestDatabase } from "../../support/test-database";
import { DEMO_PASSWORD, signInAs } from "../../support/actors";

await openTestDatabase("demo");
// Each test signs in from its own address, so that the per-address limit (sign-in-rate-limit.test.ts)
// never decides a test about the account lock.
let lastOctet = 0;
let ip = "";
beforeEach(() => {
  ip = `10.0.0.${++lastOctet}`;
});
const ctx = (now: Date) => ({ ip, now });

async function failTimes(username: string, n: number, now: Date) {
  for (let i = 0; i < n; i++) {
    expect(await signInWithPassword({ username, password: "wrong-password-1" }, ctx(now))).toEqual({ ok: false });
  }
}

describe("sign-in lockout", () => {
  it("locks after five wrong passwords; then even the right one is refused with the same answer", async () => {
    const now = new Date();
    await failTimes("analyst2", MAX_FAILED_LOGINS, now);
    const right = await signInWithPassword({ username: "analyst2", password: DEMO_PASSWORD }, ctx(new Date(now.getTime() + 1000)));
    expect(right).toEqual({ ok: false });
    const unknown = await signInWithPassword({ username: "nobody-here", password: DEMO_PASSWORD }, ctx(now));
    expect(unknown).toEqual(right); // no hint whether the account exists or is locked

    const user = await db.user.findUniqueOrThrow({ where: { username: "analyst2" } });
    expect(user.lockedUntil?.getTime()).toBe(now.getTime() + LOCKOUT_MS);
    const trail = await db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { id: "asc" } });
    expect(trail.filter((e) => e.action === "auth.sign_in" && e.outcome === "FAILURE")).toHaveLength(MAX_FAILED_LOGINS + 1);
    expect(trail.filter((e) => e.action === "auth.lockout")).toHaveLength(1);
    expect(trail.at(-1)?.details).toEqual({ reason: "locked" });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("four wrong passwords do not lock, and a success resets the count", async () => {
    const now = new Date();
    await failTimes("analyst3", MAX_FAILED_LOGINS - 1, now);
    expect((await signInWithPassword({ username: "analyst3", password: DEMO_PASSWORD }, ctx(now))).ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { username: "analyst3" } });
    expect(user.failedLoginCount).toBe(0);
    expect(user.lockedUntil).toBeNull();
  });

  it("the lock ends by itself after 15 minutes", async () => {
    const now = new Date();
    await failTimes("analyst4", MAX_FAILED_LOGINS, now);
    const justBefore = new Date(now.getTime() + LOCKOUT_MS - 1000);
    expect((await signInWithPassword({ username: "analyst4", password: DEMO_PASSWORD }, ctx(justBefore))).ok).toBe(false);
    const after = new Date(now.getTime() + LOCKOUT_MS + 1000);
    expect((await signInWithPassword({ username: "analyst4", password: DEMO_PASSWORD }, ctx(after))).ok).toBe(true);
  });

  it("parallel wrong guesses cannot slip past the limit", async () => {
    const now = new Date();
    await Promise.all(Array.from({ length: 12 }, () => signInWithPassword({ username: "analyst5", password: "nope-nope-1" }, ctx(now))));
    const user = await db.user.findUniqueOrThrow({ where: { username: "analyst5" } });
    expect(user.lockedUntil).not.toBeNull();
    expect((await signInWithPassword({ username: "analyst5", password: DEMO_PASSWORD }, ctx(now))).ok).toBe(false);
  });

  it("the security administrator's unlock lets the user in at once, and is audited", async () => {
    const now = new Date();
    await failTimes("analyst6", MAX_FAILED_LOGINS, now);
    const admin = await signInAs("secadmin");
    const target = await db.user.findUniqueOrThrow({ where: { username: "analyst6" } });
    await unlockUser(admin, { userId: target.id, version: target.version });
    expect((await signInWithPassword({ username: "analyst6", password: DEMO_PASSWORD }, ctx(now))).ok).toBe(true);
    const unlock = await db.auditEvent.findFirst({ where: { action: "user.unlock", entityId: target.id } });
    expect(unlock).toMatchObject({ actorId: admin.userId, outcome: "SUCCESS" });
  });

  it("only the security administrator unlocks: the system administrator's and an analyst's attempts are refused, audited, and change nothing", async () => {
    const now = new Date();
    await failTimes("coord.d02", MAX_FAILED_LOGINS, now);
    const target = await db.user.findUniqueOrThrow({ where: { username: "coord.d02" } });
    for (const username of ["analyst1", "admin"]) {
      const actor = await signInAs(username);
      await expect(unlockUser(actor, { userId: target.id, version: target.version })).rejects.toThrow("forbidden");
      expect(await db.auditEvent.count({ where: { action: "user.unlock", outcome: "DENIED", actorId: actor.userId } })).toBe(1);
    }
    const after = await db.user.findUniqueOrThrow({ where: { username: "coord.d02" } });
    expect(after.lockedUntil).toEqual(target.lockedUntil);
    expect(after.version).toBe(target.version);
    // Another city's security administrator does not even find the account.
    const outsider = await signInAs("lc.secadmin");
    await expect(unlockUser(outsider, { userId: target.id, version: target.version })).rejects.toThrow("notFound");
    expect(await db.auditEvent.count({ where: { action: "user.unlock", outcome: "DENIED", actorId: outsider.userId, details: { equals: { reason: "jurisdiction" } } } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { username: "coord.d02" } })).lockedUntil).toEqual(target.lockedUntil);
  });

  it("a deactivated account cannot sign in with the right password", async () => {
    const admin = await signInAs("admin");
    const target = await db.user.findUniqueOrThrow({ where: { username: "coord.d03" } });
    const { deactivateUser } = await import("@/lib/server/users/manage-user");
    await deactivateUser(admin, { userId: target.id, version: target.version });
    expect((await signInWithPassword({ username: "coord.d03", password: DEMO_PASSWORD }, ctx(new Date()))).ok).toBe(false);
  });
});
