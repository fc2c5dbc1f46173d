// A station declines (退回): the instruction goes back to the issuer, who stays responsible until
// a new station signs (首接负责制); re-routing restarts the deadlines at the new station and
// clears the overdue marks, while the marks already charged stay. Routing never leaves the
// router's jurisdiction: a coordinator picks only its own district's stations.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { DeclineInstructionSchema, DispatchInstructionSchema, ForwardInstructionSchema, RerouteInstructionSchema } from "@/lib/schemas/instructions";
import { declineInstruction } from "@/lib/server/instructions/decline-instruction";
import { rerouteInstruction } from "@/lib/server/instructions/reroute-instruction";
import { forwardInstruction } from "@/lib/server/instructions/forward-instruction";
import { dispatchInstruction } from "@/lib/server/instructions/dispatch-instruction";
import { signOffInstruction } from "@/lib/server/instructions/sign-off-instruction";
import { getInstruction } from "@/lib/server/instructions/get-instruction";
import { listInstructions } from "@/lib/server/instructions/list-instructions";
import { sweepSupervision } from "@/lib/server/instructions/sweep-supervision";
import { openTestDatabase } from "../../support/test-database";
import { account, createInstruction, newAlertAt, unitIds } from "../../support/instruction-factory";
import { auditRowsAfter, databaseFingerprint, expectRefusal, lastAuditId } from "../../support/refusals";

await openTestDatabase("demo");

let analyst: Actor;
let coordinator: Actor;
let officer: Actor;
let neighbour: Actor;

beforeAll(async () => {
  analyst = await account("analyst1");
  coordinator = await account("coord.d01");
  officer = await account("officer.d01s01");
  neighbour = await account("officer.d01s02");
});

const instructionRow = (id: string) => db.instruction.findUniqueOrThrow({ where: { id } });

async function notifiedOf(instructionId: string, kind: "INSTRUCTION_DECLINED" | "INSTRUCTION_NEW"): Promise<string[]> {
  const rows = await db.notification.findMany({ where: { instructionId, kind }, select: { user: { select: { username: true } } } });
  return rows.map((r) => r.user.username).sort();
}

/** A field error, with nothing written and nothing audited: as if the unit did not exist. */
async function expectFieldError(label: string, call: () => Promise<unknown>, code: string, field: string): Promise<void> {
  const before = await databaseFingerprint();
  const last = await lastAuditId();
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, label).toBeInstanceOf(ValidationError);
  expect(error, label).toMatchObject({ code, field });
  expect(await auditRowsAfter(last), `${label}: nothing audited`).toEqual([]);
  expect(await databaseFingerprint(), `${label}: nothing changed`).toEqual(before);
}

describe("a decline returns the instruction to its issuer", () => {
  it("the station no longer sees it; the issuer and the district hear of it and see it waiting", async () => {
    const t = await createInstruction("SIGNED_OFF");
    await declineInstruction(
      officer,
      DeclineInstructionSchema.parse({ instructionId: t.instructionId, version: t.version, reason: "NOT_OUR_JURISDICTION", suggestedStationId: t.siblingStationId, note: "该地址属邻所" }),
    );
    expect(await instructionRow(t.instructionId)).toMatchObject({
      status: "DECLINED",
      stationId: null,
      districtId: t.districtId,
      declineReason: "NOT_OUR_JURISDICTION",
      suggestedStationId: t.siblingStationId,
      declinedFromStationId: t.stationId,
      signedOffAt: null,
      signedOffById: null,
    });
    // The declining station: not found (audited), and gone from its inbox.
    await expectRefusal("the station reads what it declined", officer, () => getInstruction(officer, t.instructionId), { error: NotFoundError, reason: "jurisdiction", entityId: t.instructionId });
    expect((await listInstructions(officer, "inbox")).items.map((i) => i.id)).not.toContain(t.instructionId);
    // The issuer (that analyst, not the others) and the district's coordinators.
    const coordinators = (await db.user.findMany({ where: { unitId: t.districtId, role: "DISTRICT_COORDINATOR" }, select: { username: true } })).map((u) => u.username);
    expect(await notifiedOf(t.instructionId, "INSTRUCTION_DECLINED")).toEqual(["analyst1", ...coordinators].sort());
    expect((await listInstructions(analyst, "issued")).items.find((i) => i.id === t.instructionId)).toMatchObject({ status: "DECLINED", declineReason: "NOT_OUR_JURISDICTION" });
    expect((await listInstructions(coordinator, "district")).items.map((i) => i.id)).toContain(t.instructionId);
    const detail = await getInstruction(analyst, t.instructionId);
    expect(detail.decline).toMatchObject({ reason: "NOT_OUR_JURISDICTION", suggestedStationId: t.siblingStationId });
    expect(detail.decline!.suggestedStationName).not.toBeNull();
    expect(detail.decline!.fromStationName).not.toBeNull();
    expect(detail.offered).toContain("reroute");
  });

  it("what a district issued goes back to its coordinators, once", async () => {
    const t = await createInstruction("AT_STATION", { issuer: "district" });
    await declineInstruction(officer, DeclineInstructionSchema.parse({ instructionId: t.instructionId, version: t.version, reason: "WRONG_PERSON" }));
    expect(await notifiedOf(t.instructionId, "INSTRUCTION_DECLINED")).toEqual(["coord.d01"]);
  });

  it("the suggested station must be another station of the city", async () => {
    const t = await createInstruction("AT_STATION");
    const otherCity = await db.orgUnit.findFirstOrThrow({ where: { kind: "STATION", city: { code: "LC" } }, select: { id: true } });
    for (const suggestedStationId of [otherCity.id, t.stationId]) {
      await expectFieldError(
        "suggest",
        () => declineInstruction(officer, DeclineInstructionSchema.parse({ instructionId: t.instructionId, version: t.version, reason: "NOT_OUR_JURISDICTION", suggestedStationId })),
        "validation.unknownStation",
        "suggestedStationId",
      );
    }
  });
});

