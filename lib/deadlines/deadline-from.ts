import type { DeadlineValue } from "./defaults";
import { addWorkingDays, MONDAY_TO_FRIDAY, type WorkingDayCalendar } from "./working-days";

/** When a step that starts at `start` is due under a rule. */
export function deadlineFrom(start: Date, rule: DeadlineValue, calendar: WorkingDayCalendar = MONDAY_TO_FRIDAY): Date {
  return rule.unit === "MINUTES" ? new Date(start.getTime() + rule.amount * 60_000) : addWorkingDays(start, rule.amount, calendar);
}
