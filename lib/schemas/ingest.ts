// The alert ingestion API's contract (POST /api/v1/alerts). These schemas validate the requests
// AND generate the OpenAPI document (lib/openapi), so the two cannot drift apart. `.meta({ id })`
// names a component of that document (zod's registry just replaces an id seen again, so module
// reloads in development are harmless).
//
// Every object is strict: a field the API does not know is an error, never silently dropped (a
// typo in an optional field would otherwise lose data without anyone noticing). Parsing also
// normalises, and the normalised item is what the payload hash covers, so "+86 138 0013 8000"
// and "13800138000" are the same alert.
import { z } from "zod";
import { FraudType, RiskLevel } from "@/prisma/generated/client/enums";
import { normalizeMobile, normalizeFraudNumber } from "@/lib/pii/phone";
import { normalizeIdNumber } from "@/lib/pii/id-number";

export const MAX_ALERTS_PER_REQUEST = 1000;
/** 2 MiB: 1,000 alerts of realistic size take ~600 KiB. Checked on Content-Length and on the bytes read. */
export const MAX_INGEST_BODY_BYTES = 2 * 1024 * 1024;
/** A source's clock may run a little fast; anything later than this is a data error. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
const EARLIEST_DETECTED_AT = Date.parse("2000-01-01T00:00:00Z");

/** Control characters (NUL cannot be stored by PostgreSQL at all) and lone surrogates are refused. */
const CONTROL_CHARS = /\p{Cc}/u;
const isCleanText = (s: string) => s.isWellFormed() && !CONTROL_CHARS.test(s);

/** Free text: trimmed, non-empty, at most `max` characters, no control characters. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(isCleanText, { error: "must not contain control characters or unpaired surrogates" });

/** Optional free text; null is accepted as "absent" (many feeds send null for empty fields). */
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => v ?? undefined);

/** A list of evidence strings; absent, null and [] mean the same. */
const evidenceList = (item: z.ZodType<string, string>, maxItems: number) =>
  z
    .array(item)
    .max(maxItems)
    .nullish()
    .transform((v) => v ?? []);

const MobileSchema = z
  .string()
  .max(32)
  .transform((v, ctx) => {
    const mobile = normalizeMobile(v);
    if (mobile === null) {
      ctx.addIssue({ code: "custom", message: "not a mainland mobile number (11 digits starting with 1; +86/0086/86 prefix allowed)" });
      return z.NEVER;
    }
    return mobile;
  })
  .meta({ description: "The person's mainland mobile number; +86 / 0086 / 86 prefixes, spaces and dashes are removed.", example: "13800138000" });

const IdNumberSchema = z
  .string()
  .max(32)
  .nullish()
  .transform((v, ctx) => {
    if (v == null) return undefined;
    const id = normalizeIdNumber(v);
    if (id === null) {
      ctx.addIssue({ code: "custom", message: "not a valid 18-character resident ID number (GB 11643 check character or birth date wrong)" });
      return z.NEVER;
    }
    return id;
  })
  .meta({ description: "18-character resident ID number (GB 11643); a lowercase x is accepted.", example: "11010519491231002X" });

const DetectedAtSchema = z.iso
  .datetime({ offset: true })
  .transform((v, ctx) => {
    const ms = Date.parse(v);
    if (!(ms >= EARLIEST_DETECTED_AT)) {
      ctx.addIssue({ code: "custom", message: "must not be before 2000-01-01" });
      return z.NEVER;
    }
    if (ms > Date.now() + MAX_CLOCK_SKEW_MS) {
      ctx.addIssue({ code: "custom", message: "must not be in the future" });
      return z.NEVER;
    }
    // One canonical form (UTC, milliseconds) so the same instant always hashes the same.
    return new Date(ms).toISOString();
  })
  .meta({ description: "When the source detected the risk: ISO 8601 with seconds and a UTC offset (Z or ±hh:mm).", example: "2026-11-21T09:30:00+08:00" });

