import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { CloseInstructionInput } from "@/lib/schemas/instructions";
import { routingDeadlines } from "@/lib/instructions/supervision-clock";
import { changeInstruction, recipients, writeInstructionEvent, type LoadedInstruction } from "./change-instruction";
import { applyFeedbackToAlert } from "./apply-feedback-to-alert";
import { deadlinesOfRouting } from "./routing";
import { notify } from "@/lib/server/notifications/notify";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * 结: the issuing unit reviews the feedback and closes the loop — optionally applying it to the
 * alert (close, join) and asking for a follow-up visit (回访) within N days, which is a new phone
 * follow-up instruction to the same station, due then.
 */
export async function closeInstruction(actor: Actor, input: CloseInstructionInput): Promise<{ version: number; followUpId: string | null }> {
  let followUpId: string | null = null;
  const result = await changeInstruction(actor, input, "close", async (tx, instruction) => {
    const alert = input.applyToAlert ? await applyFeedbackToAlert(tx, actor, instruction, instruction.feedbackOutcome!) : { alert: "notApplied" };
    const now = new Date();
    if (input.followUpDays) followUpId = await createFollowUp(tx, actor, instruction, now, input.followUpDays);
    return {
      data: { status: "CLOSED", closedAt: now, closedById: actor.userId, followUpDueAt: input.followUpDays ? new Date(now.getTime() + input.followUpDays * DAY_MS) : null },
      event: { kind: "CLOSED", text: input.note ?? null, data: { alert, followUpId } },
      details: { alert, followUpId },
    };
  });
  return { ...result, followUpId };
}

async function createFollowUp(tx: Tx, actor: Actor, instruction: LoadedInstruction, now: Date, days: number): Promise<string> {
  const rules = await deadlinesOfRouting(tx, { cityId: instruction.cityId, riskLevel: instruction.riskLevel, issuedAt: now, routedAt: now });
  const deadlines = routingDeadlines(now, now, { signOff: rules.signOffDeadline, feedback: new Date(now.getTime() + days * DAY_MS) });
  const followUp = await tx.instruction.create({
    data: {
      cityId: instruction.cityId,
      districtId: instruction.districtId,
      stationId: instruction.stationId,
      alertId: instruction.alertId,
      kind: "PHONE_FOLLOW_UP",
      riskLevel: instruction.riskLevel,
      status: "AT_STATION",
      issuerUnitId: instruction.issuerUnitId,
      issuedById: actor.userId,
      note: null,
      issuedAt: now,
      routedAt: now,
      ...deadlines,
    },
    select: { id: true, cityId: true },
  });
  await writeInstructionEvent(tx, actor, followUp, { kind: "ISSUED", unitId: instruction.stationId, data: { kind: "PHONE_FOLLOW_UP", followUpOf: instruction.id } });
  await notify(tx, { cityId: instruction.cityId, kind: "INSTRUCTION_NEW", instructionId: followUp.id }, { ...recipients.station(instruction.stationId!), exceptUserId: actor.userId });
  return followUp.id;
}
