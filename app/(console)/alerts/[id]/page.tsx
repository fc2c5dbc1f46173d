import Link from "next/link";
import { getTranslations, getLocale } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { getAlert } from "@/lib/server/alerts/get-alert";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { RiskBadge } from "@/components/alerts/risk-badge";
import { formatShanghai } from "@/lib/time";
import { formatFen } from "@/lib/money";
import { isInternationalNumber } from "@/lib/pii/phone";
import { RevealField } from "./_components/reveal-field";

export default async function AlertPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const t = await getTranslations();
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const alert = await loadOrNotFound(() => getAlert(actor, id));
  const d = (key: string) => t(`alerts.detail.${key}`);
  const overdue = alert.overdue;
  return (
    <div className="space-y-6">
      <Link href="/alerts" className="text-sm text-police-700 hover:underline">
        ← {d("back")}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{d("title")}</h1>
        <RiskBadge risk={alert.riskLevel} />
        <span className="rounded bg-slate-200 px-2 py-0.5 text-sm">{t(`fraudType.${alert.fraudType}`)}</span>
        <span className="rounded bg-slate-100 px-2 py-0.5 text-sm" data-testid="alert-status">
          {t(`alertStatus.${alert.status}`)}
          {alert.outcome ? ` · ${t(`outcome.${alert.outcome}`)}` : ""}
        </span>
      </div>

      <section className="grid gap-4 md:grid-cols-2">
        <dl className="grid grid-cols-[8rem_1fr] gap-y-2 rounded border border-slate-200 bg-white p-4 text-sm">
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

        <section className="rounded border border-slate-200 bg-white p-4 text-sm" aria-labelledby="person-heading">
          <h2 id="person-heading" className="mb-3 font-semibold">
            {d("person")}
          </h2>
          <dl className="grid grid-cols-[6rem_1fr] gap-y-2">
            <dt className="text-slate-500">{d("name")}</dt>
            <dd data-testid="person-name">{alert.person.name}</dd>
            <dt className="text-slate-500">{d("phone")}</dt>
            <dd>
              {alert.person.canReveal.phone ? (
                <RevealField alertId={alert.id} field="phone" masked={alert.person.phone} label={d("phone")} />
              ) : (
                <span className="tabular-nums" data-testid="person-phone">
                  {alert.person.phone}
                </span>
              )}
            </dd>
            <dt className="text-slate-500">{d("idNumber")}</dt>
            <dd>
              {alert.person.idNumber === null ? (
                d("none")
              ) : alert.person.canReveal.idNumber ? (
                <RevealField alertId={alert.id} field="idNumber" masked={alert.person.idNumber} label={d("idNumber")} />
              ) : (
                <span className="tabular-nums">{alert.person.idNumber}</span>
              )}
            </dd>
            <dt className="text-slate-500">{d("address")}</dt>
            <dd>
              {!alert.person.hasAddress ? (
                d("none")
              ) : alert.person.canReveal.address ? (
                <RevealField alertId={alert.id} field="address" masked={d("addressHidden")} label={d("address")} />
              ) : (
                d("addressHidden")
              )}
            </dd>
          </dl>
        </section>
      </section>

      <section className="rounded border border-slate-200 bg-white p-4 text-sm" aria-labelledby="fraud-heading">
        <h2 id="fraud-heading" className="mb-3 font-semibold">
          {d("fraudSide")}
        </h2>
        <dl className="grid grid-cols-[8rem_1fr] gap-y-2">
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
          <dd className="font-mono">{alert.fraudSide.suspectAccounts.join("  ") || d("none")}</dd>
          <dt className="text-slate-500">{d("amountInTransfer")}</dt>
          <dd className="tabular-nums">{alert.fraudSide.amountInTransferFen ? formatFen(BigInt(alert.fraudSide.amountInTransferFen), locale) : d("none")}</dd>
        </dl>
      </section>

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
                <Link href={`/alerts/${h.id}`} className="text-police-700 hover:underline">
                  {formatShanghai(h.detectedAt)}
                </Link>{" "}
                · {t(`risk.${h.riskLevel}`)} · {t(`fraudType.${h.fraudType}`)} · {t(`alertStatus.${h.status}`)}
                {h.outcome ? ` · ${t(`outcome.${h.outcome}`)}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="text-xs text-slate-500">{d("readOnlyNotice")}</p>
    </div>
  );
}
