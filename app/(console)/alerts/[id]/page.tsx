import Link from "next/link";
import { getTranslations, getLocale } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { getAlert } from "@/lib/server/alerts/get-alert";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { RiskBadge } from "@/components/alerts/risk-badge";
import { formatShanghai } from "@/lib/time";
import { formatFen } from "@/lib/money";
import { isInternationalNumber } from "@/lib/pii/phone";
import { getAlertWorkspace } from "@/lib/server/alerts/get-alert-workspace";
import { ClaimForm } from "./_components/claim-form";
import { ReleaseForm } from "./_components/release-form";
import { AttemptForm } from "./_components/attempt-form";
import { CloseForm } from "./_components/close-form";
import { CommentForm } from "./_components/comment-form";
import { ChangeRiskForm } from "./_components/change-risk-form";
import { JurisdictionForm } from "./_components/jurisdiction-form";
import { DispatchForm } from "./_components/dispatch-form";
import { AlertInstructions } from "./_components/alert-instructions";
import { AlertCountdown } from "./_components/alert-countdown";
import { PersonCard } from "./_components/person-card";
import { LiveRefresh } from "@/components/live/live-refresh";
import { listAlertInstructions } from "@/lib/server/instructions/list-alert-instructions";
import { Timeline } from "./_components/timeline";
import { Playbook } from "./_components/playbook";
import { AlertShortcuts } from "./_components/alert-shortcuts";
import { offeredActions, type TriageAction } from "@/lib/alerts/alert-state";
import { getAlertMoney } from "@/lib/server/cases/get-alert-money";
import { AlertMoneyPanel } from "./_components/alert-money";