export const IngestPersonSchema = z
  .strictObject({
    name: text(64).meta({ example: "张三明" }),
    phone: MobileSchema,
    idNumber: IdNumberSchema.optional(),
    address: optionalText(200)
      .optional()
      .meta({ description: "Residential address; used to route the alert to its station through the community table.", example: "江州市东湖区滨江街道翠湖社区3栋2单元1201室" }),
  })
  .meta({ id: "IngestPerson", description: "The resident at risk." });

const fraudNumber = z
  .string()
  .max(64)
  .transform(normalizeFraudNumber)
  .pipe(text(40))
  .meta({ description: "A number that contacted the person, exactly as seen (international 00/+ prefixes are kept); whitespace is removed." });

export const IngestAlertSchema = z
  .strictObject({
    externalId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[\x21-\x7E]+$/, { error: "must be 1–64 visible ASCII characters" })
      .meta({ description: "The source's own id of this alert. Sending it again is safe: the same payload is a duplicate, a different one a conflict.", example: "NAT-20261121-000123" }),
    riskLevel: z.enum(RiskLevel).meta({ description: "LOW, MEDIUM (took a fraud call / installed a fraud app), HIGH, URGENT (being defrauded now)." }),
    fraudType: z.enum(FraudType).meta({ description: "National classification of telecom and online fraud." }),
    detectedAt: DetectedAtSchema,
    person: IngestPersonSchema,
    stationCode: z
      .string()
      .min(1)
      .max(32)
      .regex(/^[A-Za-z0-9_-]+$/, { error: "must be a station code such as D01S01" })
      .nullish()
      .transform((v) => v ?? undefined)
      .optional()
      .meta({ description: "Code of the police station (派出所) responsible, when the source knows it. Otherwise the station is found from the address.", example: "D01S01" }),
    cityCode: z
      .string()
      .min(1)
      .max(32)
      .regex(/^[A-Za-z0-9_-]+$/, { error: "must be a city code such as JZ" })
      .nullish()
      .transform((v) => v ?? undefined)
      .optional()
      .meta({
        description:
          "Code of the city (市局) the alert belongs to, when the source knows it (a national feed serves many cities). A station code must then be one of this city's; the address is routed among its communities; an alert whose station cannot be found waits in this city's jurisdiction-unknown queue. Needed when the station cannot be found and the installation serves several cities.",
        example: "JZ",
      }),
    callerNumbers: evidenceList(fraudNumber, 50),
    appNames: evidenceList(text(64), 50).meta({ description: "Fraud apps the person installed or was told to install." }),
    urls: evidenceList(text(2048), 50).meta({ description: "Fraud links, kept as given (not necessarily valid URLs)." }),
    suspectAccounts: evidenceList(text(64), 50).meta({ description: "Receiving accounts named by the fraudster." }),
    amountInTransferFen: z
      .int()
      .min(0)
      .nullish()
      .transform((v) => v ?? undefined)
      .optional()
      .meta({ description: "Amount being transferred, in fen (1 yuan = 100 fen), as an integer.", example: 4500000 }),
  })
  .meta({ id: "IngestAlert", description: "One early-warning alert (预警)." });

/** The request body as documented. Parsing uses IngestEnvelopeSchema and then each item on its own. */
export const IngestRequestSchema = z
  .strictObject({
    alerts: z.array(IngestAlertSchema).min(1).max(MAX_ALERTS_PER_REQUEST),
  })
  .meta({ id: "IngestRequest" });

/** The envelope only: items are validated one by one, so one bad item never blocks the others. */
export const IngestEnvelopeSchema = z.strictObject({
  alerts: z.array(z.unknown()).min(1).max(MAX_ALERTS_PER_REQUEST),
});

export type IngestAlertInput = z.input<typeof IngestAlertSchema>;
/** A validated, normalised alert: what is stored and what the payload hash covers. */
export type IngestAlert = z.output<typeof IngestAlertSchema>;

// ─── Responses ──────────────────────────────────────────────────────────────────────────────

export const FieldErrorSchema = z
  .object({
    path: z.string().meta({ description: "Where in the item: \"person.phone\", \"callerNumbers[2]\"; \"\" for the item itself.", example: "person.phone" }),
    message: z.string(),
  })
  .meta({ id: "FieldError", description: "One validation error of an item." });
