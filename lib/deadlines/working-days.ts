// Working days in Asia/Shanghai. China's calendar moves holidays and makes some weekends working
// days (调休), so no rule computes it: the admins keep a calendar per year (with the money
// workflow). Until a year is kept, Monday to Friday are working days.
import { shanghaiDay, shanghaiDayStart } from "@/lib/time";

export interface WorkingDayCalendar {
  /** Whether a Shanghai calendar day (YYYY-MM-DD) is a working day. */
  isWorkingDay(day: string): boolean;
}

export const MONDAY_TO_FRIDAY: WorkingDayCalendar = {
  isWorkingDay(day) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  },
};

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The end of the `n`th working day after the day of `start` (the day itself does not count: a
 * request filed on Friday afternoon with 3 working days is due at the end of Wednesday). The end
 * of a day is the start of the next one, 00:00 Shanghai time.
 */
export function addWorkingDays(start: Date, n: number, calendar: WorkingDayCalendar = MONDAY_TO_FRIDAY): Date {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a positive integer, got ${n}`);
  let day = shanghaiDay(start);
  let counted = 0;
  // A calendar with no working day for a long stretch is a configuration error, not a loop.
  for (let guard = 0; guard < 3660; guard++) {
    day = nextDay(day);
    if (calendar.isWorkingDay(day) && ++counted === n) return shanghaiDayStart(nextDay(day));
  }
  throw new RangeError("no working day found within ten years");
}
