"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  CancelInstructionSchema,
  ChaseSchema,
  CheckInSchema,
  CloseInstructionSchema,
  DeclineInstructionSchema,
  DispatchInstructionSchema,
  FeedbackDraftSchema,
  ForwardInstructionSchema,
  InstructionStepSchema,
  NoticeCommentSchema,
  NoticeReplySchema,
  ReportFeedbackSchema,
  RerouteInstructionSchema,
  RevealContactSchema,
  SendBackSchema,
  SetTeamSchema,
  VisitAttemptSchema,
} from "@/lib/schemas/instructions";
import { dispatchInstruction } from "@/lib/server/instructions/dispatch-instruction";
import { forwardInstruction } from "@/lib/server/instructions/forward-instruction";
import { rerouteInstruction } from "@/lib/server/instructions/reroute-instruction";
import { signOffInstruction } from "@/lib/server/instructions/sign-off-instruction";
import { declineInstruction } from "@/lib/server/instructions/decline-instruction";
import { setInstructionTeam } from "@/lib/server/instructions/set-instruction-team";
import { checkInOnSite } from "@/lib/server/instructions/check-in-on-site";
import { recordVisitAttempt } from "@/lib/server/instructions/record-visit-attempt";
import { saveFeedbackDraft } from "@/lib/server/instructions/save-feedback-draft";
import { reportFeedback } from "@/lib/server/instructions/report-feedback";
import { closeInstruction } from "@/lib/server/instructions/close-instruction";
import { sendBackInstruction } from "@/lib/server/instructions/send-back-instruction";
import { cancelInstruction } from "@/lib/server/instructions/cancel-instruction";
import { chaseInstruction } from "@/lib/server/instructions/chase-instruction";
import { revealInstructionContact } from "@/lib/server/instructions/reveal-instruction-contact";
import { commentOnNotice } from "@/lib/server/instructions/comment-on-notice";
import { replyToNotice } from "@/lib/server/instructions/reply-to-notice";

// Every step on an instruction. Its id is bound on the server side of each form; whatever the
// outcome, the instruction's page and the lists are revalidated, so a conflict shows its message
// and the fresh state together. Messages are catalog keys (lib/i18n/messages/*/instructions.json).
const bound = ["instructionId"] as const;
const LISTS = ["/inbox", "/district", "/instructions", "/instructions/issued"];
const revalidate = { paths: (_: unknown, b: Record<string, string>) => [`/instructions/${b.instructionId}`, ...LISTS], always: true };

export const dispatchInstructionAction = defineAction({
  schema: DispatchInstructionSchema,
  bound: ["alertId"] as const,
  run: (actor, input) => dispatchInstruction(actor, input),
  success: () => ({ message: "instructions.dispatch.done" }),
  revalidate: { paths: (_: unknown, b: Record<string, string>) => [`/alerts/${b.alertId}`, "/queue", ...LISTS], always: true },
});

export const forwardInstructionAction = defineAction({
  schema: ForwardInstructionSchema,
  bound,
  run: (actor, input) => forwardInstruction(actor, input),
  success: () => ({ message: "instructions.forward.done" }),
  revalidate,
});

export const rerouteInstructionAction = defineAction({
  schema: RerouteInstructionSchema,
  bound,
  run: (actor, input) => rerouteInstruction(actor, input),
  success: () => ({ message: "instructions.reroute.done" }),
  revalidate,
});

export const signOffInstructionAction = defineAction({
  schema: InstructionStepSchema,
  bound,
  run: (actor, input) => signOffInstruction(actor, input),
  success: () => ({ message: "instructions.signOff.done" }),
  revalidate,
});

export const declineInstructionAction = defineAction({
  schema: DeclineInstructionSchema,
  bound,
  run: (actor, input) => declineInstruction(actor, input),
  success: () => ({ message: "instructions.decline.done", redirectTo: "/inbox" }),
  revalidate,
});

export const setTeamAction = defineAction({
  schema: SetTeamSchema,
  bound,
  run: (actor, input) => setInstructionTeam(actor, input),
  success: () => ({ message: "instructions.team.done" }),
  revalidate,
});

export const checkInAction = defineAction({
  schema: CheckInSchema,
  bound,
  run: (actor, input) => checkInOnSite(actor, input),
  success: () => ({ message: "instructions.checkIn.done" }),
  revalidate,
});

export const visitAttemptAction = defineAction({
  schema: VisitAttemptSchema,
  bound,
  run: (actor, input) => recordVisitAttempt(actor, input),
  success: () => ({ message: "instructions.visitAttempt.done" }),
  revalidate,
});

/** Called by the feedback form while the officer types (debounced); no revalidation: nothing else changes. */
export const saveFeedbackDraftAction = defineAction({
  schema: FeedbackDraftSchema,
  bound,
  run: (actor, input) => saveFeedbackDraft(actor, input),
  success: (r) => ({ data: { savedAt: r.savedAt.toISOString() } }),
});

export const reportFeedbackAction = defineAction({
  schema: ReportFeedbackSchema,
  bound,
  run: (actor, input) => reportFeedback(actor, input),
  success: () => ({ message: "instructions.report.done" }),
  revalidate,
});

export const closeInstructionAction = defineAction({
  schema: CloseInstructionSchema,
  bound,
  run: (actor, input) => closeInstruction(actor, input),
  success: () => ({ message: "instructions.close.done" }),
  revalidate: { paths: (_: unknown, b: Record<string, string>) => [`/instructions/${b.instructionId}`, ...LISTS, "/queue", "/alerts"], always: true },
});

export const sendBackInstructionAction = defineAction({
  schema: SendBackSchema,
  bound,
  run: (actor, input) => sendBackInstruction(actor, input),
  success: () => ({ message: "instructions.sendBack.done" }),
  revalidate,
});

export const cancelInstructionAction = defineAction({
  schema: CancelInstructionSchema,
  bound,
  run: (actor, input) => cancelInstruction(actor, input),
  success: () => ({ message: "instructions.cancel.done" }),
  revalidate,
});

export const chaseInstructionAction = defineAction({
  schema: ChaseSchema,
  bound,
  run: (actor, input) => chaseInstruction(actor, input),
  success: () => ({ message: "instructions.chase.done" }),
  revalidate,
});

export const revealContactAction = defineAction({
  schema: RevealContactSchema,
  bound,
  run: (actor, input) => revealInstructionContact(actor, input),
  success: (value) => ({ data: { value } }),
});

export const noticeCommentAction = defineAction({
  schema: NoticeCommentSchema,
  bound,
  run: (actor, input) => commentOnNotice(actor, input),
  success: (_r, input) => ({ message: input.requireReply ? "instructions.notice.replyRequired" : "instructions.notice.commented" }),
  revalidate,
});

export const noticeReplyAction = defineAction({
  schema: NoticeReplySchema,
  bound,
  run: (actor, input) => replyToNotice(actor, input),
  success: () => ({ message: "instructions.notice.replied" }),
  revalidate,
});
