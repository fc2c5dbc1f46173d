import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { listApprovals } from "@/lib/server/bank-requests/list-approvals";
import { formatFen } from "@/lib/money";
import { LiveRefresh } from "@/components/live/live-refresh";

/** 待审批: the city's freezes, renewals, unfreezes and returns waiting for a supervisor, oldest first. */
export default async function ApprovalsPage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const items = await loadOrNotFound(() => listApprovals(actor));
  const a = (key: string, values?: Record<string, string | number>) => t(`cases.approvals.${key}`, values);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{a("title")}</h1>
        {/* A new request notifies the supervisors: their notifications refresh the list. */}
        <LiveRefresh topics={["notification"]} />
      </div>
      <p className="text-sm text-slate-600">{a("intro")}</p>
      {items.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-6 text-center text-slate-600">{a("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="w-full min-w-[40rem] text-left text-sm" aria-label={a("tableLabel")}>
            <thead className="text-xs text-slate-500">
              <tr>
                {["kind", "amount", "bank", "case", "filedBy", "waiting"].map((k) => (
                  <th key={k} scope="col" className="px-3 py-2 font-medium">
                    {a(`col.${k}`)}
                  </th>
                ))}
                <th scope="col" className="px-3 py-2" />
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} className="border-t border-slate-100" data-testid="approval-row">
                  <td className="px-3 py-2">
                    {t(`money.kind.${r.kind}`)}
                    {r.termMonths ? ` · ${r.termMonths}` : ""}
                  </td>
                  <td className="px-3 py-2 tabular-nums">{formatFen(BigInt(r.amountFen), locale)}</td>
                  <td className="px-3 py-2">
                    {r.bankName} <span className="font-mono">{r.account}</span>
                  </td>
                  <td className="px-3 py-2">
                    {r.caseId ? (
                      <Link href={`/cases/${r.caseId}`} className="text-police-700 underline">
                        {r.caseNumber ?? a("noCaseNumber")}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="px-3 py-2">{r.filedByName}</td>
                  <td className="px-3 py-2 tabular-nums">{a("minutes", { minutes: r.minutesWaiting })}</td>
                  <td className="px-3 py-2">
                    <Link href={`/requests/${r.id}`} className="inline-flex min-h-11 items-center rounded bg-police-700 px-3 py-1 text-white hover:bg-police-800 sm:min-h-0">
                      {a("open")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
