import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError } from "@/lib/errors";
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
    // Only while it is still being worked: a draft saved as the feedback is submitted must not land on a reported instruction.
    const saved = await tx.instruction.updateMany({ where: { id: instruction.id, status: { in: ["SIGNED_OFF", "ON_SITE"] } }, data: { feedbackDraft: draft, feedbackDraftAt: savedAt } });
    if (saved.count === 0) throw new ConflictError("instructionChanged");
    await recordAudit(tx, actor, { action: INSTRUCTION_AUDIT_ACTION.saveDraft, outcome: "SUCCESS", entityType: "instruction", entityId: instruction.id });
    return { savedAt };
  });
}