describe("re-routing", () => {
  it("restarts the deadlines at the new station and clears the overdue marks; the marks already charged stay", async () => {
    const t = await createInstruction("AT_STATION");
    const first = await instructionRow(t.instructionId);
    // The worker marks it overdue at its sign-off deadline (a fake clock: the sweep takes `now`).
    await sweepSupervision(new Date(first.signOffDeadline.getTime() + 1000));
    const overdue = await instructionRow(t.instructionId);
    expect(overdue.signOffOverdueAt).not.toBeNull();
    expect(await db.instructionOverdue.findMany({ where: { instructionId: t.instructionId }, select: { kind: true, stationId: true, deadline: true } })).toEqual([
      { kind: "SIGN_OFF", stationId: t.stationId, deadline: first.signOffDeadline },
    ]);

    const declined = await declineInstruction(officer, DeclineInstructionSchema.parse({ instructionId: t.instructionId, version: overdue.version, reason: "NOT_OUR_JURISDICTION", suggestedStationId: t.siblingStationId }));
    const started = Date.now();
    await rerouteInstruction(analyst, RerouteInstructionSchema.parse({ instructionId: t.instructionId, version: declined.version, stationId: t.siblingStationId, note: "按派出所建议改派" }));
    const rerouted = await instructionRow(t.instructionId);
    expect(rerouted).toMatchObject({
      status: "AT_STATION",
      stationId: t.siblingStationId,
      districtId: t.districtId,
      signOffOverdueAt: null,
      feedbackOverdueAt: null,
      declineReason: null,
      suggestedStationId: null,
      issuedAt: first.issuedAt,
      // Escalation stays counted from the first dispatch: the person has been at risk since then.
      escalateAt: first.escalateAt,
    });
    expect(rerouted.routedAt.getTime()).toBeGreaterThanOrEqual(started - 1000);
    // The same rule's intervals, from the new routing.
    expect(rerouted.signOffDeadline.getTime() - rerouted.routedAt.getTime()).toBe(first.signOffDeadline.getTime() - first.routedAt.getTime());
    expect(rerouted.feedbackDeadline.getTime() - rerouted.routedAt.getTime()).toBe(first.feedbackDeadline.getTime() - first.routedAt.getTime());
    expect(await db.instructionOverdue.count({ where: { instructionId: t.instructionId } })).toBe(1);
    expect(await notifiedOf(t.instructionId, "INSTRUCTION_NEW")).toEqual(["officer.d01s01", "officer.d01s02"]);

    // Overdue again at the new station: a second mark, charged to the unit that held it then.
    await sweepSupervision(new Date(rerouted.signOffDeadline.getTime() + 1000));
    const marks = await db.instructionOverdue.findMany({ where: { instructionId: t.instructionId }, orderBy: { deadline: "asc" }, select: { kind: true, stationId: true } });
    expect(marks).toEqual([
      { kind: "SIGN_OFF", stationId: t.stationId },
      { kind: "SIGN_OFF", stationId: t.siblingStationId },
    ]);
    // The new station works it; the old one does not see it.
    await signOffInstruction(neighbour, { instructionId: t.instructionId, version: (await instructionRow(t.instructionId)).version });
    await expect(getInstruction(officer, t.instructionId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("the district re-routes a decline within its stations, or one not yet signed off", async () => {
    const t = await createInstruction("DECLINED");
    await rerouteInstruction(coordinator, RerouteInstructionSchema.parse({ instructionId: t.instructionId, version: t.version, stationId: t.siblingStationId }));
    expect(await instructionRow(t.instructionId)).toMatchObject({ status: "AT_STATION", stationId: t.siblingStationId });
    const u = await createInstruction("AT_STATION");
    await rerouteInstruction(coordinator, RerouteInstructionSchema.parse({ instructionId: u.instructionId, version: u.version, stationId: u.siblingStationId }));
    expect(await instructionRow(u.instructionId)).toMatchObject({ status: "AT_STATION", stationId: u.siblingStationId });
  });

  it("the city re-routes to another district, where it waits for the district to forward", async () => {
    const t = await createInstruction("DECLINED");
    const d02 = await unitIds("D02S01");
    await rerouteInstruction(analyst, RerouteInstructionSchema.parse({ instructionId: t.instructionId, version: t.version, districtId: d02.districtId }));
    expect(await instructionRow(t.instructionId)).toMatchObject({ status: "AT_DISTRICT", districtId: d02.districtId, stationId: null });
    expect(await notifiedOf(t.instructionId, "INSTRUCTION_NEW")).toContain("coord.d02");
    // coord.d01 no longer sees it.
    await expect(getInstruction(coordinator, t.instructionId)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("a coordinator routes only within its district", () => {
  it("forwarding or re-routing to another district's or city's station, or to a district, is a field error and writes nothing", async () => {
    const d02 = await unitIds("D02S01");
    const lc = await db.orgUnit.findFirstOrThrow({ where: { kind: "STATION", city: { code: "LC" } }, select: { id: true, districtId: true } });
    const atDistrict = await createInstruction("AT_DISTRICT");
    const declined = await createInstruction("DECLINED");
    for (const stationId of [d02.stationId, lc.id]) {
      await expectFieldError(
        "forward",
        () => forwardInstruction(coordinator, ForwardInstructionSchema.parse({ instructionId: atDistrict.instructionId, version: atDistrict.version, stationId })),
        "validation.stationNotInDistrict",
        "stationId",
      );
      await expectFieldError(
        "reroute",
        () => rerouteInstruction(coordinator, RerouteInstructionSchema.parse({ instructionId: declined.instructionId, version: declined.version, stationId })),
        "validation.stationNotInDistrict",
        "stationId",
      );
    }
    await expectFieldError(
      "reroute to a district",
      () => rerouteInstruction(coordinator, RerouteInstructionSchema.parse({ instructionId: declined.instructionId, version: declined.version, districtId: d02.districtId })),
      "validation.stationNotInDistrict",
      "stationId",
    );
    // Dispatching an alert of its own district elsewhere, or to a district.
    const alertId = await newAlertAt("D01S01");
    await expectFieldError("dispatch", () => dispatchInstruction(coordinator, DispatchInstructionSchema.parse({ alertId, kind: "DOOR_VISIT", stationId: d02.stationId })), "validation.stationNotInDistrict", "stationId");
    await expectFieldError("dispatch to a district", () => dispatchInstruction(coordinator, DispatchInstructionSchema.parse({ alertId, kind: "DOOR_VISIT", districtId: d02.districtId })), "validation.stationNotInDistrict", "stationId");
    // The analyst of one city routes nowhere in another.
    await expectFieldError(
      "analyst reroute to another city",
      () => rerouteInstruction(analyst, RerouteInstructionSchema.parse({ instructionId: declined.instructionId, version: declined.version, stationId: lc.id })),
      "validation.unknownStation",
      "stationId",
    );
    await expectFieldError(
      "analyst reroute to another city's district",
      () => rerouteInstruction(analyst, RerouteInstructionSchema.parse({ instructionId: declined.instructionId, version: declined.version, districtId: lc.districtId! })),
      "validation.unknownDistrict",
      "districtId",
    );
  });

  it("a coordinator does not even find another district's alert to dispatch (not found, audited)", async () => {
    const alertId = await newAlertAt("D02S01");
    const d02 = await unitIds("D02S01");
    await expectRefusal("coord.d01 dispatches in D02", coordinator, () => dispatchInstruction(coordinator, DispatchInstructionSchema.parse({ alertId, kind: "DOOR_VISIT", stationId: d02.stationId })), {
      error: NotFoundError,
      reason: "jurisdiction",
      entityId: alertId,
    });
  });
});
