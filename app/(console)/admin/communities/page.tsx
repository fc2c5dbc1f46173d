import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { getCommunitiesScreen } from "@/lib/server/config/communities";
import { CommunityFilterSchema } from "@/lib/schemas/config";
import { CreateCommunityForm } from "./_components/create-community-form";
import { CommunityRowActions } from "./_components/community-row-actions";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CommunitiesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const t = await getTranslations();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = CommunityFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : CommunityFilterSchema.parse({});
  // One call, so that a refused look is audited once.
  const { list: result, stations } = await loadOrNotFound(() => getCommunitiesScreen(actor, filter));
  const stationOptions = stations.map((s) => ({ id: s.id, label: s.districtName ? `${s.districtName} · ${s.name}` : s.name }));
  const pageHref = (p: number) =>
    `/admin/communities?${new URLSearchParams({ ...(filter.q ? { q: filter.q } : {}), ...(filter.stationId ? { stationId: filter.stationId } : {}), page: String(p) })}`;
  const pageText = t("adminConfig.communities.page", { page: result.page, pageCount: result.pageCount, total: result.total });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("adminConfig.communities.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("adminConfig.communities.intro")}</p>
      </div>

      <section className="rounded border border-slate-200 bg-white p-4">
        <h2 className="mb-3 font-semibold">{t("adminConfig.communities.createTitle")}</h2>
        <CreateCommunityForm stations={stationOptions} />
      </section>

      <form method="get" className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3" aria-label={t("adminConfig.communities.searchLabel")}>
        <input
          name="q"
          defaultValue={filter.q}
          placeholder={t("adminConfig.communities.search")}
          aria-label={t("adminConfig.communities.search")}
          className="rounded border border-slate-300 px-2 py-1"
        />
        <select name="stationId" defaultValue={filter.stationId ?? ""} aria-label={t("adminConfig.communities.col.station")} className="rounded border border-slate-300 px-2 py-1">
          <option value="">{t("adminConfig.communities.allStations")}</option>
          {stationOptions.map((s) => (
            <option key={s.id} value={s.id}>{s.label}</option>
          ))}
        </select>
        <button type="submit" className="rounded bg-police-700 px-3 py-1 text-white hover:bg-police-800">{t("adminConfig.communities.apply")}</button>
        <Link href="/admin/communities" className="px-2 py-1 text-sm text-slate-600 hover:underline">{t("adminConfig.communities.reset")}</Link>
      </form>

      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-100 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2">{t("adminConfig.communities.col.street")}</th>
              <th className="px-3 py-2">{t("adminConfig.communities.col.name")}</th>
              <th className="px-3 py-2">{t("adminConfig.communities.col.station")}</th>
              <th className="px-3 py-2">{t("adminConfig.communities.col.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.length === 0 ? (
              <tr>
                <td colSpan={4} className="px-3 py-6 text-center text-slate-500">{t("adminConfig.communities.empty")}</td>
              </tr>
            ) : null}
            {result.rows.map((c) => (
              <tr key={c.id} className="border-t border-slate-100 align-top" data-testid="community-row">
                <td className="px-3 py-2">{c.street}</td>
                <td className="px-3 py-2">{c.name}</td>
                <td className="px-3 py-2">{c.districtName ? `${c.districtName} · ${c.stationName}` : c.stationName}</td>
                <td className="px-3 py-2">
                  <CommunityRowActions communityId={c.id} label={`${c.street} ${c.name}`} stationId={c.stationId} stations={stationOptions} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="flex items-center gap-4 text-sm" aria-label={pageText}>
        {result.page > 1 ? <Link href={pageHref(result.page - 1)} className="text-police-700 hover:underline">{t("adminConfig.communities.prev")}</Link> : null}
        <span>{pageText}</span>
        {result.page < result.pageCount ? <Link href={pageHref(result.page + 1)} className="text-police-700 hover:underline">{t("adminConfig.communities.next")}</Link> : null}
      </nav>
    </div>
  );
}
