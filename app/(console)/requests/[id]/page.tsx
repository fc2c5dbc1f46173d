import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { getBankRequest, type LinkedRequest } from "@/lib/server/bank-requests/get-bank-request";
import { fenToYuanText, formatFen } from "@/lib/money";
import { formatShanghai } from "@/lib/time";
import { LiveRefresh } from "@/components/live/live-refresh";
import { DeadlineCountdown } from "@/components/instructions/deadline-countdown";
import { MoneyClock } from "@/components/cases/money-clock";
import { RequestStatusBadge } from "@/components/bank-requests/request-status-badge";
import { RequestStepForm } from "./_components/request-step-form";
import { AnswerStopForm } from "./_components/answer-stop-form";
import { AnswerFreezeForm } from "./_components/answer-freeze-form";
import { RecordReturnForm } from "./_components/record-return-form";
import { ApproveForm } from "./_components/approve-form";
import { RevealAccount } from "./_components/reveal-account";

/**
 * 请求详情: one request to a bank, for the bank's liaison (its own bank's) and the center's staff
 * (their jurisdiction's; districts and stations read only): the request, its clocks, the amounts,
 * the bank's answer, the returns, the chain it belongs to, and the steps this reader may take now
 * (the state machine's `offered`). Outside the reader's jurisdiction: "not found". Live.
 */