export type FieldError = z.infer<typeof FieldErrorSchema>;

const resultBase = {
  index: z.int().min(0).meta({ description: "Position of the item in the request." }),
  externalId: z.string().nullable().meta({ description: "The item's externalId when it was a valid one, else null." }),
};

export const CreatedResultSchema = z.object({
  ...resultBase,
  status: z.literal(201),
  outcome: z.literal("created"),
  alertId: z.uuid(),
  joinedAlertId: z
    .uuid()
    .optional()
    .meta({ description: "Set when the person already had an open alert detected at most 72 hours earlier: this alert was recorded as a repeat of that one (status JOINED) instead of a new queue item." }),
}).meta({ id: "CreatedResult" });
export const DuplicateResultSchema = z.object({
  ...resultBase,
  status: z.literal(200),
  outcome: z.literal("duplicate"),
  alertId: z.uuid().meta({ description: "The alert recorded earlier for this externalId." }),
}).meta({ id: "DuplicateResult" });
export const ConflictResultSchema = z.object({
  ...resultBase,
  status: z.literal(409),
  outcome: z.literal("conflict"),
  alertId: z.uuid().meta({ description: "The alert recorded earlier for this externalId, with a different payload; it was not changed." }),
}).meta({ id: "ConflictResult" });
export const InvalidResultSchema = z.object({
  ...resultBase,
  status: z.literal(422),
  outcome: z.literal("invalid"),
  errors: z.array(FieldErrorSchema).min(1),
}).meta({ id: "InvalidResult" });

export const IngestItemResultSchema = z.discriminatedUnion("outcome", [
  CreatedResultSchema,
  DuplicateResultSchema,
  ConflictResultSchema,
  InvalidResultSchema,
]).meta({ id: "IngestItemResult" });
export type IngestItemResult = z.infer<typeof IngestItemResultSchema>;

export const IngestSummarySchema = z.object({
  created: z.int().min(0),
  duplicate: z.int().min(0),
  conflict: z.int().min(0),
  invalid: z.int().min(0),
  joined: z.int().min(0).meta({ description: "How many of the created alerts joined an open alert of the same person." }),
}).meta({ id: "IngestSummary" });
export type IngestSummary = z.infer<typeof IngestSummarySchema>;

export const IngestResponseSchema = z.object({
  results: z.array(IngestItemResultSchema).meta({ description: "One result per item, in request order." }),
  summary: IngestSummarySchema,
}).meta({ id: "IngestResponse" });
export type IngestResponse = z.infer<typeof IngestResponseSchema>;

// ─── Parsing helpers ────────────────────────────────────────────────────────────────────────

/** English messages whatever locale the console's forms configure: this is a machine API. */
const englishErrors = z.locales.en().localeError;

export type ItemParse = { ok: true; alert: IngestAlert } | { ok: false; errors: FieldError[] };

export function parseIngestAlert(item: unknown): ItemParse {
  const parsed = IngestAlertSchema.safeParse(item, { error: englishErrors });
  return parsed.success ? { ok: true, alert: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
}

/** At most this many errors per item (an item with 10,000 unknown fields gets a short answer). */
export const MAX_FIELD_ERRORS = 20;

/** Zod issues as `{ path, message }`; an unknown field becomes one error on that field. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push({ path: formatPath([...issue.path, key]), message: "unknown field" });
    } else {
      out.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  if (out.length <= MAX_FIELD_ERRORS) return out;
  return [...out.slice(0, MAX_FIELD_ERRORS - 1), { path: "", message: `and ${out.length - MAX_FIELD_ERRORS + 1} more errors` }];
}

/** ["person", "phone"] → "person.phone"; ["urls", 2] → "urls[2]". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

/** The externalId of a raw item, when it is a valid one (to label results of invalid items). */
export function rawExternalId(item: unknown): string | null {
  if (typeof item !== "object" || item === null || Array.isArray(item)) return null;
  const parsed = IngestAlertSchema.shape.externalId.safeParse((item as Record<string, unknown>).externalId);
  return parsed.success ? parsed.data : null;
}
