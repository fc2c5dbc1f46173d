import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { listCalendarYear } from "@/lib/server/config/calendar-days";
import { CalendarYearSchema } from "@/lib/schemas/calendar";
import { formatShanghai, shanghaiDay } from "@/lib/time";
import { CONTROL_INLINE, BUTTON_SECONDARY_COMPACT } from "@/components/forms/styles";
import { AddCalendarDayForm } from "./_components/add-calendar-day-form";
import { CalendarDayRowActions } from "./_components/calendar-day-row-actions";
import { ImportCalendarForm } from "./_components/import-calendar-form";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** 工作日历: the year's holidays and 调休 working weekends; every other day is Monday to Friday. */
export default async function CalendarPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const t = await getTranslations();
  const raw = (await searchParams).year;
  const thisYear = Number(shanghaiDay(new Date()).slice(0, 4));
  const parsed = CalendarYearSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  const year = parsed.success ? parsed.data : thisYear;
  const view = await loadOrNotFound(() => listCalendarYear(actor, year));
  const years = [...new Set([...view.keptYears, thisYear - 1, thisYear, thisYear + 1, year])].sort((a, b) => a - b);
  const weekday = (day: string) => t(`moneyAdmin.calendar.weekday.${new Date(`${day}T00:00:00Z`).getUTCDay()}`);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("moneyAdmin.calendar.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t(view.canManage ? "moneyAdmin.calendar.intro" : "moneyAdmin.calendar.introReadOnly")}</p>
      </div>

      <form method="get" className="flex flex-wrap items-center gap-3" aria-label={t("moneyAdmin.calendar.yearPicker")}>
        <label htmlFor="calendar-year" className="text-sm font-medium text-slate-700">
          {t("moneyAdmin.calendar.year")}
        </label>
        <select id="calendar-year" name="year" defaultValue={year} key={year} className={CONTROL_INLINE}>
          {years.map((y) => (
            <option key={y} value={y}>
              {t("moneyAdmin.calendar.yearOption", { year: String(y), kept: view.keptYears.includes(y) ? "yes" : "no" })}
            </option>
          ))}
        </select>
        <button type="submit" className={BUTTON_SECONDARY_COMPACT}>
          {t("moneyAdmin.calendar.show")}
        </button>
      </form>

      <section className="rounded border border-slate-200 bg-white" aria-labelledby="calendar-days">
        <h2 id="calendar-days" className="px-4 pt-3 font-semibold">
          {t("moneyAdmin.calendar.daysOf", { year: String(year), count: view.days.length })}
        </h2>
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-100 text-left text-slate-600">
              <tr>
                <th className="px-3 py-2">{t("moneyAdmin.calendar.col.day")}</th>
                <th className="px-3 py-2">{t("moneyAdmin.calendar.col.weekday")}</th>
                {view.canManage ? (
                  <th className="px-3 py-2">{t("moneyAdmin.calendar.col.change")}</th>
                ) : (
                  <>
                    <th className="px-3 py-2">{t("moneyAdmin.calendar.col.kind")}</th>
                    <th className="px-3 py-2">{t("moneyAdmin.calendar.col.note")}</th>
                  </>
                )}
                <th className="px-3 py-2">{t("moneyAdmin.calendar.col.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {view.days.length === 0 ? (
                <tr>
                  <td colSpan={view.canManage ? 4 : 5} className="px-3 py-6 text-center text-slate-500">
                    {t("moneyAdmin.calendar.empty", { year: String(year) })}
                  </td>
                </tr>
              ) : null}
              {view.days.map((d) => (
                <tr key={d.day} className="border-t border-slate-100 align-top" data-testid={`calendar-day-${d.day}`}>
                  <td className="whitespace-nowrap px-3 py-2 font-mono">{d.day}</td>
                  <td className="whitespace-nowrap px-3 py-2">{weekday(d.day)}</td>
                  {view.canManage ? (
                    <td className="px-3 py-2">
                      <CalendarDayRowActions day={d.day} working={d.working} note={d.note} stamp={d.stamp} />
                    </td>
                  ) : (
                    <>
                      <td className="whitespace-nowrap px-3 py-2">{t(d.working ? "moneyAdmin.calendar.working" : "moneyAdmin.calendar.off")}</td>
                      <td className="px-3 py-2">{d.note}</td>
                    </>
                  )}
                  <td className="whitespace-nowrap px-3 py-2 text-slate-600">{formatShanghai(d.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {view.canManage ? (
        <>
          <section className="rounded border border-slate-200 bg-white p-4" aria-labelledby="calendar-add">
            <h2 id="calendar-add" className="mb-3 font-semibold">
              {t("moneyAdmin.calendar.addTitle")}
            </h2>
            <AddCalendarDayForm />
          </section>
          <section className="rounded border border-slate-200 bg-white p-4" aria-labelledby="calendar-import">
            <h2 id="calendar-import" className="font-semibold">
              {t("moneyAdmin.calendar.importTitle", { year: String(year) })}
            </h2>
            <p className="mb-3 mt-1 text-sm text-slate-600">{t("moneyAdmin.calendar.importIntro")}</p>
            <ImportCalendarForm year={year} stamp={view.stamp} />
          </section>
        </>
      ) : null}
    </div>
  );
}
