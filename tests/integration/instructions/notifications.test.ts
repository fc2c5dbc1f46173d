// The notification centre: only the users a change concerns get a row, each reads and marks only
// their own, and the live trigger names the recipient ("u:<user>") so only that user's pages
// hear of it (lib/realtime/live-scope.ts decides, as /api/live does).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { jurisdictionOf } from "@/lib/auth/jurisdiction";
import { concerns } from "@/lib/realtime/live-scope";
import { ForbiddenError } from "@/lib/errors";
import { DispatchInstructionSchema, ReportFeedbackSchema } from "@/lib/schemas/instructions";
import { dispatchInstruction } from "@/lib/server/instructions/dispatch-instruction";
import { chaseInstruction } from "@/lib/server/instructions/chase-instruction";
import { reportFeedback } from "@/lib/server/instructions/report-feedback";
import { listNotifications, countUnreadNotifications } from "@/lib/server/notifications/list-notifications";
import { markNotificationsRead } from "@/lib/server/notifications/mark-notifications-read";
import { openTestDatabase } from "../../support/test-database";
import { CITY_ACCOUNTS, INSTALLATION_ACCOUNTS } from "../../support/actors";
import { account, createInstruction, newAlertAt, unitIds } from "../../support/instruction-factory";
import { auditRowsAfter, databaseFingerprint, expectRefusal, lastAuditId } from "../../support/refusals";

const database = await openTestDatabase("demo");

let listener: pg.Client;
const received: { t: string; k: string[]; all?: boolean }[] = [];

beforeAll(async () => {
  listener = new pg.Client({ connectionString: database.url });
  await listener.connect();
  listener.on("notification", (m) => received.push(JSON.parse(m.payload!)));
  await listener.query("LISTEN live_change");
  for (const username of [...CITY_ACCOUNTS, ...INSTALLATION_ACCOUNTS, "officer.d01s02", "coord.d02", "lc.officer.l01s01", "analyst2"]) await account(username);
});
afterAll(async () => {
  await listener.end();
});

/** The live notifications `write` caused (a round trip on the listener drains before and collects after). */
async function liveChangesOf(write: () => Promise<unknown>): Promise<typeof received> {
  await listener.query("SELECT 1");
  received.length = 0;
  await write();
  await listener.query("SELECT 1");
  return [...received];
}

/** The notification rows `write` added, as "username kind". */
async function rowsAddedBy(write: () => Promise<unknown>): Promise<string[]> {
  const before = new Set((await db.notification.findMany({ select: { id: true } })).map((n) => n.id));
  await write();
  const after = await db.notification.findMany({ select: { id: true, kind: true, user: { select: { username: true } } } });
  return after.filter((n) => !before.has(n.id)).map((n) => `${n.user.username} ${n.kind}`).sort();
}

describe("who is notified", () => {
  it("each step notifies the unit it concerns and nobody else, never the one who acted", async () => {
    const analyst = await account("analyst1");
    const coordinator = await account("coord.d01");
    const officer = await account("officer.d01s01");
    const { stationId, districtId } = await unitIds("D01S01");

    const alertId = await newAlertAt("D01S01");
    let instructionId = "";
    expect(
      await rowsAddedBy(async () => {
        ({ instructionId } = await dispatchInstruction(analyst, DispatchInstructionSchema.parse({ alertId, kind: "DOOR_VISIT", stationId })));
      }),
    ).toEqual(["officer.d01s01 INSTRUCTION_NEW"]);

    expect(await rowsAddedBy(() => chaseInstruction(coordinator, { instructionId }))).toEqual(["officer.d01s01 INSTRUCTION_CHASED"]);

    // A coordinator chasing what waits at its own district does not notify itself.
    const atDistrict = await createInstruction("AT_DISTRICT");
    expect(await rowsAddedBy(() => chaseInstruction(coordinator, { instructionId: atDistrict.instructionId }))).toEqual([]);
    expect(await rowsAddedBy(() => chaseInstruction(analyst, { instructionId: atDistrict.instructionId }))).toEqual(["coord.d01 INSTRUCTION_CHASED"]);

    // The feedback goes to the analyst who issued it, not to every analyst.
    const onSite = await createInstruction("ON_SITE", { analyst: "analyst2" });
    expect(
      await rowsAddedBy(() =>
        reportFeedback(officer, ReportFeedbackSchema.parse({ instructionId: onSite.instructionId, version: onSite.version, outcome: "NOT_FOUND_YET", metPerson: "no", note: "无人在家" })),
      ),
    ).toEqual(["analyst2 INSTRUCTION_REPORTED"]);
    expect(districtId).toBe(onSite.districtId);
  });

  it("a deactivated officer is not notified", async () => {
    const neighbour = await db.user.findUniqueOrThrow({ where: { username: "officer.d01s02" } });
    await db.user.update({ where: { id: neighbour.id }, data: { status: "DISABLED" } });
    try {
      const { stationId } = await unitIds("D01S02");
      const alertId = await newAlertAt("D01S02");
      const analyst = await account("analyst1");
      expect(await rowsAddedBy(() => dispatchInstruction(analyst, DispatchInstructionSchema.parse({ alertId, kind: "DOOR_VISIT", stationId })))).toEqual([]);
    } finally {
      await db.user.update({ where: { id: neighbour.id }, data: { status: "ACTIVE" } });
    }
  });
});

