import "server-only";
import type { Tx } from "@/lib/db";
import { MONDAY_TO_FRIDAY, type WorkingDayCalendar } from "@/lib/deadlines/working-days";
import { shanghaiDay } from "@/lib/time";

// The working-day calendar as the workflows count with it (reply-by times in working days, with
// lib/deadlines/deadline-from.ts): the installation's exceptions (calendar_day: 节假日, and the
// weekends worked under 调休), Monday to Friday otherwise.

/** A calendar day (YYYY-MM-DD) as the DATE column holds it (midnight UTC). */
export function calendarDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The YYYY-MM-DD of a DATE column's value. */
export function calendarDayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The calendar from the Shanghai day of `from` to that of `to`, read once. A system read (no
 * actor); pass the transaction client to read inside a transaction. A day outside the range
 * throws rather than being guessed: load the range the count can reach.
 */
export async function loadWorkingDayCalendar(client: Pick<Tx, "calendarDay">, from: Date, to: Date): Promise<WorkingDayCalendar> {
  const first = shanghaiDay(from);
  const last = shanghaiDay(to);
  const rows = await client.calendarDay.findMany({
    where: { day: { gte: calendarDate(first), lte: calendarDate(last) } },
    select: { day: true, working: true },
  });
  const exceptions = new Map(rows.map((r) => [calendarDayOf(r.day), r.working]));
  return {
    isWorkingDay(day) {
      if (day < first || day > last) throw new RangeError(`the working-day calendar was loaded for ${first}…${last}, not ${day}`);
      return exceptions.get(day) ?? MONDAY_TO_FRIDAY.isWorkingDay(day);
    },
  };
}
