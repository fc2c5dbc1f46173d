// Every domain function on accounts, tried by every role, and by administrators of another city
// (临川, lc.*) or of a city on the installation's accounts. One row of a table per function: the
// roles that may call it, the state its account must be in, the call. A refusal must leave one
// audit row and nothing else; whoever may, is served the same call on a fresh account.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/prisma/generated/client/enums";
import { listAssignableUnits, listUsers } from "@/lib/server/users/list-users";
import { changeUserRole, createUser, deactivateUser, reactivateUser, resetUserPassword, unlockUser } from "@/lib/server/users/manage-user";
import { changeOwnPassword } from "@/lib/server/users/change-own-password";
import { openTestDatabase } from "../../support/test-database";
import { CITY_ACCOUNTS, DEMO_PASSWORD, INSTALLATION_ACCOUNTS, signInAll } from "../../support/actors";
import { auditRowsAfter, databaseFingerprint, expectListedWithout, expectOtherRolesRefused, expectOutsiderRefused, lastAuditId, type RefusalRow } from "../../support/refusals";

await openTestDatabase("demo");

const SYSTEM_ADMINS: readonly Role[] = ["SYSTEM_ADMIN"];
const USER_READERS: readonly Role[] = ["SYSTEM_ADMIN", "SECURITY_ADMIN"];
const SECURITY_ADMINS: readonly Role[] = ["SECURITY_ADMIN"];

type Place = "city" | "installation";
type State = "active" | "disabled" | "locked";

/** A fresh account made for one call: an officer of 江州's D01S01, or an installation auditor. */
interface Target {
  userId: string;
  version: number;
  username: string;
  unitId: string;
}

interface Row extends RefusalRow<Target> {
  state: State;
}

let actors: Record<string, Actor>;
let units: { station: string; otherStation: string; installation: string };

async function prepare(state: State, place: Place): Promise<Target> {
  const username = `t.${randomUUID().slice(0, 8)}`;
  // The demo accounts' hash: a fresh account without a costly hash of its own.
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { username: "analyst1" }, select: { passwordHash: true } });
  const unitId = place === "city" ? units.station : units.installation;
  const user = await db.user.create({
    data: {
      username,
      displayName: "测试账号",
      role: place === "city" ? "STATION_OFFICER" : "AUDIT_ADMIN",
      unitId,
      passwordHash,
      status: state === "disabled" ? "DISABLED" : "ACTIVE",
      lockedUntil: state === "locked" ? new Date(Date.now() + 10 * 60_000) : null,
    },
    select: { id: true, version: true },
  });
  return { userId: user.id, version: user.version, username, unitId };
}

const RECORD_ROWS: Row[] = [
  { name: "deactivateUser", allowed: SYSTEM_ADMINS, state: "active", call: (a, t) => deactivateUser(a, t) },
  { name: "reactivateUser", allowed: SYSTEM_ADMINS, state: "disabled", call: (a, t) => reactivateUser(a, t) },
  { name: "changeUserRole", allowed: SYSTEM_ADMINS, state: "active", call: (a, t) => changeUserRole(a, t, { role: "STATION_OFFICER", unitId: units.otherStation }) },
  { name: "unlockUser", allowed: SECURITY_ADMINS, state: "locked", call: (a, t) => unlockUser(a, t) },
  { name: "resetUserPassword", allowed: SYSTEM_ADMINS, state: "active", call: (a, t) => resetUserPassword(a, t) },
];

/** Listings answer with ids; `key` is the id of the target that those who may see it find there. */
const LIST_ROWS = [
  { name: "listUsers", allowed: USER_READERS, key: (t: Target) => t.userId, listed: async (a: Actor, t: Target) => (await listUsers(a, { q: t.username })).rows.map((r) => r.id) },
  { name: "listAssignableUnits", allowed: SYSTEM_ADMINS, key: (t: Target) => t.unitId, listed: async (a: Actor) => (await listAssignableUnits(a)).units.map((u) => u.id) },
];

const newUser = (unitId: string) => ({ username: `n.${randomUUID().slice(0, 8)}`, displayName: "新建账号", role: "STATION_OFFICER" as const, unitId, password: "Start2026abc" });

beforeAll(async () => {
  actors = await signInAll([...CITY_ACCOUNTS, ...INSTALLATION_ACCOUNTS, "lc.admin", "lc.secadmin"]);
  const unit = async (where: { code: string } | { kind: "INSTALLATION" }) => (await db.orgUnit.findFirstOrThrow({ where, select: { id: true } })).id;
  units = { station: await unit({ code: "D01S01" }), otherStation: await unit({ code: "D01S02" }), installation: await unit({ kind: "INSTALLATION" }) };
});

