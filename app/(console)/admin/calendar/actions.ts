"use server";

import { defineAction } from "@/lib/actions/define-action";
import { AddCalendarDaySchema, ChangeCalendarDaySchema, ImportCalendarSchema, RemoveCalendarDaySchema } from "@/lib/schemas/calendar";
import { addCalendarDay, changeCalendarDay, importCalendarYear, removeCalendarDay } from "@/lib/server/config/calendar-days";

const paths = () => ["/admin/calendar"];

export const addCalendarDayAction = defineAction({
  schema: AddCalendarDaySchema,
  run: (actor, input) => addCalendarDay(actor, input),
  success: (_, input) => ({ message: "moneyAdmin.calendar.added", values: { day: input.day } }),
  revalidate: { paths },
});

// A conflict re-renders the rows with what is saved now, and says so.
export const changeCalendarDayAction = defineAction({
  schema: ChangeCalendarDaySchema,
  run: (actor, input) => changeCalendarDay(actor, input),
  success: ({ changed }, input) => ({ message: changed ? "moneyAdmin.calendar.changed" : "moneyAdmin.calendar.unchanged", values: { day: input.day } }),
  revalidate: { paths, always: true },
});

export const removeCalendarDayAction = defineAction({
  schema: RemoveCalendarDaySchema,
  run: (actor, input) => removeCalendarDay(actor, input),
  success: (_, input) => ({ message: "moneyAdmin.calendar.removed", values: { day: input.day } }),
  revalidate: { paths, always: true },
});

// The pasted lines stay in their text area whatever the answer; after a conflict the page shows
// the year as it is now, and the next submit is checked against that.
export const importCalendarYearAction = defineAction({
  schema: ImportCalendarSchema,
  run: (actor, input) => importCalendarYear(actor, input),
  success: (result, input) => ({ message: "moneyAdmin.calendar.imported", values: { year: String(input.year), ...result } }),
  revalidate: { paths, always: true },
});
