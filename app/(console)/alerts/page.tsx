import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { getAlertListScreen } from "@/lib/server/alerts/get-alert-list-screen";
import { AlertListFilterSchema } from "@/lib/schemas/alerts";
import { RiskBadge } from "@/components/alerts/risk-badge";
import { FormMessage } from "@/components/ui/form-message";
import { formatShanghai } from "@/lib/time";
import { AlertStatus, FraudType, RiskLevel } from "@/prisma/generated/client/enums";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The filter controls: a finger's height on a phone.
const SELECT = "min-h-11 rounded border border-slate-300 px-2 py-1 sm:min-h-0";
/** A cell: inline in a phone's card, a table cell from sm up. */
const CELL = "block sm:table-cell sm:px-3 sm:py-2";
/** A cell that names its column in a phone's card ("来源：…"), where there is no header row. */
const LABELLED = `${CELL} w-full before:mr-1 before:text-slate-600 before:content-[attr(data-label)] sm:w-auto sm:before:content-none`;

function single(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export default async function AlertsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const t = await getTranslations();
  const raw = await searchParams;
  const parsed = AlertListFilterSchema.safeParse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, single(v)])));
  const filter = parsed.success ? parsed.data : AlertListFilterSchema.parse({});
  // One call, so that a refused look is audited once. page null: the cursor was refused (the page says so; the filters still work).
  const { page, options } = await loadOrNotFound(() => getAlertListScreen(actor, filter));
  const items = page?.items ?? [];

  const scope =
    actor.role === "DISTRICT_COORDINATOR"
      ? t("alerts.scopeDistrict", { unit: actor.unitName })
      : actor.role === "STATION_OFFICER"
        ? t("alerts.scopeStation", { unit: actor.unitName })
        : t("alerts.scopeCity");
  const nextHref = page?.nextCursor
    ? `/alerts?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filter).filter(([k, v]) => k !== "cursor" && v !== undefined && v !== false).map(([k, v]) => [k, String(v)])), cursor: page.nextCursor })}`
    : null;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4">
        <h1 className="text-2xl font-semibold">{t("alerts.title")}</h1>
        <p className="text-sm text-slate-600" data-testid="alert-scope">
          {scope}
        </p>
      </div>

      <form method="get" className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3" aria-label={t("alerts.filters")}>
        <select name="risk" defaultValue={filter.risk ?? ""} aria-label={t("alerts.col.risk")} className={SELECT}>
          <option value="">{t("alerts.allRisks")}</option>
          {Object.values(RiskLevel).map((r) => (
            <option key={r} value={r}>
              {t(`risk.${r}`)}
            </option>
          ))}
        </select>
        <select name="fraudType" defaultValue={filter.fraudType ?? ""} aria-label={t("alerts.col.fraudType")} className={SELECT}>
          <option value="">{t("alerts.allTypes")}</option>
          {Object.values(FraudType).map((f) => (
            <option key={f} value={f}>
              {t(`fraudType.${f}`)}
            </option>
          ))}
        </select>
        <select name="status" defaultValue={filter.status ?? ""} aria-label={t("alerts.col.status")} className={SELECT}>
          <option value="">{t("alerts.allStatuses")}</option>
          {Object.values(AlertStatus).map((s) => (
            <option key={s} value={s}>
              {t(`alertStatus.${s}`)}
            </option>
          ))}
        </select>
        <select name="sourceId" defaultValue={filter.sourceId ?? ""} aria-label={t("alerts.col.source")} className={SELECT}>
          <option value="">{t("alerts.allSources")}</option>
          {options.sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        {options.districts.length > 0 ? (
          <select name="districtId" defaultValue={filter.districtId ?? ""} aria-label={t("alerts.col.jurisdiction")} className={SELECT}>
            <option value="">{t("alerts.allDistricts")}</option>
            {options.districts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        ) : null}
        {options.canSeeUnrouted ? (
          <label className="flex min-h-11 items-center gap-1 text-sm sm:min-h-0">
            <input type="checkbox" name="unrouted" value="1" defaultChecked={filter.unrouted} />
            {t("alerts.unrouted")}
          </label>
        ) : null}
        <button type="submit" className="min-h-11 rounded bg-police-700 px-3 py-1 text-white hover:bg-police-800 sm:min-h-0">
          {t("alerts.apply")}
        </button>
        <Link href="/alerts" className="inline-flex min-h-11 items-center px-2 py-1 text-sm text-slate-600 hover:underline sm:min-h-0">
          {t("alerts.reset")}
        </Link>
      </form>

      {page ? null : <FormMessage message={t("errors.invalidCursor")} />}
      {/* Below sm (a phone) each row is a card: the cells flow in lines, each named by its
          column (data-label); the header row is left to screen readers. */}
      <div className="rounded border border-slate-200 bg-white sm:overflow-x-auto">
        <table className="block w-full text-sm sm:table sm:min-w-full">
          <thead className="sr-only bg-slate-100 text-left text-slate-600 sm:not-sr-only sm:table-header-group">
            <tr>
              <th className="px-3 py-2">{t("alerts.col.risk")}</th>
              <th className="px-3 py-2">{t("alerts.col.detectedAt")}</th>
              <th className="px-3 py-2">{t("alerts.col.person")}</th>
              <th className="px-3 py-2">{t("alerts.col.phone")}</th>
              <th className="px-3 py-2">{t("alerts.col.fraudType")}</th>
              <th className="px-3 py-2">{t("alerts.col.source")}</th>
              <th className="px-3 py-2">{t("alerts.col.jurisdiction")}</th>
              <th className="px-3 py-2">{t("alerts.col.status")}</th>
              <th className="px-3 py-2">{t("alerts.col.assignee")}</th>
            </tr>
          </thead>
          <tbody className="block sm:table-row-group">
            {items.map((a) => (
              <tr key={a.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-slate-200 px-3 py-2 first:border-t-0 hover:bg-slate-50 sm:table-row sm:border-slate-100 sm:p-0 sm:first:border-t" data-testid="alert-row">
                <td className={CELL}>
                  <RiskBadge risk={a.riskLevel} />
                </td>
                <td className={`${CELL} whitespace-nowrap tabular-nums`}>
                  <Link href={`/alerts/${a.id}`} prefetch={false} className="inline-flex min-h-11 items-center text-police-700 hover:underline sm:min-h-0">
                    {formatShanghai(a.detectedAt)}
                  </Link>
                </td>
                <td className={`${CELL} whitespace-nowrap font-medium sm:font-normal`}>{a.personName}</td>
                <td className={`${CELL} whitespace-nowrap tabular-nums`}>{a.personPhone}</td>
                <td className={LABELLED} data-label={t("alerts.col.fraudType")}>
                  {t(`fraudType.${a.fraudType}`)}
                </td>
                <td className={LABELLED} data-label={t("alerts.col.source")}>
                  {a.sourceName}
                </td>
                <td className={LABELLED} data-label={t("alerts.col.jurisdiction")} data-testid="alert-jurisdiction">
                  {a.stationName ? `${a.districtName} · ${a.stationName}` : <span className="text-orange-700">{t("alerts.unknownJurisdiction")}</span>}
                </td>
                <td className={LABELLED} data-label={t("alerts.col.status")}>
                  {t(`alertStatus.${a.status}`)}
                  {a.outcome ? ` · ${t(`outcome.${a.outcome}`)}` : ""}
                </td>
                <td className={a.assigneeName ? LABELLED : `${CELL} hidden sm:table-cell`} data-label={t("alerts.col.assignee")}>
                  {a.assigneeName ?? ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {page && items.length === 0 ? <p className="p-6 text-center text-slate-500">{t("alerts.empty")}</p> : null}
      </div>
      <div className="flex gap-4 text-sm">
        {filter.cursor ? (
          <Link href="/alerts" className="text-police-700 hover:underline">
            {t("alerts.firstPage")}
          </Link>
        ) : null}
        {nextHref ? (
          <Link href={nextHref} className="text-police-700 hover:underline" rel="next">
            {t("alerts.nextPage")}
          </Link>
        ) : null}
      </div>
    </div>
  );
}