export default async function BankRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const t = await getTranslations();
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const r = await loadOrNotFound(() => getBankRequest(actor, id));
  const p = (key: string, values?: Record<string, string | number>) => t(`bankRequestPage.${key}`, values);
  const money = (fen: bigint | null) => (fen === null ? "—" : formatFen(fen, locale));
  const may = (a: (typeof r.offered)[number]) => r.offered.includes(a);
  const common = { requestId: r.id, version: r.version };
  const isStop = r.kind === "STOP" || r.kind === "PROTECTIVE_STOP";
  const row = (label: string, value: ReactNode, testId?: string) => (
    <div className="flex flex-wrap justify-between gap-x-4 gap-y-0.5 border-b border-slate-100 py-1.5 last:border-0" data-testid={testId}>
      <dt className="text-slate-600">{label}</dt>
      <dd className="text-right font-medium">{value}</dd>
    </div>
  );
  const linked = (l: LinkedRequest) => (
    <li key={l.id}>
      <Link href={`/requests/${l.id}`} className="flex flex-wrap items-center gap-2 py-1 text-police-700 hover:underline">
        {t(`money.kind.${l.kind}`)} <RequestStatusBadge status={l.status} /> <span className="text-slate-700">{l.institution} · {l.accountMasked}</span>
        <span className="tabular-nums">{money(l.amountFen)}</span>
      </Link>
    </li>
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        {actor.role === "BANK_LIAISON" ? (
          <Link href="/bank-desk" className="inline-flex min-h-11 items-center text-police-700 hover:underline sm:min-h-0">
            ← {p("backToDesk")}
          </Link>
        ) : r.caseId ? (
          <Link href={`/cases/${r.caseId}`} className="inline-flex min-h-11 items-center text-police-700 hover:underline sm:min-h-0">
            ← {p("backToCase")}
          </Link>
        ) : null}
        <span className="ml-auto">
          <LiveRefresh topics={["bank_request"]} />
        </span>
      </div>

      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold">{t(`money.kind.${r.kind}`)}</h1>
          <RequestStatusBadge status={r.status} />
          {r.viaDesk ? null : <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{p("outsideConsole")}</span>}
        </div>
        <p className="text-3xl font-semibold tabular-nums" data-testid="request-amount">
          {money(r.amountFen)}
        </p>
      </header>

      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="req-facts" className="rounded border border-slate-200 bg-white p-3 text-sm">
          <h2 id="req-facts" className="mb-1 font-semibold">
            {p("facts")}
          </h2>
          <dl>
            {row(p("institution"), r.institution)}
            {row(p("account"), r.mayReveal ? <RevealAccount requestId={r.id} masked={r.accountMasked} /> : r.accountMasked, "request-account")}
            {r.transfer ? row(p("transfer"), `${money(r.transfer.amountFen)} · ${p("level", { level: r.transfer.level })} · ${formatShanghai(r.transfer.transferredAt)}`) : null}
            {r.termMonths ? row(p("term"), p("months", { months: r.termMonths })) : null}
            {row(p("filedAt"), formatShanghai(r.filedAt))}
            {r.approval.noticeNumber ? row(p("noticeNumber"), r.approval.noticeNumber) : null}
            {r.approval.returnMode ? row(p("returnMode"), t(`bankRequestPage.approve.modes.${r.approval.returnMode}`)) : null}
            {r.approval.returnToMasked ? row(p("returnTo"), r.approval.returnToMasked) : null}
            {r.shares.length > 0 ? row(p("shares"), r.shares.map((s) => money(s.shareFen)).join(" / ")) : null}
          </dl>
        </section>

        <section aria-labelledby="req-clocks" className="rounded border border-slate-200 bg-white p-3 text-sm">
          <h2 id="req-clocks" className="mb-1 font-semibold">
            {p("clocks")}
          </h2>
          <dl>
            {row(p(r.transfer ? "sinceTransfer" : "sinceFiled"), <MoneyClock at={r.since} mode="since" label="" />)}
            {r.awaitingReply
              ? row(p("replyBy"), <DeadlineCountdown deadline={r.replyBy} urgency={r.status === "TIMED_OUT" ? "overdue" : "onTime"} />, "reply-by")
              : row(p("replyByAt"), formatShanghai(r.replyBy))}
            {r.acceptedAt ? row(p("acceptedAt"), formatShanghai(r.acceptedAt)) : null}
            {r.answer?.effectiveAt ? row(p("effectiveAt"), formatShanghai(r.answer.effectiveAt)) : null}
            {r.answer?.endsAt && (r.kind === "STOP" || r.kind === "PROTECTIVE_STOP" || r.kind === "FREEZE" || r.kind === "RENEW")
              ? row(p(isStop ? "stopEndsAt" : "freezeEndsAt"), (
                  <span className="inline-flex flex-col items-end gap-0.5">
                    <span className="tabular-nums">{formatShanghai(r.answer.endsAt)}</span>
                    <DeadlineCountdown deadline={r.answer.endsAt} urgency="onTime" />
                  </span>
                ), "ends-at")
              : null}
          </dl>
        </section>
      </div>

      {r.answer ? (
        <section aria-labelledby="req-answer" className="rounded border border-slate-200 bg-white p-3 text-sm" data-testid="request-answer">
          <h2 id="req-answer" className="mb-1 font-semibold">
            {p("answer")}
          </h2>
          <dl>
            {row(p("answeredAt"), formatShanghai(r.answer.answeredAt))}
            {r.answer.resultFen !== null ? row(p(`result.${r.kind}`), money(r.answer.resultFen)) : null}
            {r.answer.balanceFen !== null ? row(p("balance"), money(r.answer.balanceFen)) : null}
            {r.answer.earlierFreezes.length > 0
              ? row(
                  p("earlierFreezes"),
                  <ul>
                    {r.answer.earlierFreezes.map((f, i) => (
                      <li key={i}>{p("earlierFreeze", { amount: money(f.amountFen), until: f.until, by: f.by })}</li>
                    ))}
                  </ul>,
                )
              : null}
            {r.answer.note ? row(p("answerNote"), <span className="whitespace-pre-wrap break-words">{r.answer.note}</span>) : null}
          </dl>
        </section>
      ) : null}

      {r.returns.length > 0 ? (
        <section aria-labelledby="req-returns" className="rounded border border-slate-200 bg-white p-3 text-sm">
          <h2 id="req-returns" className="mb-1 font-semibold">
            {p("returns")}
          </h2>
          <ul className="divide-y divide-slate-100">
            {r.returns.map((x) => (
              <li key={x.id} className="flex flex-wrap justify-between gap-2 py-1.5" data-testid="request-return">
                <span className="tabular-nums">{money(x.amountFen)}</span>
                <span>{x.returnedOn}</span>
                <span className="break-all">{p("receipt", { number: x.receiptNumber })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {r.parent || r.followOns.length > 0 ? (
        <section aria-labelledby="req-chain" className="rounded border border-slate-200 bg-white p-3 text-sm">
          <h2 id="req-chain" className="mb-1 font-semibold">
            {p("chain")}
          </h2>
          {r.parent ? (
            <>
              <p className="text-slate-600">{p("parent")}</p>
              <ul>{linked(r.parent)}</ul>
            </>
          ) : null}
          {r.followOns.length > 0 ? (
            <>
              <p className="mt-2 text-slate-600">{p("followOns")}</p>
              <ul data-testid="follow-ons">{r.followOns.map(linked)}</ul>
            </>
          ) : null}
        </section>
      ) : null}

      {r.offered.length > 0 ? (
        <section aria-label={p("steps")} className="space-y-3">
          {may("approve") ? <ApproveForm {...common} isReturn={r.kind === "RETURN"} /> : null}
          {may("accept") ? <RequestStepForm step="accept" {...common} title={p("accept.title")} /> : null}
          {may("answer") && isStop ? <AnswerStopForm {...common} amountYuan={fenToYuanText(r.amountFen)} protective={r.kind === "PROTECTIVE_STOP"} institutions={r.institutions} /> : null}
          {may("answer") && (r.kind === "FREEZE" || r.kind === "RENEW") ? <AnswerFreezeForm {...common} amountYuan={fenToYuanText(r.amountFen)} /> : null}
          {may("recordReturn") ? <RecordReturnForm {...common} /> : null}
          {may("answer") && (r.kind === "UNFREEZE" || r.kind === "RETURN") ? <RequestStepForm step="done" {...common} title={p(`done.title${r.kind}`)} /> : null}
          {may("refuse") ? <RequestStepForm step="refuse" {...common} title={p("refuse.title")} /> : null}
          {may("cancel") ? <RequestStepForm step="cancel" {...common} title={p("cancel.title")} /> : null}
        </section>
      ) : null}
    </div>
  );
}
