import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { getRankings, type RankingRow } from "@/lib/server/instructions/get-rankings";
import { INDICATOR_KIND, indicatorFraction, RANKING_INDICATORS, type Band, type RankingIndicator } from "@/lib/instructions/indicators";
import { RankingsQuerySchema } from "@/lib/schemas/rankings";
import { addMonths, shanghaiMonth } from "@/lib/time";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const BAND_STYLE: Record<Exclude<Band, "middle">, string> = {
  top: "bg-emerald-100 text-emerald-900 ring-emerald-700",
  bottom: "bg-red-100 text-red-900 ring-red-700",
};

/** Highest first, units without a value last, ties in code order. */
function sortRows(rows: RankingRow[], by: RankingIndicator | undefined): RankingRow[] {
  if (!by) return rows;
  return [...rows].sort((a, b) => {
    const x = a.values[by];
    const y = b.values[by];
    if (x === null || y === null) return x === y ? a.code.localeCompare(b.code) : x === null ? 1 : -1;
    return y - x || a.code.localeCompare(b.code);
  });
}

/**
 * 排名: the districts and stations by the month's on-time sign-off and feedback, people met face
 * to face and dissuasion rate, each cell in its quartile band with the band in words.
 */
export default async function RankingsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const t = await getTranslations("rankings");
  const locale = await getLocale();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  // Each parameter on its own: a bad sort does not lose the month, a bad month falls back to this one.
  const monthParam = RankingsQuerySchema.shape.month.safeParse(raw.month);
  const sortParam = RankingsQuerySchema.shape.sort.safeParse(raw.sort);
  const query = { month: monthParam.success ? monthParam.data : undefined, sort: sortParam.success ? sortParam.data : undefined };
  const month = query.month ?? shanghaiMonth(new Date());
  const rankings = await loadOrNotFound(() => getRankings(actor, { month }));

  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const integer = new Intl.NumberFormat(locale);
  const href = (params: { month: string; sort?: RankingIndicator }) =>
    `/rankings?${new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined))}`;
  const label = (k: RankingIndicator) => t(`col.${k}`);

  const cell = (row: RankingRow, k: RankingIndicator) => {
    const value = row.values[k];
    const band = row.bands[k];
    const { numerator, denominator } = indicatorFraction(k, row.counts);
    return (
      <td key={k} className="px-2 py-1 text-right tabular-nums" data-indicator={k} data-band={band ?? "none"}>
        {value === null ? (
          <span title={t("notRanked")} aria-label={t("notRanked")}>
            —
          </span>
        ) : (
          <>
            {INDICATOR_KIND[k] === "rate" ? percent.format(value) : integer.format(value)}
            {denominator !== null ? (
              <span className="ml-1 text-xs text-slate-600">
                ({integer.format(numerator)}/{integer.format(denominator)})
              </span>
            ) : null}
          </>
        )}
        {band === "top" || band === "bottom" ? (
          <span className={`ml-2 inline-block rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ${BAND_STYLE[band]}`} data-testid="rank-band">
            {t(`band.${band}`)}
          </span>
        ) : null}
      </td>
    );
  };

  const table = (caption: string, rows: RankingRow[], testId: string) => (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid={testId}>
        <caption className="px-2 py-2 text-left text-base font-semibold">{caption}</caption>
        <thead className="bg-slate-100 text-left text-xs text-slate-600">
          <tr>
            <th scope="col" className="px-2 py-2">
              <Link href={href({ month })} className="hover:underline" aria-label={t("byCode")}>
                {t("col.unit")}
              </Link>
            </th>
            <th scope="col" className="px-2 py-2 text-right">
              {t("col.receipts")}
            </th>
            {RANKING_INDICATORS.map((k) => (
              <th key={k} scope="col" className="px-2 py-2 text-right" aria-sort={query.sort === k ? "descending" : undefined}>
                <Link href={href({ month, sort: k })} className="text-police-700 hover:underline" aria-label={t("sortBy", { indicator: label(k) })}>
                  {label(k)}
                  {query.sort === k ? " ↓" : ""}
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sortRows(rows, query.sort).map((row) => (
            <tr key={row.unitId} className="border-t border-slate-100" data-testid="ranking-row" data-unit={row.code}>
              <th scope="row" className="px-2 py-1 text-left font-normal">
                {row.name}
                <span className="ml-1 font-mono text-xs text-slate-600">{row.code}</span>
              </th>
              <td className="px-2 py-1 text-right tabular-nums">{integer.format(row.counts.receipts)}</td>
              {RANKING_INDICATORS.map((k) => cell(row, k))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="p-6 text-center text-slate-500">{t("empty")}</p> : null}
    </div>
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600" data-testid="ranking-scope">
          {rankings.scope === "district" ? t("scopeDistrict", { unit: actor.unitName }) : t("scopeCity")}
        </p>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3">
        <Link href={href({ month: addMonths(month, -1), sort: query.sort })} className="text-police-700 hover:underline">
          ← {t("previous")}
        </Link>
        <label className="text-sm">
          {t("month")}
          <input type="month" name="month" defaultValue={month} required className="ml-2 rounded border border-slate-300 px-2 py-1" />
        </label>
        {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
        <button type="submit" className="rounded bg-police-700 px-3 py-1 text-white">
          {t("show")}
        </button>
        <Link href={href({ month: addMonths(month, 1), sort: query.sort })} className="text-police-700 hover:underline">
          {t("next")} →
        </Link>
        {monthParam.success ? null : (
          <p role="alert" className="text-sm text-red-700">
            {t("invalidMonth")}
          </p>
        )}
      </form>
      <p className="text-sm text-slate-600" aria-live="polite">
        {query.sort ? t("sortedBy", { indicator: label(query.sort) }) : t("unsorted")}
      </p>
      {table(t("districts"), rankings.districts, "ranking-districts")}
      {table(t("stations"), rankings.stations, "ranking-stations")}
      <section className="grid gap-4 rounded border border-slate-200 bg-white p-3 text-sm md:grid-cols-2" aria-labelledby="ranking-legend">
        <div>
          <h2 id="ranking-legend" className="mb-1 font-semibold">
            {t("legend.title")}
          </h2>
          <ul className="space-y-1">
            <li>
              <span className={`mr-2 inline-block rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ${BAND_STYLE.top}`}>{t("band.top")}</span>
              {t("legend.top")}
            </li>
            <li>{t("legend.middle")}</li>
            <li>
              <span className={`mr-2 inline-block rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ${BAND_STYLE.bottom}`}>{t("band.bottom")}</span>
              {t("legend.bottom")}
            </li>
            <li className="text-slate-600">{t("legend.rules")}</li>
          </ul>
        </div>
        <div>
          <h2 className="mb-1 font-semibold">{t("definitions.title")}</h2>
          <dl className="space-y-1">
            {RANKING_INDICATORS.map((k) => (
              <div key={k}>
                <dt className="font-medium">{label(k)}</dt>
                <dd className="text-slate-700">{t(`definitions.${k}`)}</dd>
              </div>
            ))}
          </dl>
        </div>
      </section>
    </div>
  );
}
