// Input rules of the admin configuration screens: alert sources and their API keys, SLA rules,
// playbooks (劝阻话术) and the community → station routing table. Shared by forms, actions and
// the domain functions. Messages are catalog keys (validation.* / adminConfig.validation.*).
import { z } from "zod";
import { FraudType, RiskLevel, SourceKind } from "@/prisma/generated/client/enums";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
/** Trimmed, inner runs of whitespace (including the full-width space) collapsed to one. */
const tidy = (s: string) => s.trim().replace(/\s+/g, " ");

// ─── Alert sources and API keys ───────────────────────────────────────────────────────────────

export const CreateSourceSchema = z.object({
  code: z
    .string({ error: "validation.required" })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{1,31}$/, { error: "adminConfig.validation.sourceCode" }),
  name: z
    .string({ error: "validation.required" })
    .transform(tidy)
    .pipe(z.string().min(2, { error: "adminConfig.validation.sourceName" }).max(100, { error: "adminConfig.validation.sourceName" })),
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

// ─── SLA rules ────────────────────────────────────────────────────────────────────────────────

export const SLA_MINUTES_MIN = 1;
/** 7 days; the database refuses more (sla_rule_minutes_check). */
export const SLA_MINUTES_MAX = 7 * 24 * 60;

/** Highest risk first: the order of the form and of the "higher risk, shorter deadline" rule. */
export const RISK_LEVELS_BY_URGENCY = ["URGENT", "HIGH", "MEDIUM", "LOW"] as const satisfies readonly RiskLevel[];

const slaMinutes = z.coerce
  .number({ error: "adminConfig.validation.slaMinutes" })
  .int({ error: "adminConfig.validation.slaMinutes" })
  .min(SLA_MINUTES_MIN, { error: "adminConfig.validation.slaMinutes" })
  .max(SLA_MINUTES_MAX, { error: "adminConfig.validation.slaMinutes" });

/**
 * All four first-contact deadlines at once. A higher risk may not get a longer deadline than a
 * lower one (紧急 ≤ 高 ≤ 中 ≤ 低): a typo such as 50 for 5 would otherwise quietly let urgent
 * alerts wait longer than high ones.
 */
export const SlaRulesSchema = z
  .object({ URGENT: slaMinutes, HIGH: slaMinutes, MEDIUM: slaMinutes, LOW: slaMinutes })
  .superRefine((v, ctx) => {
    // zod runs this even when a field already failed; compare only values that are valid.
    const valid = (n: number) => Number.isInteger(n) && n >= SLA_MINUTES_MIN && n <= SLA_MINUTES_MAX;
    for (let i = 1; i < RISK_LEVELS_BY_URGENCY.length; i++) {
      const higher = RISK_LEVELS_BY_URGENCY[i - 1]!;
      const lower = RISK_LEVELS_BY_URGENCY[i]!;
      if (valid(v[higher]) && valid(v[lower]) && v[lower] < v[higher]) {
        ctx.addIssue({ code: "custom", path: [lower], message: "adminConfig.validation.slaOrder" });
      }
    }
  });
export type SlaRulesInput = z.output<typeof SlaRulesSchema>;

// ─── Playbooks ────────────────────────────────────────────────────────────────────────────────

export const PLAYBOOK_CONTENT_MAX = 5000;

export const UpdatePlaybookSchema = z.object({
  fraudType: z.enum(FraudType),
  /** The version the admin loaded; 0 when the type has no playbook yet. */
  version: z.coerce.number().int().min(0),
  title: z
    .string({ error: "validation.required" })
    .transform(tidy)
    .pipe(z.string().min(2, { error: "adminConfig.validation.playbookTitle" }).max(100, { error: "adminConfig.validation.playbookTitle" })),
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

export const FraudTypeParamSchema = z.enum(FraudType);

// ─── Communities (辖区对照) ───────────────────────────────────────────────────────────────────

const placeName = (error: string) =>
  z
    .string({ error: "validation.required" })
    .transform(tidy)
    .pipe(z.string().min(2, { error }).max(100, { error }));

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
