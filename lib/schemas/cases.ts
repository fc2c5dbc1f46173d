import { z } from "zod";
import { BankRequestKind, ReturnMode } from "@/prisma/generated/client/enums";
import { parseYuanToFen } from "@/lib/money";
import { MAX_TERM_MONTHS } from "@/lib/cases/request-clock";

// The money workflow's inputs (止付、冻结、返还), shared by forms, actions and domain functions.
// Amounts are typed in yuan and become exact fen here; times are typed as Shanghai wall-clock
// time ("2026-12-03T14:05" from <input type="datetime-local">). Accounts are checked against their
// institution in the domain (the institution's kind decides the rule).

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const requestId = z.uuid();
const version = z.coerce.number().int().min(1);
const text = (min: number, max: number, key = "validation.required") =>
  z.string({ error: key }).trim().min(min, { error: key }).max(max, { error: "validation.tooLong" });
const optionalText = (max: number) => z.preprocess(blank, z.string().trim().max(max, { error: "validation.tooLong" }).optional());

/** An amount typed in yuan → exact fen; zero only where nothing is a valid answer (nothing stopped: the money had all moved on). */
function yuanAmount(zero: "allowed" | "refused") {
  return z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .transform((v, ctx) => {
      const fen = parseYuanToFen(v);
      if (fen === null || (zero === "refused" && fen === 0n)) {
        ctx.addIssue({ code: "custom", message: zero === "refused" ? "money.validation.amountPositive" : "validation.amount" });
        return z.NEVER;
      }
      return fen;
    });
}
const yuan = yuanAmount("refused");
const yuanOrZero = yuanAmount("allowed");

/** "2026-12-03T14:05" in Shanghai time → the instant; never in the future by more than a minute of clock skew. */
const shanghaiTime = z
  .string({ error: "validation.required" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, { error: "money.validation.time" })
  .transform((v, ctx) => {
    const at = new Date(`${v.length === 16 ? `${v}:00` : v}+08:00`);
    if (Number.isNaN(at.getTime())) {
      ctx.addIssue({ code: "custom", message: "money.validation.time" });
      return z.NEVER;
    }
    if (at.getTime() > Date.now() + 60_000) {
      ctx.addIssue({ code: "custom", message: "money.validation.timeInFuture" });
      return z.NEVER;
    }
    return at;
  });

const day = z.string({ error: "validation.required" }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "money.validation.day" });

/** A receiving account as the bank reported or the victim showed it. */
const receivingAccount = {
  bankId: z.uuid({ error: "money.validation.bankRequired" }),
  account: text(4, 64, "money.validation.accountRequired"),
  holder: optionalText(60),
};

/**
 * 紧急止付 of a victim's transfer, filed from an alert (the case opens or is joined) or from a case
 * (another transfer of it). The victim's own account is optional (needed later for 原路返还).
 */
export const FileStopSchema = z
  .object({
    alertId: z.preprocess(blank, z.uuid().optional()),
    caseId: z.preprocess(blank, z.uuid().optional()),
    ...receivingAccount,
    amountYuan: yuan,
    transferredAt: shanghaiTime,
    fromAccount: optionalText(64),
  })
  .refine((v) => Boolean(v.alertId) !== Boolean(v.caseId), { path: ["alertId"], message: "validation.required" });
export type FileStopInput = z.infer<typeof FileStopSchema>;

/** 保护性止付 on the warned person's own account, from the alert. */
export const FileProtectiveStopSchema = z.object({ alertId: z.uuid(), ...receivingAccount, amountYuan: yuan });
export type FileProtectiveStopInput = z.infer<typeof FileProtectiveStopSchema>;

/** 冻结 / 续冻 / 解冻 / 返还 of a transfer's money; waits for a supervisor's approval. */
export const FileFollowUpRequestSchema = z
  .object({
    transferId: z.uuid(),
    kind: z.enum(["FREEZE", "RENEW", "UNFREEZE", "RETURN"] as const satisfies readonly BankRequestKind[], { error: "validation.required" }),
    amountYuan: yuan,
    termMonths: z.preprocess(blank, z.coerce.number({ error: "money.validation.term" }).int({ error: "money.validation.term" }).min(1, { error: "money.validation.term" }).max(MAX_TERM_MONTHS, { error: "money.validation.term" }).optional()),
    note: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if ((v.kind === "FREEZE" || v.kind === "RENEW") && v.termMonths === undefined) ctx.addIssue({ code: "custom", path: ["termMonths"], message: "money.validation.term" });
  });
