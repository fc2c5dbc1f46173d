import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { getBankDesk, type DeskRequest } from "@/lib/server/bank-desk/get-bank-desk";
import { formatFen } from "@/lib/money";
import { formatShanghai } from "@/lib/time";
import { LiveRefresh } from "@/components/live/live-refresh";
import { DeadlineCountdown } from "@/components/instructions/deadline-countdown";
import { MoneyClock } from "@/components/cases/money-clock";
import { RequestStatusBadge } from "@/components/bank-requests/request-status-badge";

/**
 * 止付冻结工作台: the requests sent to the liaison's bank, most urgent first (timed out, then the
 * nearest reply-by), each with how long ago the money left and the time left to answer, ticking;
 * and what was answered today. Live on the bank's requests: a new stop shows within a second.
 * Cards, not a table: readable on a phone.
 */
export default async function BankDeskPage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const desk = await loadOrNotFound(() => getBankDesk(actor));
  const d = (key: string, values?: Record<string, string | number>) => t(`bankDesk.${key}`, values);

  const card = (r: DeskRequest, answered: boolean) => (
    <li key={r.id} data-testid={answered ? "desk-answered" : "desk-request"} className={`rounded border bg-white p-3 ${r.status === "TIMED_OUT" ? "border-red-700/50" : "border-slate-200"}`}>
      <Link href={`/requests/${r.id}`} className="block space-y-1 hover:bg-slate-50">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-semibold">{t(`money.kind.${r.kind}`)}</span>
          <RequestStatusBadge status={r.status} />
          <span className="ml-auto text-lg font-semibold tabular-nums">{formatFen(r.amountFen, locale)}</span>
        </div>
        <p className="text-sm text-slate-700">
          {r.institution} · <span className="tabular-nums">{r.accountMasked}</span>
        </p>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
          <span>
            {d(r.kind === "PROTECTIVE_STOP" ? "sinceFiled" : "sinceTransfer")} <MoneyClock at={r.since} mode="since" label="" />
          </span>
          {answered ? (
            <span className="tabular-nums">{d("answeredAt", { time: formatShanghai(r.answeredAt!).slice(11) })}</span>
          ) : (
            <span className="inline-flex flex-wrap items-center gap-1">
              {d("replyBy")} <DeadlineCountdown deadline={r.replyBy} urgency={r.status === "TIMED_OUT" ? "overdue" : "onTime"} />
            </span>
          )}
        </p>
      </Link>
    </li>
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{d("title")}</h1>
        <span className="ml-auto">
          <LiveRefresh topics={["bank_request"]} />
        </span>
      </div>
      <p className="text-slate-600" data-testid="bank-name">
        {d("bank", { bank: desk.bankName })}
      </p>
      <p className="text-sm text-slate-500">{d("explain")}</p>
      <section aria-labelledby="desk-open" className="space-y-2">
        <h2 id="desk-open" className="text-lg font-semibold">
          {d("open", { count: desk.open.length })}
        </h2>
        {desk.open.length === 0 ? (
          <div className="rounded border border-slate-200 bg-white p-8 text-center text-slate-500" data-testid="bank-desk-empty">
            {d("empty")}
          </div>
        ) : (
          <ul className="space-y-2">{desk.open.map((r) => card(r, false))}</ul>
        )}
      </section>
      <section aria-labelledby="desk-answered" className="space-y-2">
        <h2 id="desk-answered" className="text-lg font-semibold">
          {d("answeredToday", { count: desk.answeredToday.length })}
        </h2>
        {desk.answeredToday.length === 0 ? <p className="text-sm text-slate-500">{d("noneAnswered")}</p> : <ul className="space-y-2">{desk.answeredToday.map((r) => card(r, true))}</ul>}
      </section>
    </div>
  );
}
