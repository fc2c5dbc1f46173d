import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, ValidationError } from "@/lib/errors";
import { contentStamp } from "@/lib/server/config/content-stamp";
import { calendarDate, calendarDayOf } from "@/lib/server/config/working-calendar";
import {
  AddCalendarDaySchema,
  type CalendarDayInput,
  type ChangeCalendarDayInput,
  type ImportCalendarInput,
  type RemoveCalendarDayInput,
} from "@/lib/schemas/calendar";

// The working-day calendar (节假日 and 调休), installation-wide: its system administrator keeps
// the exceptions to Monday–Friday, every system administrator may read them. The table is small
// and written a few times a year, so every write locks it against other writes (reads go on):
// the stamp a write checks cannot change before it commits.

export interface CalendarDayRow {
  day: string;
  working: boolean;
  note: string;
  updatedAt: string;
  /** The day as loaded: changing or removing it against another stamp is a conflict. */
  stamp: string;
}

export interface CalendarYearView {
  year: number;
  days: CalendarDayRow[];
  /** The year as loaded: the bulk entry against another stamp is a conflict. */
  stamp: string;
  /** The years that have exceptions, for the year picker. */
  keptYears: number[];
  canManage: boolean;
}

const DAY_SELECT = { day: true, working: true, note: true, updatedAt: true } as const;

type DayRecord = { day: Date; working: boolean; note: string };

/** The stamp of some days (none: the stamp of a day that is not in the calendar). */
function stampOf(rows: readonly DayRecord[]): string {
  return contentStamp(rows.map((r) => [calendarDayOf(r.day), r.working, r.note]).sort());
}

function yearRange(year: number): { gte: Date; lte: Date } {
  return { gte: calendarDate(`${year}-01-01`), lte: calendarDate(`${year}-12-31`) };
}

async function lockCalendar(tx: Tx): Promise<void> {
  await tx.$executeRaw`LOCK TABLE calendar_day IN EXCLUSIVE MODE`;
}

/** The rules of the form, checked again whatever the caller sends. */
function checkDay(input: CalendarDayInput, field?: string): CalendarDayInput {
  const parsed = AddCalendarDaySchema.safeParse({ day: input.day, working: String(input.working), note: input.note });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ValidationError(issue.message, field ?? (issue.path.length ? String(issue.path[0]) : undefined));
  }
  return parsed.data;
}

/** A year's exceptions, by day. */
export async function listCalendarYear(actor: Actor, year: number): Promise<CalendarYearView> {
  await assertCan(actor, "calendar.read");
  const [rows, years] = await Promise.all([
    db.calendarDay.findMany({ where: { day: yearRange(year) }, orderBy: { day: "asc" }, select: DAY_SELECT }),
    db.$queryRaw<{ year: number }[]>`SELECT DISTINCT EXTRACT(YEAR FROM day)::int AS year FROM calendar_day ORDER BY 1`,
  ]);
  return {
    year,
    days: rows.map((r) => ({ day: calendarDayOf(r.day), working: r.working, note: r.note, updatedAt: r.updatedAt.toISOString(), stamp: stampOf([r]) })),
    stamp: stampOf(rows),
    keptYears: years.map((y) => y.year),
    canManage: can(actor, "calendar.manage"),
  };
}

/** Adds a day that is not in the calendar yet (one that is: a field error, change it instead). */
export async function addCalendarDay(actor: Actor, input: CalendarDayInput): Promise<void> {
  await assertCan(actor, "calendar.manage", { type: "calendar_day", id: input.day });
  const day = checkDay(input);
  await db.$transaction(async (tx) => {
    await lockCalendar(tx);
    if (await tx.calendarDay.findUnique({ where: { day: calendarDate(day.day) }, select: { day: true } })) {
      throw new ValidationError("moneyAdmin.validation.dayTaken", "day");
    }
    await tx.calendarDay.create({ data: { day: calendarDate(day.day), working: day.working, note: day.note }, select: { day: true } });
    await recordAudit(tx, actor, {
      action: "calendar.add_day",
      outcome: "SUCCESS",
      entityType: "calendar_day",
      entityId: day.day,
      details: { day: day.day, working: day.working, note: day.note },
    });
  });
}

