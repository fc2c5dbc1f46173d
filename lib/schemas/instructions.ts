import { z } from "zod";
import { DeclineReason, FeedbackOutcome, InstructionKind, InstructionStatus } from "@/prisma/generated/client/enums";
import { parseYuanToFen } from "@/lib/money";
import { CursorParamSchema } from "@/lib/pagination";
import { FEEDBACK_CHECKS } from "@/lib/instructions/feedback-outcome";

// The dispatch chain's inputs, shared by forms, actions and domain functions. Ids of the record
// are bound on the server side of each form; units come from the lists the page offers, and the
// domain function checks each against the actor's jurisdiction.

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const instructionId = z.uuid();
const version = z.coerce.number().int().min(1);
const note = (max: number) => z.preprocess(blank, z.string().trim().max(max, { error: "validation.tooLong" }).optional());
const yuan = z.preprocess(blank, z.string().trim().max(20).optional());

function toFen(value: string | undefined, path: string, ctx: z.RefinementCtx): bigint | undefined | typeof z.NEVER {
  if (value === undefined) return undefined;
  const fen = parseYuanToFen(value);
  if (fen === null) {
    ctx.addIssue({ code: "custom", path: [path], message: "validation.amount" });
    return z.NEVER;
  }
  return fen;
}

/** Where an instruction goes: a station, or a district whose coordinators pick the station. */
const target = {
  stationId: z.preprocess(blank, z.uuid().optional()),
  districtId: z.preprocess(blank, z.uuid().optional()),
};
function oneTarget<T extends { stationId?: string; districtId?: string }>(v: T, ctx: z.RefinementCtx) {
  if (!v.stationId && !v.districtId) ctx.addIssue({ code: "custom", path: ["stationId"], message: "validation.targetRequired" });
}

export const DispatchInstructionSchema = z
  .object({ alertId: z.uuid(), kind: z.enum(InstructionKind, { error: "validation.required" }), note: note(1000), ...target })
  .superRefine(oneTarget);
export type DispatchInstructionInput = z.infer<typeof DispatchInstructionSchema>;

export const ForwardInstructionSchema = z.object({ instructionId, version, stationId: z.uuid({ error: "validation.required" }), note: note(1000) });
export type ForwardInstructionInput = z.infer<typeof ForwardInstructionSchema>;

export const RerouteInstructionSchema = z.object({ instructionId, version, note: note(1000), ...target }).superRefine(oneTarget);
export type RerouteInstructionInput = z.infer<typeof RerouteInstructionSchema>;

export const InstructionStepSchema = z.object({ instructionId, version });
export type InstructionStepInput = z.infer<typeof InstructionStepSchema>;

export const DeclineInstructionSchema = z
  .object({
    instructionId,
    version,
    reason: z.enum(DeclineReason, { error: "validation.required" }),
    suggestedStationId: z.preprocess(blank, z.uuid().optional()),
    note: note(1000),
  })
  .superRefine((v, ctx) => {
    if (v.reason === "NOT_OUR_JURISDICTION" && !v.suggestedStationId) {
      ctx.addIssue({ code: "custom", path: ["suggestedStationId"], message: "validation.suggestedStationRequired" });
    }
  });
export type DeclineInstructionInput = z.infer<typeof DeclineInstructionSchema>;

/** Names only, one per line or comma: 1 officer, 3 auxiliaries, N grid workers (1+3+N). */
const names = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[\n,，、]/).map((s) => s.trim()).filter(Boolean) : v),
  z.array(z.string().max(32, { error: "validation.tooLong" })).max(20),
);
export const SetTeamSchema = z
  .object({ instructionId, version, officers: names, auxiliaries: names, gridWorkers: names })
  .refine((v) => v.officers.length > 0, { path: ["officers"], message: "validation.teamOfficerRequired" });
export type SetTeamInput = z.infer<typeof SetTeamSchema>;

export const CheckInSchema = z.object({
  instructionId,
  version,
  location: z.string().trim().min(2, { error: "validation.required" }).max(200, { error: "validation.tooLong" }),
});
export type CheckInInput = z.infer<typeof CheckInSchema>;

export const VisitAttemptSchema = z.object({ instructionId, version, note: note(500) });
export type VisitAttemptInput = z.infer<typeof VisitAttemptSchema>;

const checks = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(FEEDBACK_CHECKS)).max(FEEDBACK_CHECKS.length));
const met = z.preprocess((v) => (v === "yes" ? true : v === "no" ? false : v), z.boolean({ error: "validation.required" }));

