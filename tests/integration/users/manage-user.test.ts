import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser, deactivateUser, resetUserPassword } from "@/lib/server/users/manage-user";
import { listUsers } from "@/lib/server/users/list-users";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { openTestDatabase } from "../../support/test-database";
import { signInAs } from "../../support/actors";

await openTestDatabase("demo");

describe("user administration", () => {
  it("creates a user with its audit row in the same transaction", async () => {
    const admin = await signInAs("admin");
    const station = await db.orgUnit.findUniqueOrThrow({ where: { code: "D02S01" } });
    const { id } = await createUser(admin, {
      username: "officer.new",
      displayName: "李新民",
      role: "STATION_OFFICER",
      unitId: station.id,
      password: "Start2026abc",
    });
    const user = await db.user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ role: "STATION_OFFICER", unitId: station.id, mustChangePassword: true, status: "ACTIVE" });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.create", entityId: id } });
    expect(audit).toMatchObject({ actorId: admin.userId, outcome: "SUCCESS" });
    expect(JSON.stringify(audit.details)).not.toContain("Start2026abc");
  });

  it("refuses a unit that does not fit the role, a duplicate username, and a liaison without a bank; nothing is written", async () => {
    const admin = await signInAs("admin");
    const district = await db.orgUnit.findUniqueOrThrow({ where: { code: "D02" } });
    const city = await db.orgUnit.findFirstOrThrow({ where: { kind: "CITY", code: "JZ" } });
    const before = await db.user.count();
    await expect(createUser(admin, { username: "x.one", displayName: "王一", role: "STATION_OFFICER", unitId: district.id, password: "Start2026abc" })).rejects.toMatchObject({ code: "validation.unitDoesNotFitRole", field: "unitId" });
    await expect(createUser(admin, { username: "analyst1", displayName: "王一", role: "ANALYST", unitId: city.id, password: "Start2026abc" })).rejects.toMatchObject({ code: "validation.usernameTaken" });
    await expect(createUser(admin, { username: "x.bank", displayName: "王一", role: "BANK_LIAISON", unitId: city.id, password: "Start2026abc" })).rejects.toBeInstanceOf(ValidationError);
    expect(await db.user.count()).toBe(before);
  });

  it("refuses a stale version with a conflict, and changes nothing", async () => {
    const admin = await signInAs("admin");
    const target = await db.user.findUniqueOrThrow({ where: { username: "coord.d05" } });
    await resetUserPassword(admin, { userId: target.id, version: target.version });
    await expect(deactivateUser(admin, { userId: target.id, version: target.version })).rejects.toBeInstanceOf(ConflictError);
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("ACTIVE");
  });

  it("only admins manage users", async () => {
    for (const username of ["leader", "analyst1", "coord.d01", "officer.d01s01", "bank.abc"]) {
      const actor = await signInAs(username);
      await expect(listUsers(actor, {})).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
