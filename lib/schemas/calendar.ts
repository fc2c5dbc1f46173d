// Input rules of the working-day calendar: the exceptions to Monday–Friday (节假日, and the
// weekends that are working days under 调休), one day at a time or a year's lines pasted from the
// State Council's notice ("2027-10-01 休 国庆节" / "2027-09-26 班 国庆调休"). Shared by the forms,
// the actions and the domain functions. Messages are catalog keys (moneyAdmin.validation.*).
import { z } from "zod";
import { MONDAY_TO_FRIDAY } from "@/lib/deadlines/working-days";
import { tidyText } from "@/lib/schemas/config";

export const CALENDAR_YEARS = { min: 2000, max: 2099 } as const;
export const CALENDAR_NOTE_MAX = 60;
/** A year has some thirty to forty exceptions; a paste of many more is not a year's notice. */
export const CALENDAR_IMPORT_MAX_DAYS = 120;
/** A paste with many bad lines reports the first ones: enough to see the pattern. */
const MAX_LINE_ERRORS = 20;
/** The longest holiday is the Spring Festival's eight or nine days; a range beyond a month is a typo. */
const MAX_RANGE_DAYS = 31;

/** The words a line may use for "not a working day" and "a working day". */
const DAY_KINDS: Record<string, boolean> = { 休: false, 放假: false, 休息: false, off: false, 班: true, 上班: true, work: true };

/** "2027-10-01", "2027-9-26", "2027/10/1", "2027.10.1" or "2027年10月1日" as YYYY-MM-DD, else unchanged. */
function normalizeDay(input: unknown): unknown {
  if (typeof input !== "string") return input;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(input.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : input.trim();
}

/** A real day of the calendar (not 2027-02-30) in the years the calendar keeps. */
function isKeptDay(day: string): boolean {
  const at = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== day) return false;
  const year = at.getUTCFullYear();
  return year >= CALENDAR_YEARS.min && year <= CALENDAR_YEARS.max;
}

export const CalendarDaySchema = z.preprocess(
  normalizeDay,
  z
    .string({ error: "validation.required" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "moneyAdmin.validation.day" })
    .refine(isKeptDay, { error: "moneyAdmin.validation.day" }),
);

const note = tidyText(1, CALENDAR_NOTE_MAX, "moneyAdmin.validation.note");

const working = z.enum(["true", "false"], { error: "moneyAdmin.validation.dayKind" }).transform((v) => v === "true");

/** 调休 makes a weekend a working day; Monday to Friday already are, so "班" on one is a typo. */
function checkWorkingWeekend(v: { day: string; working: boolean }, ctx: z.RefinementCtx): void {
  if (v.working && MONDAY_TO_FRIDAY.isWorkingDay(v.day)) {
    ctx.addIssue({ code: "custom", path: ["working"], message: "moneyAdmin.validation.workdayOnWeekday" });
  }
}

const dayFields = z.object({ day: CalendarDaySchema, working, note });

export const AddCalendarDaySchema = dayFields.superRefine(checkWorkingWeekend);
export type CalendarDayInput = z.output<typeof AddCalendarDaySchema>;

/** `stamp` is the day as the admin saw it: a change by someone else since is a conflict. */
export const ChangeCalendarDaySchema = dayFields.extend({ stamp: z.string().max(64) }).superRefine(checkWorkingWeekend);
export type ChangeCalendarDayInput = z.output<typeof ChangeCalendarDaySchema>;

export const RemoveCalendarDaySchema = z.object({ day: CalendarDaySchema, stamp: z.string().max(64) });
export type RemoveCalendarDayInput = z.output<typeof RemoveCalendarDaySchema>;

export const CalendarYearSchema = z.coerce.number().int().min(CALENDAR_YEARS.min).max(CALENDAR_YEARS.max);

export interface LineError {
  line: number;
  message: string;
  values?: Record<string, string | number>;
}