export type FileFollowUpRequestInput = z.infer<typeof FileFollowUpRequestSchema>;

/** A supervisor's approval: the notice (冻结/续冻/解冻通知书) or return decision (返还决定书) number. */
export const ApproveRequestSchema = z.object({
  requestId,
  version,
  noticeNumber: text(3, 40, "money.validation.noticeNumber"),
  /** Returns: 原路, a named account, or pro rata over the victims of the same account. */
  returnMode: z.preprocess(blank, z.enum(ReturnMode).optional()),
  returnToAccount: optionalText(64),
});
export type ApproveRequestInput = z.infer<typeof ApproveRequestSchema>;

export const RequestStepSchema = z.object({ requestId, version });
export type RequestStepInput = z.infer<typeof RequestStepSchema>;

/**
 * A list of rows typed in a repeating part of a form: the form sends it as one JSON field (the
 * client component keeps the rows), a caller in code passes the array.
 */
const rows = <T extends z.ZodType>(row: T) =>
  z.preprocess((v) => {
    if (v === undefined || v === "") return [];
    if (typeof v !== "string") return v;
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }, z.array(row, { error: "validation.required" }).max(10, { error: "validation.tooLong" }));

/** Where money went next (资金流出): one line per next account, as the bank reports it. */
const movedOn = z.object({ ...receivingAccount, amountYuan: yuan, transferredAt: shanghaiTime });

/** The bank's answer to a stop: the amount stopped (0 when all had moved on) and where the rest went. */
export const AnswerStopSchema = z.object({
  requestId,
  version,
  stoppedYuan: yuanOrZero,
  balanceYuan: z.preprocess(blank, yuanOrZero.optional()),
  movedOn: rows(movedOn),
  note: optionalText(500),
});
export type AnswerStopInput = z.infer<typeof AnswerStopSchema>;

const earlierFreeze = z.object({ amountYuan: yuan, until: day, by: text(2, 60) });

/** The bank's answer to a freeze or renewal: the amount frozen, the balance, earlier freezes by others. */
export const AnswerFreezeSchema = z.object({
  requestId,
  version,
  frozenYuan: yuan,
  balanceYuan: z.preprocess(blank, yuanOrZero.optional()),
  earlierFreezes: rows(earlierFreeze),
  note: optionalText(500),
});
export type AnswerFreezeInput = z.infer<typeof AnswerFreezeSchema>;

/** An unfreeze done, or a return request closed after its entries. */
export const AnswerDoneSchema = z.object({ requestId, version, note: optionalText(500) });
export type AnswerDoneInput = z.infer<typeof AnswerDoneSchema>;

/** Refused: the details do not match (不符). */
export const RefuseRequestSchema = z.object({ requestId, version, note: text(2, 500, "money.validation.refuseReason") });
export type RefuseRequestInput = z.infer<typeof RefuseRequestSchema>;

/** One return (返还) as the bank made it: amount, date, receipt number. */
export const RecordReturnSchema = z.object({ requestId, version, amountYuan: yuan, returnedOn: day, receiptNumber: text(2, 60, "money.validation.receipt") });
export type RecordReturnInput = z.infer<typeof RecordReturnSchema>;

/** 立案: the criminal case is opened and gets its number. */
export const FileCaseNumberSchema = z.object({ caseId: z.uuid(), version, caseNumber: text(4, 40, "money.validation.caseNumber") });
export type FileCaseNumberInput = z.infer<typeof FileCaseNumberSchema>;

/** The full account and holder of a request, with the reason (audited). */
export const RevealRequestAccountSchema = z.object({ requestId, reason: text(2, 200, "validation.reasonRequired") });
export type RevealRequestAccountInput = z.infer<typeof RevealRequestAccountSchema>;