describe("reading one's own notifications", () => {
  it("lists and counts one's own only; marking touches one's own only", async () => {
    const officer = await account("officer.d01s01");
    const neighbour = await account("officer.d01s02");
    await createInstruction("AT_STATION");
    await createInstruction("AT_STATION");
    await createInstruction("AT_STATION", { stationCode: "D01S02" });

    const mine = await listNotifications(officer);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(await db.notification.count({ where: { id: { in: mine.items.map((n) => n.id) }, NOT: { userId: officer.userId } } })).toBe(0);
    expect(mine.unread).toBe(await db.notification.count({ where: { userId: officer.userId, readAt: null } }));
    const theirs = await listNotifications(neighbour);
    expect(theirs.unread).toBeGreaterThan(0);

    // Someone else's notification by id: nothing to mark, nothing written, nothing leaked.
    const before = await databaseFingerprint();
    const last = await lastAuditId();
    expect(await markNotificationsRead(officer, { notificationId: theirs.items[0]!.id })).toEqual({ marked: 0 });
    // Nor is an id that is not even an id (a crafted request) an error.
    expect(await markNotificationsRead(officer, { notificationId: "1 OR 1=1" })).toEqual({ marked: 0 });
    expect(await auditRowsAfter(last)).toEqual([]);
    expect(await databaseFingerprint()).toEqual(before);

    // One of one's own, then all: audited with the count; the neighbour's stay unread.
    expect(await markNotificationsRead(officer, { notificationId: mine.items[0]!.id })).toEqual({ marked: 1 });
    const rest = await countUnreadNotifications(officer);
    expect(await markNotificationsRead(officer, {})).toEqual({ marked: rest });
    expect(await countUnreadNotifications(officer)).toBe(0);
    expect(await countUnreadNotifications(neighbour)).toBe(theirs.unread);
    const audit = (await auditRowsAfter(last)).map((r) => [r.actorId, r.action, r.details]);
    expect(audit).toEqual([
      [officer.userId, "notification.read", { marked: 1 }],
      [officer.userId, "notification.read", { marked: rest }],
    ]);
  });

  it("the wall screen has no notification centre", async () => {
    const wall = await account("wall");
    await expectRefusal("wall lists", wall, () => listNotifications(wall), { error: ForbiddenError, reason: "role" });
    await expectRefusal("wall marks", wall, () => markNotificationsRead(wall, {}), { error: ForbiddenError, reason: "role" });
  });
});

describe("live: a notification reaches its recipient's pages only", () => {
  it("the trigger names the recipient, and /api/live's rule passes it to that user alone", async () => {
    const analyst = await account("analyst1");
    const { stationId } = await unitIds("D01S01");
    const alertId = await newAlertAt("D01S01");
    const officer = await account("officer.d01s01");
    const changes = await liveChangesOf(() => dispatchInstruction(analyst, DispatchInstructionSchema.parse({ alertId, kind: "DOOR_VISIT", stationId })));
    const note = changes.find((c) => c.t === "notification")!;
    expect(note).toEqual({ t: "notification", k: [`c:${officer.cityId}`, `u:${officer.userId}`].sort() });
    // The instruction itself is a unit change (city, district, station), like an alert.
    expect(changes.find((c) => c.t === "instruction")!.k).toEqual([`c:${officer.cityId}`, `d:${officer.districtId}`, `s:${officer.stationId}`].sort());

    const change = { topic: note.t, keys: note.k, all: note.all ?? false };
    const everyone: Actor[] = await Promise.all([...CITY_ACCOUNTS, ...INSTALLATION_ACCOUNTS, "officer.d01s02", "coord.d02", "lc.officer.l01s01", "analyst2"].map(account));
    const reached = everyone.filter((a) => concerns(change, jurisdictionOf(a), a.userId)).map((a) => a.username);
    expect(reached).toEqual(["officer.d01s01"]);

    // Reading it is a change of the same user's rows, heard by that user only too.
    const read = await liveChangesOf(() => markNotificationsRead(officer, {}));
    expect(read).toEqual([{ t: "notification", k: [`c:${officer.cityId}`, `u:${officer.userId}`].sort() }]);
  });

  it("a batch of notifications too large to name its recipients reaches every reader of its city, and no other city's", async () => {
    const city = await db.orgUnit.findFirstOrThrow({ where: { kind: "CITY", code: "JZ" }, select: { id: true } });
    const template = await db.user.findUniqueOrThrow({ where: { username: "officer.d01s01" } });
    // 250 recipients (≈ 40 bytes each) do not fit in one payload.
    await db.user.createMany({
      data: Array.from({ length: 250 }, (_, i) => ({ username: `bulk.${i}`, displayName: `民警${i}`, role: "STATION_OFFICER" as const, unitId: template.unitId, passwordHash: template.passwordHash })),
    });
    const users = await db.user.findMany({ where: { username: { startsWith: "bulk." } }, select: { id: true } });
    const [note, ...more] = await liveChangesOf(() => db.notification.createMany({ data: users.map((u) => ({ cityId: city.id, userId: u.id, kind: "INSTRUCTION_OVERDUE" as const })) }));
    expect(more).toEqual([]);
    expect(note).toEqual({ t: "notification", k: [`c:${city.id}`], all: true });
    const change = { topic: note!.t, keys: note!.k, all: true };
    for (const username of ["officer.d01s01", "coord.d02", "analyst1"]) {
      const a = await account(username);
      expect(concerns(change, jurisdictionOf(a), a.userId), username).toBe(true);
    }
    const other = await account("lc.officer.l01s01");
    expect(concerns(change, jurisdictionOf(other), other.userId)).toBe(false);
  });
});
