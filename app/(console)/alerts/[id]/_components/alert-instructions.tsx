import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AlertInstruction } from "@/lib/server/instructions/list-alert-instructions";
import { formatShanghai } from "@/lib/time";
import { RiskBadge } from "@/components/alerts/risk-badge";
import { DeadlineCountdown } from "@/components/instructions/deadline-countdown";

/**
 * 指令与办理进度: each instruction of the alert with its whole chain — 下发 → 分局转派 → 签收 → 到场 →
 * 反馈 → 办结 — the time of each step (Asia/Shanghai) and how long it took after the one before,
 * its status in words, its live deadline, and a link to the instruction's page.
 */
export async function AlertInstructions({ instructions }: { instructions: AlertInstruction[] }) {
  const t = await getTranslations();
  const c = (key: string, values?: Record<string, string | number>) => t(`dispatch.chain.${key}`, values);

  /** "4分钟", "1小时5分", "2天3小时": a step's duration as people say it. */
  const span = (ms: number): string => {
    const minutes = Math.floor(Math.max(0, ms) / 60_000);
    if (minutes < 1) return t("dispatch.duration.seconds", { s: Math.floor(Math.max(0, ms) / 1000) });
    if (minutes < 60) return t("dispatch.duration.minutes", { m: minutes });
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return t("dispatch.duration.hours", { h: hours, m: minutes % 60 });
    return t("dispatch.duration.days", { d: Math.floor(hours / 24), h: hours % 24 });
  };

  return (
    <section className="rounded border border-slate-200 bg-white p-4 text-sm" aria-labelledby="instructions-heading" data-testid="alert-instructions">
      <h2 id="instructions-heading" className="mb-3 font-semibold">
        {c("title")}
      </h2>
      {instructions.length === 0 ? (
        <p className="text-slate-500">{c("empty")}</p>
      ) : (
        <ul className="space-y-4">
          {instructions.map((i) => {
            const reachedLater = (index: number) => i.chain.slice(index + 1).some((s) => s.at !== null);
            return (
              <li key={i.id} className="rounded border border-slate-200 p-3" data-testid="alert-instruction" data-instruction-id={i.id} data-status={i.status}>
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span className="font-medium">{t(`instructions.kind.${i.kind}`)}</span>
                  <RiskBadge risk={i.riskLevel} />
                  <span className="rounded bg-slate-100 px-2 py-0.5" data-testid="instruction-status">
                    {t(`instructions.status.${i.status}`)}
                  </span>
                  <span className="text-slate-700">{c("to", { unit: i.stationName ? `${i.districtName} · ${i.stationName}` : i.districtName })}</span>
                  <span className="text-slate-600">{c("issuedBy", { name: i.issuedByName })}</span>
                  {i.deadline ? (
                    <span className="flex items-center gap-1.5">
                      <span className="text-slate-600">{c("deadline")}</span>
                      <DeadlineCountdown deadline={i.deadline} urgency={i.urgency} />
                    </span>
                  ) : null}
                  <Link href={`/instructions/${i.id}`} className="ml-auto text-police-700 underline">
                    {c("open")}
                  </Link>
                </div>
                {i.note ? <p className="mt-1 whitespace-pre-line text-slate-700">{c("note", { note: i.note })}</p> : null}
                <ol className="mt-3 grid gap-2 sm:grid-cols-3 lg:grid-cols-6" aria-label={c("title")}>
                  {i.chain.map((s, index) => {
                    const label = s.step === "closed" && i.status === "CANCELLED" ? c("step.cancelled") : c(`step.${s.step}`);
                    const skipped = s.at === null && s.step === "forwarded" && reachedLater(index);
                    return (
                      <li
                        key={s.step}
                        data-testid="chain-step"
                        data-step={s.step}
                        data-reached={s.at !== null ? "true" : "false"}
                        className={`rounded border px-2 py-1.5 ${s.at ? "border-police-700/40 bg-sky-50" : "border-dashed border-slate-300 text-slate-600"}`}
                      >
                        <span className="block font-medium">{label}</span>
                        {s.at ? (
                          <>
                            <span className="block tabular-nums">{formatShanghai(s.at, true)}</span>
                            {s.afterPreviousMs !== null ? <span className="block text-xs text-slate-700" data-testid="chain-duration">{c("after", { time: span(s.afterPreviousMs) })}</span> : null}
                          </>
                        ) : (
                          <span className="block text-xs">{skipped ? c("direct") : c("pending")}</span>
                        )}
                      </li>
                    );
                  })}
                </ol>
                {i.feedbackOutcome || i.visitAttempts > 0 ? (
                  <p className="mt-2 flex flex-wrap gap-3 text-slate-700">
                    {i.feedbackOutcome ? <span>{c("outcome", { outcome: t(`instructions.feedbackOutcome.${i.feedbackOutcome}`) })}</span> : null}
                    {i.visitAttempts > 0 ? <span>{c("visits", { count: i.visitAttempts })}</span> : null}
                  </p>
                ) : null}
                {i.sideEvents.length > 0 ? (
                  <details className="mt-2">
                    <summary className="cursor-pointer text-slate-700">{c("events")}</summary>
                    <ol className="mt-1 space-y-0.5">
                      {i.sideEvents.map((e) => (
                        <li key={e.id} className="flex flex-wrap gap-x-3">
                          <span className="tabular-nums text-slate-600">{formatShanghai(e.at, true)}</span>
                          <span>{t(`instructions.event.${e.kind}`)}</span>
                          {e.unitName ? <span>{e.unitName}</span> : null}
                          {e.userName ? <span className="text-slate-600">{e.userName}</span> : null}
                        </li>
                      ))}
                    </ol>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
