// The clocks of the money workflow (DOMAIN.md): the first stop within 30 minutes of the report,
// a stop holding 48 h, a freeze for its term in calendar months (6; up to 12 for major cases), and
// the reminders before each ends. Pure, with the time passed in.
import { TIME_ZONE } from "@/lib/time";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The first receiving account is to be filed within 30 minutes of the report (一级账户). */
export const FIRST_STOP_MINUTES = 30;
/** A stop nearing its 48 h with no freeze filed is reminded this long before it lapses. */
export const STOP_REMINDER_HOURS = 6;
/** A freeze is reminded 7 days before it lapses (it lapses unless renewed in time). */
export const FREEZE_REMINDER_DAYS = 7;
/** Freeze and renewal terms: 6 months, up to 12 for major cases approved at city level. */
export const DEFAULT_TERM_MONTHS = 6;
export const MAX_TERM_MONTHS = 12;

export function firstStopDueAt(reportedAt: Date): Date {
  return new Date(reportedAt.getTime() + FIRST_STOP_MINUTES * MINUTE);
}

/** Whole minutes from `from` to `to` (negative when `to` is earlier). */
export function minutesBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / MINUTE);
}

/**
 * The end of a freeze of `months` calendar months from `from`, on the same Shanghai wall-clock
 * time (31 Aug + 6 months is 28/29 Feb: the month's last day, as a paper notice would say).
 */
export function freezeEndsAt(from: Date, months: number): Date {
  if (!Number.isInteger(months) || months < 1 || months > MAX_TERM_MONTHS) throw new RangeError(`term must be 1–12 months, got ${months}`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone: TIME_ZONE, year: "numeric", month: "numeric", day: "numeric", hourCycle: "h23", hour: "numeric", minute: "numeric", second: "numeric" })
      .formatToParts(from)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;
  const monthIndex = parts.month - 1 + months;
  const year = parts.year + Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(parts.day, lastDay);
  // Shanghai has been UTC+8 all year since 1992.
  return new Date(Date.UTC(year, month, day, parts.hour - 8, parts.minute, parts.second, from.getUTCMilliseconds()));
}

/** When the worker reminds that a stop is about to lapse with no freeze filed. */
export function stopReminderAt(stopEndsAt: Date): Date {
  return new Date(stopEndsAt.getTime() - STOP_REMINDER_HOURS * HOUR);
}

/** When the worker reminds that a freeze is about to lapse unless renewed. */
export function freezeReminderAt(freezeEndsAt: Date): Date {
  return new Date(freezeEndsAt.getTime() - FREEZE_REMINDER_DAYS * DAY);
}

/**
 * The sweep's window: a stop is due its reminder at `now` when it ends at or before this moment
 * (stopReminderAt(endsAt) ≤ now ⇔ endsAt ≤ stopReminderHorizon(now)), so SQL can compare ends_at
 * with one parameter and use its index.
 */
export function stopReminderHorizon(now: Date): Date {
  return new Date(now.getTime() + STOP_REMINDER_HOURS * HOUR);
}

/** The same for a freeze or renewal: due when it ends at or before this moment. */
export function freezeReminderHorizon(now: Date): Date {
  return new Date(now.getTime() + FREEZE_REMINDER_DAYS * DAY);
}
