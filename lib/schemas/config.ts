// Input rules of the admin configuration screens: alert sources and their API keys, deadline rules,
// playbooks (劝阻话术) and the community → station routing table. Shared by forms, actions and
// the domain functions. Messages are catalog keys (validation.* / adminConfig.validation.*).
import { z } from "zod";
import { DeadlineKind, DeadlineUnit, FraudType, RiskLevel, SourceKind } from "@/prisma/generated/client/enums";
import { DEADLINE_LIMITS, isRiskKeyed, WORKING_DAY_KINDS } from "@/lib/deadlines/defaults";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
/** Trimmed, inner runs of whitespace (including the full-width space) collapsed to one. */
const tidy = (s: string) => s.trim().replace(/\s+/g, " ");

/** A line of text, tidied, of `min` to `max` characters; `error` for either bound. */
export function tidyText(min: number, max: number, error: string) {
  return z.string({ error: "validation.required" }).transform(tidy).pipe(z.string().min(min, { error }).max(max, { error }));
}

// ─── Alert sources and API keys ───────────────────────────────────────────────────────────────

export const CreateSourceSchema = z.object({
  code: z
    .string({ error: "validation.required" })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{1,31}$/, { error: "adminConfig.validation.sourceCode" }),
  name: tidyText(2, 100, "adminConfig.validation.sourceName"),
  kind: z.enum(SourceKind, { error: "validation.required" }),
});
export type CreateSourceInput = z.output<typeof CreateSourceSchema>;

export const SetSourceActiveSchema = z.object({
  sourceId: z.uuid(),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export type SetSourceActiveInput = z.output<typeof SetSourceActiveSchema>;

export const CreateApiKeySchema = z.object({ sourceId: z.uuid() });
export const RevokeApiKeySchema = z.object({ keyId: z.uuid() });

// ─── Deadline rules ───────────────────────────────────────────────────────────────────────────

/** Highest risk first: the order of the form and of the "higher risk, shorter deadline" rule. */
export const RISK_LEVELS_BY_URGENCY = ["URGENT", "HIGH", "MEDIUM", "LOW"] as const satisfies readonly RiskLevel[];

const amount = z.coerce
  .number({ error: "adminConfig.validation.deadlineAmount" })
  .int({ error: "adminConfig.validation.deadlineAmount" })
  .min(1, { error: "adminConfig.validation.deadlineAmount" });
const optionalAmount = z.preprocess(blank, amount.optional());

/**
 * The rules of one kind as the form sends them: the four levels of a risk-keyed kind (a higher
 * risk may not get a longer deadline than a lower one: a typo such as 50 for 5 would otherwise
 * quietly let urgent alerts wait longer than high ones), or one value (`ANY`) for a bank step.
 * `stamp` is what the admin saw: someone else's save in between is a conflict.
 */
export const DeadlineRulesSchema = z
  .object({
    kind: z.enum(DeadlineKind),
    stamp: z.string().max(2000),
    unit: z.preprocess(blank, z.enum(DeadlineUnit).default("MINUTES")),
    URGENT: optionalAmount,
    HIGH: optionalAmount,
    MEDIUM: optionalAmount,
    LOW: optionalAmount,
    ANY: optionalAmount,
  })
  .superRefine((v, ctx) => {
    const limits = DEADLINE_LIMITS[v.unit];
    const levels = isRiskKeyed(v.kind) ? RISK_LEVELS_BY_URGENCY : (["ANY"] as const);
    if (v.unit === "WORKING_DAYS" && !(WORKING_DAY_KINDS as readonly DeadlineKind[]).includes(v.kind)) {
      ctx.addIssue({ code: "custom", path: ["unit"], message: "adminConfig.validation.deadlineUnit" });
    }
    for (const level of levels) {
      const n = v[level];
      if (n === undefined) ctx.addIssue({ code: "custom", path: [level], message: "validation.required" });
      else if (n < limits.min || n > limits.max) ctx.addIssue({ code: "custom", path: [level], message: `adminConfig.validation.deadlineRange${v.unit === "MINUTES" ? "Minutes" : "Days"}` });
    }
    if (isRiskKeyed(v.kind)) {
      for (let i = 1; i < RISK_LEVELS_BY_URGENCY.length; i++) {
        const higher = v[RISK_LEVELS_BY_URGENCY[i - 1]!];
        const lower = v[RISK_LEVELS_BY_URGENCY[i]!];
        if (higher !== undefined && lower !== undefined && lower < higher) {
          ctx.addIssue({ code: "custom", path: [RISK_LEVELS_BY_URGENCY[i]!], message: "adminConfig.validation.deadlineOrder" });
        }
      }
    }
  })
  .transform((v) => ({
    kind: v.kind,
    stamp: v.stamp,
    unit: v.unit,
    values: (isRiskKeyed(v.kind) ? RISK_LEVELS_BY_URGENCY : (["ANY"] as const)).map((level) => ({
      riskLevel: level === "ANY" ? null : level,
      amount: v[level]!,
    })),
  }));
export type DeadlineRulesInput = z.output<typeof DeadlineRulesSchema>;

export const ResetDeadlineRulesSchema = z.object({ kind: z.enum(DeadlineKind), stamp: z.string().max(2000) });
export type ResetDeadlineRulesInput = z.output<typeof ResetDeadlineRulesSchema>;

// ─── Playbooks ────────────────────────────────────────────────────────────────────────────────

export const PLAYBOOK_CONTENT_MAX = 5000;

export const UpdatePlaybookSchema = z.object({
  fraudType: z.enum(FraudType),
  /** The version the admin loaded; 0 when the type has no playbook yet. */
  version: z.coerce.number().int().min(0),
  title: tidyText(2, 100, "adminConfig.validation.playbookTitle"),
  // Plain text read aloud on the phone: keep the line breaks, drop trailing spaces and CRs.
  content: z
    .string({ error: "validation.required" })
    .transform((s) => s.replace(/\r\n?/g, "\n").replace(/[ \t]+$/gm, "").trim())
    .pipe(
      z
        .string()
        .min(20, { error: "adminConfig.validation.playbookContent" })
        .max(PLAYBOOK_CONTENT_MAX, { error: "adminConfig.validation.playbookContent" }),
    ),
});
export type UpdatePlaybookInput = z.output<typeof UpdatePlaybookSchema>;

export const ResetPlaybookSchema = z.object({ fraudType: z.enum(FraudType), version: z.coerce.number().int().min(1) });
export type ResetPlaybookInput = z.output<typeof ResetPlaybookSchema>;

export const FraudTypeParamSchema = z.enum(FraudType);

// ─── Communities (辖区对照) ───────────────────────────────────────────────────────────────────

const placeName = (error: string) => tidyText(2, 100, error);

export const CommunityFilterSchema = z.object({
  q: z.preprocess(blank, z.string().trim().max(50).optional()),
  stationId: z.preprocess(blank, z.uuid().optional()),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).optional()),
});
export type CommunityFilter = z.output<typeof CommunityFilterSchema>;

export const CreateCommunitySchema = z.object({
  street: placeName("adminConfig.validation.street"),
  name: placeName("adminConfig.validation.communityName"),
  stationId: z.uuid({ error: "validation.unknownStation" }),
});
export type CreateCommunityInput = z.output<typeof CreateCommunitySchema>;

export const ChangeCommunityStationSchema = z.object({
  communityId: z.uuid(),
  stationId: z.uuid({ error: "validation.unknownStation" }),
});
export type ChangeCommunityStationInput = z.output<typeof ChangeCommunityStationSchema>;

export const DeleteCommunitySchema = z.object({ communityId: z.uuid() });
