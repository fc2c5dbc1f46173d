import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import type { FeedbackDraftInput } from "@/lib/schemas/instructions";
import { INSTRUCTION_AUDIT_ACTION, runInstructionStep } from "./change-instruction";

/**
 * Keeps what the officer has typed of the feedback on the server while they type, so a lost
 * connection or a sign-out after a long visit loses nothing. A draft is not a step: it does not
 * change the version (the officer's own form stays valid) and leaves no timeline line; the
 * audit row says a draft was saved, not what it holds.
 */
export async function saveFeedbackDraft(actor: Actor, input: FeedbackDraftInput): Promise<{ savedAt: Date }> {
  const { instructionId, ...draft } = input;
  return runInstructionStep(actor, instructionId, "saveDraft", async (tx, instruction) => {
    const savedAt = new Date();
    await tx.instruction.update({ where: { id: instruction.id }, data: { feedbackDraft: draft, feedbackDraftAt: savedAt }, select: { id: true } });
    await recordAudit(tx, actor, { action: INSTRUCTION_AUDIT_ACTION.saveDraft, outcome: "SUCCESS", entityType: "instruction", entityId: instruction.id });
    return { savedAt };
  });
}
