import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AlertMoney } from "@/lib/server/cases/get-alert-money";
import { fenToYuanText } from "@/lib/money";
import { formatShanghai } from "@/lib/time";
import { MoneyClock } from "@/components/cases/money-clock";
import { StopForm } from "@/components/cases/stop-form";
import { fileStopFromAlertAction } from "../money-actions";
import { ProtectiveStopForm } from "./protective-stop-form";

/**
 * The money side of the alert, right under the triage cards: once the person has been defrauded
 * (or money shows in transit, or the alert is already in a case) the stop form is here at once,
 * with the case's 30-minute clock of the first stop and a link to the case; while the alert is
 * open, a protective stop on the person's own account.
 */
export async function AlertMoneyPanel({ alertId, money }: { alertId: string; money: AlertMoney }) {
  const t = await getTranslations("cases");
  if (!money.case && !money.offerStop && !money.offerProtective) return null;
  return (
    <section className="space-y-3 rounded border border-red-700/30 bg-red-50/40 p-4" aria-labelledby="money-heading" data-testid="alert-money">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="money-heading" className="font-semibold">
          {t("fromAlert.heading")}
        </h2>
        {money.case ? (
          <>
            <Link href={`/cases/${money.case.id}`} className="text-sm text-police-700 underline" data-testid="alert-case-link">
              {t("fromAlert.inCase")} {money.case.caseNumber ?? t("detail.noNumber")}
            </Link>
            {money.case.firstStopAt ? (
              <span className="text-xs text-slate-600">{t("clock.firstStopDone", { time: formatShanghai(money.case.firstStopAt).slice(5) })}</span>
            ) : (
              <MoneyClock at={money.case.firstStopDueAt} mode="until" label={t("clock.firstStop")} />
            )}
          </>
        ) : null}
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        {money.offerStop ? (
          <StopForm
            action={fileStopFromAlertAction.bind(null, alertId)}
            institutions={money.institutions}
            idPrefix="stop"
            title={t("stop.title")}
            defaultAmountYuan={money.amountInTransferFen ? fenToYuanText(BigInt(money.amountInTransferFen)) : undefined}
          />
        ) : null}
        {money.offerProtective ? <ProtectiveStopForm alertId={alertId} institutions={money.institutions} /> : null}
      </div>
    </section>
  );
}
