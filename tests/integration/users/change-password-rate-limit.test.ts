// The password-change form is limited per user: a stolen session cannot be used to guess the
// current password. Past the limit even the right one waits; other users are not affected.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { RATE_LIMITS } from "@/lib/server/rate-limit";
import { changeOwnPassword } from "@/lib/server/users/change-own-password";
import { openTestDatabase } from "../../support/test-database";
import { DEMO_PASSWORD, signInAs } from "../../support/actors";

await openTestDatabase("demo");

const LIMIT = RATE_LIMITS.passwordChangeByUser.points;
const NEW_PASSWORD = "Changed2026abc";
const wrongCode = { code: "validation.currentPasswordWrong", field: "currentPassword" };
const throttledCode = { code: "validation.tooManyAttempts", field: "currentPassword" };

async function trail(userId: string): Promise<string[]> {
  const rows = await db.auditEvent.findMany({ where: { action: "user.change_password", entityId: userId }, orderBy: { id: "asc" }, select: { outcome: true, details: true } });
  return rows.map((r) => (r.outcome === "SUCCESS" ? "success" : String((r.details as { reason?: string } | null)?.reason)));
}

describe("changing one's own password, limited per user", () => {
  it("after the limit, even the right current password is refused; the throttling is audited once; others are unaffected", async () => {
    const actor = await signInAs("analyst3");
    const before = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true, version: true } });
    for (let i = 0; i < LIMIT; i++) {
      await expect(changeOwnPassword(actor, { currentPassword: `guess-${i}-abc123`, newPassword: NEW_PASSWORD })).rejects.toMatchObject(wrongCode);
    }
    await expect(changeOwnPassword(actor, { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD })).rejects.toMatchObject(throttledCode);
    await expect(changeOwnPassword(actor, { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD })).rejects.toMatchObject(throttledCode);

    expect(await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true, version: true } })).toEqual(before);
    expect(await trail(actor.userId)).toEqual([...Array<string>(LIMIT).fill("bad_current_password"), "throttled"]);

    const other = await signInAs("analyst4");
    await changeOwnPassword(other, { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD });
    expect(await trail(other.userId)).toEqual(["success"]);
  });

  it("the right current password gives its point back", async () => {
    const actor = await signInAs("analyst5");
    for (let i = 0; i < LIMIT - 1; i++) {
      await expect(changeOwnPassword(actor, { currentPassword: `guess-${i}-abc123`, newPassword: NEW_PASSWORD })).rejects.toMatchObject(wrongCode);
    }
    // Right current password (then refused for being unchanged): the point comes back.
    await expect(changeOwnPassword(actor, { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD })).rejects.toMatchObject({ code: "validation.passwordUnchanged" });
    // Without that refund this would be one attempt too many.
    await expect(changeOwnPassword(actor, { currentPassword: "one-more-guess-1", newPassword: NEW_PASSWORD })).rejects.toMatchObject(wrongCode);
    expect(await trail(actor.userId)).toEqual(Array<string>(LIMIT).fill("bad_current_password"));
  });
});
