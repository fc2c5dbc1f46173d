// The notification centre: each user reads only their own notifications, in words, with the
// instruction they name read within the user's jurisdiction; opening one marks it read and leads
// to the instruction only while the user's unit still holds it.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { dispatchInstruction } from "@/lib/server/instructions/dispatch-instruction";
import { declineInstruction } from "@/lib/server/instructions/decline-instruction";
import { getNotificationCentre } from "@/lib/server/notifications/get-notification-centre";
import { openNotification } from "@/lib/server/notifications/open-notification";
import { countUnreadNotifications } from "@/lib/server/notifications/list-notifications";
import { DeclineInstructionSchema, DispatchInstructionSchema } from "@/lib/schemas/instructions";
import { openTestDatabase } from "../../support/test-database";
import { signInAll } from "../../support/actors";
import { createNewAlerts } from "../../support/alert-factory";
import { databaseFingerprint, expectRefusal, lastAuditId, auditRowsAfter } from "../../support/refusals";

await openTestDatabase("demo");

let actors: Record<string, Actor>;
const a = (username: string) => actors[username]!;
let stationId: string;

beforeAll(async () => {
  actors = await signInAll(["analyst1", "officer.d01s01", "officer.d01s02", "coord.d01", "lc.officer.l01s01", "wall"]);
  stationId = (await db.orgUnit.findUniqueOrThrow({ where: { code: "D01S01" }, select: { id: true } })).id;
});

async function dispatchToStation(): Promise<string> {
  const [alertId] = await createNewAlerts(1, { stationCode: "D01S01", riskLevel: "URGENT" });
  return (await dispatchInstruction(a("analyst1"), DispatchInstructionSchema.parse({ alertId, kind: "DOOR_VISIT", stationId }))).instructionId;
}

/** The newest notification of a user about an instruction. */
async function notificationOf(username: string, instructionId: string) {
  return db.notification.findFirst({ where: { userId: a(username).userId, instructionId }, orderBy: { createdAt: "desc" }, select: { id: true, kind: true, readAt: true } });
}

describe("the notification centre", () => {
  it("the station's officer is told of a new instruction, in words; nobody else at another station or city", async () => {
    const instructionId = await dispatchToStation();
    const centre = await getNotificationCentre(a("officer.d01s01"));
    const item = centre.items.find((i) => i.instructionId === instructionId);
    expect(item).toMatchObject({ kind: "INSTRUCTION_NEW", read: false, instruction: { kind: "DOOR_VISIT", riskLevel: "URGENT", unitName: expect.stringContaining("·") } });
    expect(centre.unread).toBe(await countUnreadNotifications(a("officer.d01s01")));
    for (const other of ["officer.d01s02", "lc.officer.l01s01", "analyst1"]) {
      expect((await getNotificationCentre(a(other))).items.map((i) => i.instructionId), other).not.toContain(instructionId);
    }
  });

  it("opening it marks it read and leads to the instruction; the unread count falls by one", async () => {
    const instructionId = await dispatchToStation();
    const note = await notificationOf("officer.d01s01", instructionId);
    const before = await countUnreadNotifications(a("officer.d01s01"));
    expect(await openNotification(a("officer.d01s01"), note!.id)).toEqual({ instructionId, bankRequestId: null });
    expect((await notificationOf("officer.d01s01", instructionId))!.readAt).not.toBeNull();
    expect(await countUnreadNotifications(a("officer.d01s01"))).toBe(before - 1);
  });

  it("someone else's notification is 'not found', and opening it changes nothing", async () => {
    const instructionId = await dispatchToStation();
    const note = await notificationOf("officer.d01s01", instructionId);
    for (const other of ["officer.d01s02", "lc.officer.l01s01", "coord.d01"]) {
      const fingerprint = await databaseFingerprint();
      const last = await lastAuditId();
      await expect(openNotification(a(other), note!.id), other).rejects.toBeInstanceOf(NotFoundError);
      expect(await databaseFingerprint(), other).toEqual(fingerprint);
      expect(await auditRowsAfter(last), other).toEqual([]);
    }
    expect((await notificationOf("officer.d01s01", instructionId))!.readAt).toBeNull();
  });

  it("once the station has declined it, its notice names no instruction and opens nothing", async () => {
    const instructionId = await dispatchToStation();
    await declineInstruction(a("officer.d01s01"), DeclineInstructionSchema.parse({ instructionId, version: 1, reason: "WRONG_PERSON" }));
    const note = await notificationOf("officer.d01s01", instructionId);
    const item = (await getNotificationCentre(a("officer.d01s01"))).items.find((i) => i.id === note!.id);
    expect(item!.instruction).toBeNull();
    expect(await openNotification(a("officer.d01s01"), note!.id)).toEqual({ instructionId: null, bankRequestId: null });
    // The issuer hears of the decline and can open it.
    const declined = await notificationOf("analyst1", instructionId);
    expect(declined!.kind).toBe("INSTRUCTION_DECLINED");
    expect(await openNotification(a("analyst1"), declined!.id)).toEqual({ instructionId, bankRequestId: null });
  });

  it("the wall screen has no notification centre", async () => {
    await expectRefusal("wall", a("wall"), () => getNotificationCentre(a("wall")), { error: ForbiddenError, reason: "role" });
  });
});