/** A draft: whatever has been typed so far, nothing required (saved while the officer types). */
export const FeedbackDraftSchema = z.object({
  instructionId,
  outcome: z.preprocess(blank, z.enum(FeedbackOutcome).optional()),
  metPerson: z.preprocess(blank, z.enum(["yes", "no"]).optional()),
  checks,
  lossAvoidedYuan: z.preprocess(blank, z.string().trim().max(20).optional()),
  lossYuan: z.preprocess(blank, z.string().trim().max(20).optional()),
  note: z.preprocess(blank, z.string().max(2000).optional()),
});
export type FeedbackDraftInput = z.infer<typeof FeedbackDraftSchema>;

/** The feedback (反馈): met or not, what was checked, the outcome, loss avoided or suffered. */
export const ReportFeedbackSchema = z
  .object({
    instructionId,
    version,
    outcome: z.enum(FeedbackOutcome, { error: "validation.required" }),
    metPerson: met,
    checks,
    lossAvoidedYuan: yuan,
    lossYuan: yuan,
    note: note(2000),
  })
  .transform((v, ctx) => {
    const lossAvoidedFen = toFen(v.lossAvoidedYuan, "lossAvoidedYuan", ctx);
    const lossFen = toFen(v.lossYuan, "lossYuan", ctx);
    if (lossAvoidedFen === z.NEVER || lossFen === z.NEVER) return z.NEVER;
    if (v.outcome === "DEFRAUDED" && (lossFen === undefined || lossFen <= 0n)) {
      ctx.addIssue({ code: "custom", path: ["lossYuan"], message: "validation.lossRequired" });
      return z.NEVER;
    }
    return {
      instructionId: v.instructionId,
      version: v.version,
      outcome: v.outcome,
      metPerson: v.metPerson,
      checks: v.checks,
      lossAvoidedFen: v.outcome === "DISSUADED" ? (lossAvoidedFen ?? null) : null,
      lossFen: v.outcome === "DEFRAUDED" ? lossFen! : null,
      note: v.note,
    };
  });
export type ReportFeedbackInput = z.infer<typeof ReportFeedbackSchema>;

export const CloseInstructionSchema = z.object({
  instructionId,
  version,
  /** Apply the feedback to the alert (close it, join it) in the same step. */
  applyToAlert: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).default(false),
  followUpDays: z.preprocess(blank, z.coerce.number({ error: "validation.followUpDays" }).int().min(1, { error: "validation.followUpDays" }).max(30, { error: "validation.followUpDays" }).optional()),
  note: note(1000),
});
export type CloseInstructionInput = z.infer<typeof CloseInstructionSchema>;

export const SendBackSchema = z.object({
  instructionId,
  version,
  note: z.string().trim().min(2, { error: "validation.sendBackReason" }).max(1000, { error: "validation.tooLong" }),
});
export type SendBackInput = z.infer<typeof SendBackSchema>;

export const CancelInstructionSchema = z.object({
  instructionId,
  version,
  note: z.string().trim().min(2, { error: "validation.cancelReason" }).max(1000, { error: "validation.tooLong" }),
});
export type CancelInstructionInput = z.infer<typeof CancelInstructionSchema>;

export const ChaseSchema = z.object({ instructionId, note: note(500) });
export type ChaseInput = z.infer<typeof ChaseSchema>;

export const RevealContactSchema = z.object({ instructionId, field: z.enum(["phone", "address"]) });
export type RevealContactInput = z.infer<typeof RevealContactSchema>;

export const NoticeCommentSchema = z.object({
  instructionId,
  text: z.string().trim().min(1, { error: "validation.required" }).max(1000, { error: "validation.tooLong" }),
  requireReply: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).default(false),
});
export type NoticeCommentInput = z.infer<typeof NoticeCommentSchema>;

export const NoticeReplySchema = z.object({
  instructionId,
  reply: z.string().trim().min(2, { error: "validation.required" }).max(2000, { error: "validation.tooLong" }),
});
export type NoticeReplyInput = z.infer<typeof NoticeReplySchema>;

/** The lists: which one, a status filter for the city's list, the keyset cursor. */
export const InstructionListSchema = z.object({
  status: z.preprocess(blank, z.enum(InstructionStatus).optional()),
  cursor: CursorParamSchema,
});
export type InstructionListFilter = z.infer<typeof InstructionListSchema>;
