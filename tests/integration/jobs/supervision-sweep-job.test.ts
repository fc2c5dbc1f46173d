import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runJobNow } from "@/lib/server/jobs/run-job-now";
import { dispatchInstruction } from "@/lib/server/instructions/dispatch-instruction";
import { DispatchInstructionSchema } from "@/lib/schemas/instructions";
import { openTestDatabase } from "../../support/test-database";
import { signInAs } from "../../support/actors";
import { createNewAlerts } from "../../support/alert-factory";

await openTestDatabase("demo");

describe("the worker's supervision sweep job", () => {
  it("run twice at the same moment, escalates an instruction once: one notice, one set of notifications", async () => {
    const analyst = await signInAs("analyst1");
    const station = await db.orgUnit.findUniqueOrThrow({ where: { code: "D01S01" }, select: { id: true } });
    const [alertId] = await createNewAlerts(1, { riskLevel: "URGENT" });
    const { instructionId } = await dispatchInstruction(analyst, DispatchInstructionSchema.parse({ alertId, kind: "DOOR_VISIT", stationId: station.id }));
    const { escalateAt } = await db.instruction.findUniqueOrThrow({ where: { id: instructionId }, select: { escalateAt: true } });
    const now = new Date(escalateAt.getTime() + 1000);

    await Promise.all([runJobNow("instruction.supervision-sweep", { now }), runJobNow("instruction.supervision-sweep", { now })]);

    expect(await db.supervisionNotice.count({ where: { instructionId } })).toBe(1);
    expect(await db.instructionEvent.count({ where: { instructionId, kind: "ESCALATED" } })).toBe(1);
    expect(await db.instructionOverdue.count({ where: { instructionId } })).toBe(2); // sign-off and feedback, once each
    const notices = await db.notification.groupBy({ by: ["userId"], where: { instructionId, kind: "SUPERVISION_NOTICE" }, _count: { _all: true } });
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.every((n) => n._count._all === 1)).toBe(true);
    const escalated = await db.instruction.findUniqueOrThrow({ where: { id: instructionId }, select: { escalatedAt: true } });
    expect(escalated.escalatedAt).toEqual(now);

    // And again later: nothing new but the reminder that is due.
    await runJobNow("instruction.supervision-sweep", { now: new Date(now.getTime() + 1000) });
    expect(await db.supervisionNotice.count({ where: { instructionId } })).toBe(1);
  });
});
