import "server-only";
import { Prisma } from "@/prisma/generated/client/client";
import type { Actor } from "@/lib/auth/actor";
import { fenToYuanText } from "@/lib/money";
import type { SendBackInput } from "@/lib/schemas/instructions";
import { changeInstruction, recipients } from "./change-instruction";

/**
 * 退回重办: the issuer sends the feedback back for more work, with the reason. The station gets its
 * feedback back as a draft to complete, and the instruction is theirs again.
 */
export async function sendBackInstruction(actor: Actor, input: SendBackInput): Promise<{ version: number }> {
  return changeInstruction(actor, input, "sendBack", async (_tx, instruction) => {
    const previous = {
      outcome: instruction.feedbackOutcome ?? undefined,
      metPerson: instruction.metPerson === null ? undefined : instruction.metPerson ? "yes" : "no",
      checks: instruction.checks,
      lossAvoidedYuan: instruction.lossAvoidedFen === null ? undefined : fenToYuanText(instruction.lossAvoidedFen),
      lossYuan: instruction.lossFen === null ? undefined : fenToYuanText(instruction.lossFen),
      note: instruction.feedbackNote ?? undefined,
    };
    return {
      data: {
        status: "SIGNED_OFF",
        feedbackOutcome: null,
        reportedAt: null,
        reportedById: null,
        feedbackDraft: previous as Prisma.InputJsonValue,
        feedbackDraftAt: new Date(),
      },
      event: { kind: "SENT_BACK", unitId: instruction.stationId, text: input.note, data: { outcome: instruction.feedbackOutcome } },
      details: { outcome: instruction.feedbackOutcome },
      notices: [{ kind: "INSTRUCTION_SENT_BACK", to: recipients.station(instruction.stationId!) }],
    };
  });
}
