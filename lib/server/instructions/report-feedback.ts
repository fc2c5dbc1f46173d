import "server-only";
import { Prisma } from "@/prisma/generated/client/client";
import type { Actor } from "@/lib/auth/actor";
import type { ReportFeedbackInput } from "@/lib/schemas/instructions";
import { changeInstruction, recipients } from "./change-instruction";

/**
 * 反馈: met the person or not, what was checked, the outcome, the loss avoided or suffered. It
 * goes to the issuing unit for review (结); the draft is done with.
 */
export async function reportFeedback(actor: Actor, input: ReportFeedbackInput): Promise<{ version: number }> {
  return changeInstruction(actor, input, "report", async (_tx, instruction) => ({
    data: {
      status: "REPORTED",
      feedbackOutcome: input.outcome,
      metPerson: input.metPerson,
      checks: input.checks,
      lossAvoidedFen: input.lossAvoidedFen,
      lossFen: input.lossFen,
      feedbackNote: input.note ?? null,
      reportedAt: new Date(),
      reportedById: actor.userId,
      feedbackDraft: Prisma.DbNull,
      feedbackDraftAt: null,
    },
    event: {
      kind: "FEEDBACK",
      unitId: instruction.stationId,
      text: input.note ?? null,
      data: {
        outcome: input.outcome,
        metPerson: input.metPerson,
        checks: input.checks,
        lossAvoidedFen: input.lossAvoidedFen?.toString() ?? null,
        lossFen: input.lossFen?.toString() ?? null,
      },
    },
    details: { outcome: input.outcome, metPerson: input.metPerson },
    notices: [{ kind: "INSTRUCTION_REPORTED", to: recipients.issuer(instruction) }],
  }));
}
