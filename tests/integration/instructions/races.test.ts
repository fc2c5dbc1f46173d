import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { FeedbackDraftSchema, NoticeCommentSchema } from "@/lib/schemas/instructions";
import { saveFeedbackDraft } from "@/lib/server/instructions/save-feedback-draft";
import { reportFeedback } from "@/lib/server/instructions/report-feedback";
import { commentOnNotice } from "@/lib/server/instructions/comment-on-notice";
import { openTestDatabase } from "../../support/test-database";
import { account, castOf, createInstruction, feedback, raiseNotice } from "../../support/instruction-factory";

await openTestDatabase("demo");

describe("races on an instruction", () => {
  it("a draft saved as the feedback is submitted never lands on the reported instruction", async () => {
    const made = await createInstruction("ON_SITE");
    const { officer } = await castOf("D01S01");
    const draft = FeedbackDraftSchema.parse({ instructionId: made.instructionId, note: "还在写" });
    const results = await Promise.allSettled([reportFeedback(officer, feedback(made, "DISSUADED")), saveFeedbackDraft(officer, draft)]);
    expect(results[0].status).toBe("fulfilled");
    const row = await db.instruction.findUniqueOrThrow({ where: { id: made.instructionId }, select: { status: true, feedbackDraft: true } });
    expect(row.status).toBe("REPORTED");
    expect(row.feedbackDraft).toBeNull();
    // And after: the draft is refused (the report is in), with nothing written.
    await expect(saveFeedbackDraft(officer, draft)).rejects.toBeInstanceOf(Error);
    expect((await db.instruction.findUniqueOrThrow({ where: { id: made.instructionId }, select: { feedbackDraft: true } })).feedbackDraft).toBeNull();
  });

  it("two supervisors requiring a reply at the same moment: one requirement, the other a conflict", async () => {
    const made = await createInstruction("SIGNED_OFF");
    await raiseNotice(made.instructionId);
    const leader = await account("leader");
    const { coordinator } = await castOf("D01S01");
    const ask = (text: string) => NoticeCommentSchema.parse({ instructionId: made.instructionId, text, requireReply: "on" });
    const results = await Promise.allSettled([commentOnNotice(leader, ask("请说明原因")), commentOnNotice(coordinator, ask("速回复"))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(Error);
    expect(refused.reason instanceof ConflictError || (refused.reason as { code?: string }).code === "invalidTransition").toBe(true);
    expect(await db.instructionEvent.count({ where: { instructionId: made.instructionId, kind: "REPLY_REQUIRED" } })).toBe(1);
  });
});