export default async function AlertPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const t = await getTranslations();
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  // One after the other: a refused look is audited once, by the first.
  const alert = await loadOrNotFound(() => getAlert(actor, id));
  const workspace = await loadOrNotFound(() => getAlertWorkspace(actor, id));
  // Past the first look nothing more is refused: the rest loads side by side.
  const [instructions, money] = await Promise.all([loadOrNotFound(() => listAlertInstructions(actor, id)), loadOrNotFound(() => getAlertMoney(actor, id))]);
  const d = (key: string) => t(`alerts.detail.${key}`);
  const overdue = alert.overdue;
  const { canTriage, isHolder, dispatch } = workspace;
  const open = alert.status === "NEW" || alert.status === "CLAIMED";
  // The analyst working the alert calls the person first: their contact details go above the forms.
  const personFirst = canTriage && isHolder;
  // What the state machine (lib/alerts/alert-state.ts) lets this analyst do now; the domain
  // functions check it again. Every slot stays mounted so a form's last message survives the
  // refresh that follows its action.
  const offered = offeredActions({ status: alert.status, assigneeId: alert.assigneeId }, actor.userId);
  const may = (action: TriageAction) => offered.has(action);
  const holderNotice =
    alert.status === "CLOSED"
      ? t("triage.holder.closed")
      : alert.status === "JOINED"
        ? t("triage.holder.joined")
        : alert.status === "NEW"
          ? t("triage.holder.none")
          : isHolder
            ? t("triage.holder.you")
            : t("triage.holder.other", { name: alert.assigneeName ?? "" });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-4 text-sm">
        {canTriage ? (
          <Link href="/queue" className="inline-flex min-h-11 items-center text-police-700 hover:underline sm:min-h-0">
            ← {t("triage.backToQueue")}
          </Link>
        ) : null}
        <Link href="/alerts" className="inline-flex min-h-11 items-center text-police-700 hover:underline sm:min-h-0">
          ← {d("back")}
        </Link>
        <div className="ml-auto">
          <AlertShortcuts canTriage={canTriage} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{d("title")}</h1>
        <RiskBadge risk={alert.riskLevel} />
        <span className="rounded bg-slate-200 px-2 py-0.5 text-sm">{t(`fraudType.${alert.fraudType}`)}</span>
        <span className="rounded bg-slate-100 px-2 py-0.5 text-sm" data-testid="alert-status">
          {t(`alertStatus.${alert.status}`)}
          {alert.outcome ? ` · ${t(`outcome.${alert.outcome}`)}` : ""}
        </span>
        {open ? <AlertCountdown deadline={alert.firstContactDeadline} firstContactAt={alert.firstContactAt} /> : null}
        <LiveRefresh topics={["alert", "instruction"]} />
      </div>

      {personFirst ? <PersonCard alert={alert} /> : null}

      {canTriage ? (
        <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
          <section className="space-y-3 rounded border border-police-700/30 bg-slate-50 p-4" aria-labelledby="triage-heading" data-testid="triage-panel">
            <div className="flex flex-wrap items-center gap-3">
              <h2 id="triage-heading" className="font-semibold">
                {t("triage.panel")}
              </h2>
              <p className="text-sm text-slate-700" data-testid="holder-notice">
                {holderNotice}
              </p>
            </div>
            <div className="flex flex-wrap items-start gap-3">
              <ClaimForm key="claim" alertId={alert.id} show={may("claim")} />
              <ReleaseForm key="release" alertId={alert.id} version={alert.version} show={may("release")} />
            </div>
            <AttemptForm key="attempt" alertId={alert.id} version={alert.version} show={may("attempt")} />
            <CloseForm key="close" alertId={alert.id} version={alert.version} show={may("close")} />
            <div className="grid gap-3 md:grid-cols-2">
              <ChangeRiskForm key="risk" alertId={alert.id} version={alert.version} current={alert.riskLevel} show={may("changeRisk")} />
              <JurisdictionForm key="jurisdiction" alertId={alert.id} version={alert.version} stations={workspace.stations} unknown={!alert.stationName} show={may("setJurisdiction")} />
            </div>
            <CommentForm key="comment" alertId={alert.id} show={may("comment")} />
            {dispatch ? <DispatchForm key="dispatch" alertId={alert.id} options={dispatch} /> : null}
          </section>
          <Playbook playbook={workspace.playbook} />
        </div>
      ) : dispatch ? (
        <section className="space-y-3 rounded border border-police-700/30 bg-slate-50 p-4" aria-label={t("dispatch.form.title")}>
          <DispatchForm key="dispatch" alertId={alert.id} options={dispatch} />
        </section>
      ) : null}

      <AlertMoneyPanel alertId={alert.id} money={money} />

      <AlertInstructions instructions={instructions} />

      <section className="grid gap-4 md:grid-cols-2">
        <dl className="grid grid-cols-[7rem_minmax(0,1fr)] gap-x-2 gap-y-2 break-words sm:grid-cols-[8rem_minmax(0,1fr)] rounded border border-slate-200 bg-white p-4 text-sm">
          <dt className="text-slate-500">{d("source")}</dt>
          <dd>{alert.sourceName}</dd>
          <dt className="text-slate-500">{d("externalId")}</dt>
          <dd className="font-mono">{alert.externalId}</dd>
          <dt className="text-slate-500">{d("detectedAt")}</dt>
          <dd className="tabular-nums">{formatShanghai(alert.detectedAt, true)}</dd>
          <dt className="text-slate-500">{d("receivedAt")}</dt>
          <dd className="tabular-nums">{formatShanghai(alert.receivedAt, true)}</dd>
          <dt className="text-slate-500">{d("deadline")}</dt>
          <dd className={`tabular-nums ${overdue ? "font-semibold text-red-700" : ""}`}>{formatShanghai(alert.firstContactDeadline, true)}</dd>
          <dt className="text-slate-500">{d("firstContactAt")}</dt>
          <dd className="tabular-nums">{alert.firstContactAt ? formatShanghai(alert.firstContactAt, true) : d("none")}</dd>
          <dt className="text-slate-500">{t("alerts.col.jurisdiction")}</dt>
          <dd>{alert.stationName ? `${alert.districtName} · ${alert.stationName}` : t("alerts.unknownJurisdiction")}</dd>
          <dt className="text-slate-500">{t("alerts.col.assignee")}</dt>
          <dd>{alert.assigneeName ?? d("none")}</dd>
          {alert.closedAt ? (
            <>
              <dt className="text-slate-500">{d("closedAt")}</dt>
              <dd className="tabular-nums">{formatShanghai(alert.closedAt, true)}</dd>
            </>
          ) : null}
          {alert.lossFen ? (
            <>
              <dt className="text-slate-500">{d("loss")}</dt>
              <dd className="tabular-nums">{formatFen(BigInt(alert.lossFen), locale)}</dd>
            </>
          ) : null}
        </dl>

        {personFirst ? null : <PersonCard alert={alert} />}
      </section>

      <section className="rounded border border-slate-200 bg-white p-4 text-sm" aria-labelledby="fraud-heading">
        <h2 id="fraud-heading" className="mb-3 font-semibold">
          {d("fraudSide")}
        </h2>
        <dl className="grid grid-cols-[7rem_minmax(0,1fr)] gap-x-2 gap-y-2 break-words sm:grid-cols-[8rem_minmax(0,1fr)]">
          <dt className="text-slate-500">{d("callerNumbers")}</dt>
          <dd className="tabular-nums">
            {alert.fraudSide.callerNumbers.length === 0
              ? d("none")
              : alert.fraudSide.callerNumbers.map((n) => (
                  <span key={n} className="mr-3">
                    {n}
                    {isInternationalNumber(n) ? <span className="ml-1 rounded bg-red-100 px-1 text-xs text-red-800">{d("international")}</span> : null}
                  </span>
                ))}
          </dd>
          <dt className="text-slate-500">{d("appNames")}</dt>
          <dd>{alert.fraudSide.appNames.join("、") || d("none")}</dd>
          <dt className="text-slate-500">{d("urls")}</dt>
          <dd className="break-all font-mono">{alert.fraudSide.urls.join("  ") || d("none")}</dd>
          <dt className="text-slate-500">{d("suspectAccounts")}</dt>
          <dd className="break-all font-mono">{alert.fraudSide.suspectAccounts.join("  ") || d("none")}</dd>
          <dt className="text-slate-500">{d("amountInTransfer")}</dt>
          <dd className="tabular-nums">{alert.fraudSide.amountInTransferFen ? formatFen(BigInt(alert.fraudSide.amountInTransferFen), locale) : d("none")}</dd>
        </dl>
      </section>

      {canTriage ? null : <Playbook playbook={workspace.playbook} />}
      <Timeline entries={workspace.timeline} stations={workspace.stations} />

      <section className="rounded border border-slate-200 bg-white p-4 text-sm" aria-labelledby="attempts-heading">
        <h2 id="attempts-heading" className="mb-3 font-semibold">
          {d("attempts")}
        </h2>
        {alert.attempts.length === 0 ? (
          <p className="text-slate-500">{d("noAttempts")}</p>
        ) : (
          <ol className="space-y-2">
            {alert.attempts.map((a) => (
              <li key={a.id} className="flex flex-wrap gap-3" data-testid="attempt">
                <span className="tabular-nums text-slate-500">{formatShanghai(a.attemptedAt, true)}</span>
                <span>{t(`channel.${a.channel}`)}</span>
                <span className="font-medium">{t(`contactResult.${a.result}`)}</span>
                <span className="text-slate-500">{a.userName}</span>
                {a.note ? <span className="text-slate-700">{a.note}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="rounded border border-slate-200 bg-white p-4 text-sm" aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-3 font-semibold">
          {d("history")}
        </h2>
        {alert.history.length === 0 ? (
          <p className="text-slate-500">{d("noHistory")}</p>
        ) : (
          <ul className="space-y-1">
            {alert.history.map((h) => (
              <li key={h.id}>
                <Link href={`/alerts/${h.id}`} className="text-police-700 underline">
                  {formatShanghai(h.detectedAt)}
                </Link>{" "}
                · {t(`risk.${h.riskLevel}`)} · {t(`fraudType.${h.fraudType}`)} · {t(`alertStatus.${h.status}`)}
                {h.outcome ? ` · ${t(`outcome.${h.outcome}`)}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      {canTriage ? null : <p className="text-xs text-slate-500">{t("triage.readOnly")}</p>}
    </div>
  );
}
