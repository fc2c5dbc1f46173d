import { z } from "zod";
import { AlertOutcome, ContactChannel, ContactResult, FraudType, RiskLevel } from "@/prisma/generated/client/enums";
import { parseYuanToFen } from "@/lib/money";
import { CursorParamSchema } from "@/lib/pagination";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const alertId = z.uuid();
const version = z.coerce.number().int().min(1);

/** The analysts' queue: open alerts, most urgent first. Filters come from the URL. */
export const QueueFilterSchema = z.object({
  risk: z.preprocess(blank, z.enum(RiskLevel).optional()),
  fraudType: z.preprocess(blank, z.enum(FraudType).optional()),
  sourceId: z.preprocess(blank, z.uuid().optional()),
  districtId: z.preprocess(blank, z.uuid().optional()),
  status: z.preprocess(blank, z.enum(["NEW", "CLAIMED"]).optional()),
  mine: z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean()).default(false),
  unrouted: z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean()).default(false),
  cursor: CursorParamSchema,
});
export type QueueFilter = z.infer<typeof QueueFilterSchema>;

/** Exact phone search: sent by POST, never in a URL. */
export const PhoneSearchSchema = z.object({
  phone: z.string().trim().min(1, { error: "validation.required" }).max(32),
});

export const ClaimSchema = z.object({ alertId });
export const ReleaseSchema = z.object({ alertId, version });

export const ContactAttemptSchema = z.object({
  alertId,
  version,
  channel: z.enum(ContactChannel, { error: "validation.required" }),
  result: z.enum(ContactResult, { error: "validation.required" }),
  note: z.preprocess(blank, z.string().trim().max(500).optional()),
});

export const CommentSchema = z.object({
  alertId,
  text: z.string().trim().min(1, { error: "validation.required" }).max(1000),
});

export const ChangeRiskSchema = z.object({
  alertId,
  version,
  riskLevel: z.enum(RiskLevel, { error: "validation.required" }),
  reason: z.string().trim().min(2, { error: "validation.riskReason" }).max(200),
});

export const SetJurisdictionSchema = z.object({
  alertId,
  version,
  stationId: z.uuid({ error: "validation.required" }),
});

/** Closing: 已被骗 needs the loss (yuan as typed, turned into exact fen). */
export const CloseAlertSchema = z
  .object({
    alertId,
    version,
    outcome: z.enum(AlertOutcome, { error: "validation.required" }),
    lossYuan: z.preprocess(blank, z.string().trim().max(20).optional()),
    note: z.preprocess(blank, z.string().trim().max(500).optional()),
  })
  .transform((v, ctx) => {
    let lossFen: bigint | undefined;
    if (v.lossYuan !== undefined) {
      const parsed = parseYuanToFen(v.lossYuan);
      if (parsed === null) {
        ctx.addIssue({ code: "custom", path: ["lossYuan"], message: "validation.amount" });
        return z.NEVER;
      }
      lossFen = parsed;
    }
    if (v.outcome === "DEFRAUDED" && (lossFen === undefined || lossFen <= 0n)) {
      ctx.addIssue({ code: "custom", path: ["lossYuan"], message: "validation.lossRequired" });
      return z.NEVER;
    }
    return { alertId: v.alertId, version: v.version, outcome: v.outcome, lossFen: v.outcome === "DEFRAUDED" ? lossFen : undefined, note: v.note };
  });
export type CloseAlertInput = z.output<typeof CloseAlertSchema>;
