import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadListPage } from "@/lib/load-list-page";
import { listCases } from "@/lib/server/cases/list-cases";
import { CursorParamSchema } from "@/lib/pagination";
import { formatFen } from "@/lib/money";
import { formatShanghai } from "@/lib/time";
import { FormMessage } from "@/components/ui/form-message";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** 案件: the cases of the actor's jurisdiction, newest first, keyset-paged. */
export default async function CasesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const t = await getTranslations();
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const raw = await searchParams;
  const cursor = CursorParamSchema.safeParse(Array.isArray(raw.cursor) ? raw.cursor[0] : raw.cursor);
  const page = await loadListPage(() => listCases(actor, cursor.success ? cursor.data : undefined));
  const l = (key: string) => t(`cases.list.${key}`);
  const cols = ["opened", "victim", "unit", "status", "number", "loss", "returned", "transfers", "open"];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{l("title")}</h1>
      {page === null ? (
        <FormMessage message={t("errors.invalidCursor")} />
      ) : page.items.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-6 text-center text-slate-600">{l("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="w-full min-w-[48rem] text-left text-sm" aria-label={l("tableLabel")}>
            <thead className="text-xs text-slate-500">
              <tr>
                {cols.map((k) => (
                  <th key={k} scope="col" className="px-3 py-2 font-medium">
                    {l(`col.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {page.items.map((c) => (
                <tr key={c.id} className="border-t border-slate-100" data-testid="case-row">
                  <td className="px-3 py-2 tabular-nums">
                    <Link href={`/cases/${c.id}`} className="inline-flex min-h-11 items-center text-police-700 underline sm:min-h-0">
                      {formatShanghai(c.openedAt)}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{c.victim}</td>
                  <td className="px-3 py-2">{[c.districtName, c.stationName].filter(Boolean).join(" · ") || "—"}</td>
                  <td className="px-3 py-2">{t(`cases.status.${c.status}`)}</td>
                  <td className="px-3 py-2 font-mono">{c.caseNumber ?? "—"}</td>
                  <td className="px-3 py-2 tabular-nums">{formatFen(BigInt(c.lossFen), locale)}</td>
                  <td className="px-3 py-2 tabular-nums">{formatFen(BigInt(c.returnedFen), locale)}</td>
                  <td className="px-3 py-2 tabular-nums">{c.transfers}</td>
                  <td className="px-3 py-2 tabular-nums">{c.openRequests}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="flex gap-4 text-sm" aria-label={l("tableLabel")}>
        {cursor.success && cursor.data ? (
          <Link href="/cases" className="text-police-700 hover:underline">
            {l("firstPage")}
          </Link>
        ) : null}
        {page?.nextCursor ? (
          <Link href={`/cases?${new URLSearchParams({ cursor: page.nextCursor })}`} className="text-police-700 hover:underline" rel="next">
            {l("nextPage")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
