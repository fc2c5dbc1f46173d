import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { getCase } from "@/lib/server/cases/get-case";
import { listInstitutions } from "@/lib/server/bank-requests/list-institutions";
import { formatFen } from "@/lib/money";
import { formatShanghai } from "@/lib/time";
import { MoneyChain } from "@/components/cases/money-chain";
import { MoneyClock } from "@/components/cases/money-clock";
import { StopForm } from "@/components/cases/stop-form";
import { fileStopOnCaseAction } from "./actions";
import { FollowUpForm } from "./_components/follow-up-form";
import { CaseNumberForm } from "./_components/case-number-form";

/** 案件: totals, clocks, the money chain drawn, the requests to banks, and the forms to file more. */
export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const t = await getTranslations();
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const c = await loadOrNotFound(() => getCase(actor, id));
  const institutions = c.canFile ? await listInstitutions() : [];
  const d = (key: string, values?: Record<string, string | number>) => t(`cases.detail.${key}`, values);
  const fen = (v: string) => formatFen(BigInt(v), locale);
  const tiles: [string, string][] = [
    ["stopped", fen(c.totals.stoppedNowFen)],
    ["frozen", fen(c.totals.frozenNowFen)],
    ["held", fen(c.totals.heldNowFen)],
    ["returned", fen(c.totals.returnedFen)],
    ["recovery", c.totals.recoveryPercent === null ? "—" : `${c.totals.recoveryPercent}%`],
  ];
  const transferOptions = c.transfers.map((tr) => ({ id: tr.id, label: `${t("cases.level", { level: tr.level })} · ${tr.bankName} ${tr.account} · ${fen(tr.amountFen)}` }));
  return (
    <div className="space-y-6">
      <Link href="/cases" className="inline-flex min-h-11 items-center text-sm text-police-700 hover:underline sm:min-h-0">
        ← {d("back")}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">
          {d("title")} {c.caseNumber ?? ""}
        </h1>
        <span className="rounded bg-slate-100 px-2 py-0.5 text-sm" data-testid="case-status">
          {t(`cases.status.${c.status}`)}
        </span>
        {c.firstStopAt ? (
          <span className="text-xs text-slate-600">{t("cases.clock.firstStopDone", { time: formatShanghai(c.firstStopAt).slice(5) })}</span>
        ) : (
          <MoneyClock at={c.firstStopDueAt} mode="until" label={t("cases.clock.firstStop")} />
        )}
      </div>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="case-totals">
        {tiles.map(([key, value]) => (
          <div key={key} className="rounded border border-slate-200 bg-white p-3">
            <dt className="text-xs text-slate-500">{d(`tiles.${key}`)}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid={`total-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-500">{d("recoveryHint")}</p>

      <section className="grid gap-x-2 gap-y-2 rounded border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[8rem_minmax(0,1fr)]">
        <span className="text-slate-500">{d("loss")}</span>
        <span className="tabular-nums">{fen(c.lossFen)}</span>
        <span className="text-slate-500">{d("reportedAt")}</span>
        <span className="tabular-nums">{formatShanghai(c.reportedAt)}</span>
        <span className="text-slate-500">{d("unit")}</span>
        <span>{[c.districtName, c.stationName].filter(Boolean).join(" · ") || "—"}</span>
        <span className="text-slate-500">{d("victims")}</span>
        <span>{c.victims.join("、")}</span>
        <span className="text-slate-500">{d("alerts")}</span>
        <span className="flex flex-wrap gap-x-3">
          {c.alerts.map((a) => (
            <Link key={a.id} href={`/alerts/${a.id}`} className="text-police-700 underline">
              {formatShanghai(a.detectedAt).slice(5)} · {t(`risk.${a.riskLevel}`)}
              {a.id === c.firstAlertId ? ` (${d("firstAlert")})` : ""}
            </Link>
          ))}
        </span>
      </section>

      <section className="space-y-2 rounded border border-slate-200 bg-white p-4" aria-labelledby="chain-heading">
        <h2 id="chain-heading" className="font-semibold">
          {d("chain")}
        </h2>
        <p className="text-xs text-slate-500">{d("chainHint")}</p>
        <MoneyChain transfers={c.transfers} />
      </section>

      <section className="space-y-2 rounded border border-slate-200 bg-white p-4 text-sm" aria-labelledby="requests-heading">
        <h2 id="requests-heading" className="font-semibold">
          {d("requests")}
        </h2>
        {c.requests.length === 0 ? (
          <p className="text-slate-500">{d("noRequests")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[40rem] text-left">
              <thead className="text-xs text-slate-500">
                <tr>
                  {["kind", "bank", "account", "amount", "status", "filedAt", "replyBy"].map((k) => (
                    <th key={k} scope="col" className="px-2 py-1 font-medium">
                      {d(`col.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {c.requests.map((r) => (
                  <tr key={r.id} className="border-t border-slate-100" data-testid="case-request">
                    <td className="px-2 py-1">
                      <Link href={`/requests/${r.id}`} className="text-police-700 underline">
                        {t(`money.kind.${r.kind}`)}
                      </Link>
                    </td>
                    <td className="px-2 py-1">{r.bankName}</td>
                    <td className="px-2 py-1 font-mono">{r.account}</td>
                    <td className="px-2 py-1 tabular-nums">{fen(r.amountFen)}</td>
                    <td className={`px-2 py-1 ${r.status === "TIMED_OUT" ? "font-semibold text-red-700" : ""}`}>{t(`money.status.${r.status}`)}</td>
                    <td className="px-2 py-1 tabular-nums">{formatShanghai(r.filedAt).slice(5)}</td>
                    <td className="px-2 py-1">
                      {r.replyBy === null ? <span className="text-xs text-slate-500">{d("waiting")}</span> : r.open ? <MoneyClock at={r.replyBy} mode="until" label="" /> : <span className="tabular-nums">{formatShanghai(r.replyBy).slice(5)}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {c.canFile ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <StopForm action={fileStopOnCaseAction.bind(null, c.id)} institutions={institutions} idPrefix="case-stop" title={t("cases.stop.titleAnother")} />
          <div className="space-y-4">
            {c.transfers.length > 0 ? <FollowUpForm caseId={c.id} transfers={transferOptions} /> : null}
            <CaseNumberForm caseId={c.id} version={c.version} show={c.status === "OPEN"} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