describe("account functions refuse every role they are not for", () => {
  const everyone = () => [...CITY_ACCOUNTS, ...INSTALLATION_ACCOUNTS].map((u) => actors[u]!);

  it.each(RECORD_ROWS.map((row) => [row.name, row] as const))("%s", async (_, row) => {
    const t = await prepare(row.state, "city");
    const served = await expectOtherRolesRefused(row.name, everyone(), row.allowed, (a) => row.call(a, t), t.userId);
    // The city's administrator and the installation's (who sets up cities) are served, each on a fresh account.
    expect(served).toHaveLength(2);
    for (const actor of served) await row.call(actor, await prepare(row.state, "city"));
  });

  it("createUser", async () => {
    const served = await expectOtherRolesRefused("createUser", everyone(), SYSTEM_ADMINS, (a) => createUser(a, newUser(units.station)));
    expect(served.map((a) => a.username)).toEqual(["admin", "prov.admin"]);
    for (const actor of served) await createUser(actor, newUser(units.station));
  });

  it.each(LIST_ROWS.map((row) => [row.name, row] as const))("%s", async (_, row) => {
    const t = await prepare("active", "city");
    const served = await expectOtherRolesRefused(row.name, everyone(), row.allowed, (a) => row.listed(a, t));
    for (const actor of served) expect(await row.listed(actor, t), actor.username).toContain(row.key(t));
  });

  it("changeOwnPassword: every role changes its own password (here and back again)", async () => {
    for (const actor of [...everyone(), actors["lc.admin"]!]) {
      const last = await lastAuditId();
      await changeOwnPassword(actor, { currentPassword: DEMO_PASSWORD, newPassword: "Interim2026pw" });
      await changeOwnPassword(actor, { currentPassword: "Interim2026pw", newPassword: DEMO_PASSWORD });
      const rows = await auditRowsAfter(last);
      expect(rows.map((r) => [r.actorId, r.action, r.outcome, r.entityId]), actor.username).toEqual([
        [actor.userId, "user.change_password", "SUCCESS", actor.userId],
        [actor.userId, "user.change_password", "SUCCESS", actor.userId],
      ]);
    }
  });
});

/** An administrator outside the account's jurisdiction, and one inside it who is served the same call. */
const OUTSIDERS = [
  { outsider: "lc.admin", place: "city", insider: "admin", where: "an account of the other city" },
  { outsider: "lc.secadmin", place: "city", insider: "secadmin", where: "an account of the other city" },
  { outsider: "admin", place: "installation", insider: "prov.admin", where: "an installation account" },
  { outsider: "secadmin", place: "installation", insider: "prov.secadmin", where: "an installation account" },
] as const;

describe("outside the jurisdiction an account does not exist", () => {
  it.each(OUTSIDERS.map((c) => [c.outsider, c.where, c] as const))("%s on %s: not found, audited, nothing changed", async (_, __, c) => {
    const rows = RECORD_ROWS.map((row) => ({ ...row, prepare: () => prepare(row.state, c.place) }));
    await expectOutsiderRefused(rows, { outsider: actors[c.outsider]!, insider: actors[c.insider]! }, (t) => t.userId);
  });

  it.each(OUTSIDERS.map((c) => [c.outsider, c.where, c] as const))("%s does not list %s or its unit", async (_, __, c) => {
    const outsider = actors[c.outsider]!;
    for (const row of LIST_ROWS.filter((r) => r.allowed.includes(outsider.role))) {
      const t = await prepare("active", c.place);
      await expectListedWithout(`${c.outsider} ${row.name}`, () => row.listed(outsider, t), [row.key(t)]);
      expect(await row.listed(actors[c.insider]!, t), `${c.insider} ${row.name}`).toContain(row.key(t));
    }
  });

  it("a city's administrators list and assign only their city's accounts and units", async () => {
    const before = await databaseFingerprint();
    for (const username of ["lc.admin", "lc.secadmin"]) {
      const actor = actors[username]!;
      const { rows, total } = await listUsers(actor, {});
      expect(rows.length, username).toBeGreaterThan(0);
      expect(total, username).toBe(await db.user.count({ where: { unit: { cityId: actor.cityId } } }));
    }
    const { units: assignable } = await listAssignableUnits(actors["lc.admin"]!);
    expect(await db.orgUnit.count({ where: { id: { in: assignable.map((u) => u.id) }, NOT: { cityId: actors["lc.admin"]!.cityId } } })).toBe(0);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("a unit of another city is as unknown as one that does not exist: no account is created or moved there", async () => {
    const outsider = actors["lc.admin"]!;
    const theirs = await db.user.findUniqueOrThrow({ where: { username: "lc.officer.l01s01" }, select: { id: true, version: true } });
    const before = await databaseFingerprint();
    const last = await lastAuditId();
    for (const unitId of [units.station, randomUUID()]) {
      await expect(createUser(outsider, newUser(unitId))).rejects.toMatchObject({ code: "validation.unknownUnit", field: "unitId" });
      await expect(changeUserRole(outsider, { userId: theirs.id, version: theirs.version }, { role: "STATION_OFFICER", unitId })).rejects.toMatchObject({ code: "validation.unknownUnit" });
    }
    expect(await auditRowsAfter(last)).toEqual([]);
    expect(await databaseFingerprint()).toEqual(before);
  });
});