/** The days from `from` to `to` (both YYYY-MM-DD, inclusive), or null when the range runs backwards or past a month. */
function daysFrom(from: string, to: string): string[] | null {
  const start = Date.parse(`${from}T00:00:00Z`);
  const count = (Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000 + 1;
  if (count < 1 || count > MAX_RANGE_DAYS) return null;
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

/**
 * Reads a year's lines: "<date> <休|班> <note>", one day a line, or a range of days as the notice
 * writes a holiday ("2027-10-01~2027-10-07 休 国庆节"); blank lines and lines starting with # are
 * skipped. Every day must be of `year` (a notice copied in December is easily entered under the
 * wrong year) and appear once. Returns the days, or the errors of the first bad lines.
 */
export function parseCalendarLines(text: string, year: number): { days: CalendarDayInput[]; errors: LineError[] } {
  const days: CalendarDayInput[] = [];
  const errors: LineError[] = [];
  const firstLineOf = new Map<string, number>();
  const readLine = (trimmed: string, line: number): LineError | null => {
    const [dayText = "", kindText, ...rest] = trimmed.split(/\s+/);
    if (kindText === undefined) return { line, message: "moneyAdmin.validation.lineFormat" };
    const kind = DAY_KINDS[kindText.toLowerCase()];
    const [fromText = "", toText = fromText] = dayText.split(/~|～|至/);
    const from = CalendarDaySchema.safeParse(fromText);
    const to = CalendarDaySchema.safeParse(toText);
    if (!from.success || !to.success) return { line, message: "moneyAdmin.validation.day" };
    const range = daysFrom(from.data, to.data);
    if (!range) return { line, message: "moneyAdmin.validation.dayRange", values: { max: MAX_RANGE_DAYS } };
    const parsed = range.map((day) => AddCalendarDaySchema.safeParse({ day, working: kind === undefined ? "" : String(kind), note: rest.join(" ") }));
    const failed = parsed.find((p) => !p.success);
    if (failed?.error) return { line, message: failed.error.issues[0]!.message };
    for (const { data } of parsed) {
      const day = data!;
      // The year as text: a number in a message would be printed grouped ("2,031").
      if (Number(day.day.slice(0, 4)) !== year) return { line, message: "moneyAdmin.validation.notInYear", values: { year: String(year) } };
      const first = firstLineOf.get(day.day);
      if (first !== undefined) return { line, message: "moneyAdmin.validation.duplicateDay", values: { first } };
    }
    for (const { data } of parsed) {
      firstLineOf.set(data!.day, line);
      days.push(data!);
    }
    return null;
  };
  text.replace(/\r\n?/g, "\n").split("\n").forEach((raw, index) => {
    const trimmed = raw.replace(/\u3000/g, " ").trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const error = readLine(trimmed, index + 1);
    if (error) errors.push(error);
  });
  return { days, errors: errors.slice(0, MAX_LINE_ERRORS) };
}

/** A year's lines as the bulk form sends them; `stamp` is the year as the admin saw it. */
export const ImportCalendarSchema = z
  .object({ year: CalendarYearSchema, stamp: z.string().max(64), text: z.string({ error: "validation.required" }).max(20_000, { error: "validation.tooLong" }) })
  .transform((v, ctx) => {
    const { days, errors } = parseCalendarLines(v.text, v.year);
    for (const e of errors) ctx.addIssue({ code: "custom", path: ["text"], message: e.message, params: { line: e.line, ...e.values } });
    if (errors.length === 0 && days.length === 0) ctx.addIssue({ code: "custom", path: ["text"], message: "moneyAdmin.validation.noLines" });
    if (days.length > CALENDAR_IMPORT_MAX_DAYS) {
      ctx.addIssue({ code: "custom", path: ["text"], message: "moneyAdmin.validation.tooManyDays", params: { max: CALENDAR_IMPORT_MAX_DAYS } });
    }
    if (errors.length > 0 || days.length === 0 || days.length > CALENDAR_IMPORT_MAX_DAYS) return z.NEVER;
    return { year: v.year, stamp: v.stamp, days };
  });
export type ImportCalendarInput = z.output<typeof ImportCalendarSchema>;