/** Loads one day under the lock and refuses when it is not as the admin saw it (`stamp`). */
async function lockedDay(tx: Tx, day: string, stamp: string): Promise<DayRecord> {
  await lockCalendar(tx);
  const row = await tx.calendarDay.findUnique({ where: { day: calendarDate(day) }, select: DAY_SELECT });
  if (!row || stampOf([row]) !== stamp) throw new ConflictError();
  return row;
}

/** Changes a day's kind or note. Saving it unchanged writes and records nothing. */
export async function changeCalendarDay(actor: Actor, input: ChangeCalendarDayInput): Promise<{ changed: boolean }> {
  await assertCan(actor, "calendar.manage", { type: "calendar_day", id: input.day });
  const day = checkDay(input);
  return db.$transaction(async (tx) => {
    const before = await lockedDay(tx, day.day, input.stamp);
    if (before.working === day.working && before.note === day.note) return { changed: false };
    await tx.calendarDay.update({ where: { day: before.day }, data: { working: day.working, note: day.note }, select: { day: true } });
    await recordAudit(tx, actor, {
      action: "calendar.change_day",
      outcome: "SUCCESS",
      entityType: "calendar_day",
      entityId: day.day,
      details: { day: day.day, working: day.working, note: day.note, before: { working: before.working, note: before.note } },
    });
    return { changed: true };
  });
}

/** Removes a day: it is an ordinary day again (a working day from Monday to Friday). */
export async function removeCalendarDay(actor: Actor, input: RemoveCalendarDayInput): Promise<void> {
  await assertCan(actor, "calendar.manage", { type: "calendar_day", id: input.day });
  await db.$transaction(async (tx) => {
    const before = await lockedDay(tx, input.day, input.stamp);
    await tx.calendarDay.delete({ where: { day: before.day }, select: { day: true } });
    await recordAudit(tx, actor, {
      action: "calendar.remove_day",
      outcome: "SUCCESS",
      entityType: "calendar_day",
      entityId: input.day,
      details: { day: input.day, working: before.working, note: before.note },
    });
  });
}

/**
 * Enters a year's days at once (the State Council's notice, each December): each listed day is
 * added or changed, days not listed stay as they are. All or nothing, in one transaction, with
 * one audit row naming the days written; refused when the year changed since the admin loaded it.
 */
export async function importCalendarYear(actor: Actor, input: ImportCalendarInput): Promise<{ created: number; updated: number; unchanged: number }> {
  await assertCan(actor, "calendar.manage", { type: "calendar_year", id: String(input.year) });
  const days = input.days.map((d) => checkDay(d, "text"));
  if (days.length === 0) throw new ValidationError("moneyAdmin.validation.noLines", "text");
  // The form reports these line by line (parseCalendarLines); here they are only refused.
  const wrongYear = days.some((d) => Number(d.day.slice(0, 4)) !== input.year);
  if (wrongYear || new Set(days.map((d) => d.day)).size !== days.length) throw new ValidationError("moneyAdmin.validation.importLines", "text");
  return db.$transaction(async (tx) => {
    await lockCalendar(tx);
    const rows = await tx.calendarDay.findMany({ where: { day: yearRange(input.year) }, orderBy: { day: "asc" }, select: DAY_SELECT });
    if (stampOf(rows) !== input.stamp) throw new ConflictError();
    const existing = new Map(rows.map((r) => [calendarDayOf(r.day), r]));
    const created = days.filter((d) => !existing.has(d.day));
    const updated = days.filter((d) => {
      const row = existing.get(d.day);
      return row !== undefined && (row.working !== d.working || row.note !== d.note);
    });
    if (created.length > 0) {
      await tx.calendarDay.createMany({ data: created.map((d) => ({ day: calendarDate(d.day), working: d.working, note: d.note })) });
    }
    for (const d of updated) {
      await tx.calendarDay.update({ where: { day: calendarDate(d.day) }, data: { working: d.working, note: d.note }, select: { day: true } });
    }
    const result = { created: created.length, updated: updated.length, unchanged: days.length - created.length - updated.length };
    if (created.length + updated.length > 0) {
      await recordAudit(tx, actor, {
        action: "calendar.import",
        outcome: "SUCCESS",
        entityType: "calendar_year",
        entityId: String(input.year),
        details: {
          year: input.year,
          created: result.created,
          updated: result.updated,
          days: [...created, ...updated].map((d) => ({ day: d.day, working: d.working, note: d.note })).sort((a, b) => a.day.localeCompare(b.day)),
        },
      });
    }
    return result;
  });
}
