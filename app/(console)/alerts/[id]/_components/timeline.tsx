import { getLocale, getTranslations } from "next-intl/server";
import type { TimelineEntry } from "@/lib/server/alerts/get-alert-workspace";
import { AlertOutcome, ContactChannel, ContactResult, InstructionKind, RiskLevel } from "@/prisma/generated/client/enums";
import { formatShanghai } from "@/lib/time";
import { formatFen } from "@/lib/money";

function oneOf<T extends string>(values: Record<string, T>, v: unknown): T | null {
  return typeof v === "string" && (Object.values(values) as string[]).includes(v) ? (v as T) : null;
}

/** 处置时间线: events and contact attempts, oldest first (newest last). */
export async function Timeline({ entries, stations }: { entries: TimelineEntry[]; stations: { id: string; label: string }[] }) {
  const t = await getTranslations();
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const stationLabel = new Map(stations.map((s) => [s.id, s.label]));

  function detail(e: TimelineEntry): string[] {
    const d = e.data ?? {};
    switch (e.kind) {
      case "ATTEMPT": {
        const channel = oneOf(ContactChannel, d.channel);
        const result = oneOf(ContactResult, d.result);
        return [[channel && t(`channel.${channel}`), result && t(`contactResult.${result}`)].filter(Boolean).join(" · ")];
      }
      case "RISK_CHANGED": {
        const from = oneOf(RiskLevel, d.from);
        const to = oneOf(RiskLevel, d.to);
        return from && to ? [t("triage.timeline.riskChange", { from: t(`risk.${from}`), to: t(`risk.${to}`) })] : [];
      }
      case "JURISDICTION_SET": {
        const label = typeof d.stationId === "string" ? stationLabel.get(d.stationId) : undefined;
        return label ? [label] : [];
      }
      case "DISPATCHED": {
        const kind = oneOf(InstructionKind, d.kind);
        const label = typeof d.unitId === "string" ? stationLabel.get(d.unitId) : undefined;
        return [kind && t(`instructions.kind.${kind}`), label].filter((x): x is string => Boolean(x));
      }
      case "CLOSED": {
        const outcome = oneOf(AlertOutcome, d.outcome);
        const loss = typeof d.lossFen === "string" && /^\d+$/.test(d.lossFen) ? t("triage.timeline.loss", { amount: formatFen(BigInt(d.lossFen), locale) }) : null;
        return [outcome && t(`outcome.${outcome}`), loss].filter((x): x is string => Boolean(x));
      }
      default:
        return [];
    }
  }

  return (
    <section className="rounded border border-slate-200 bg-white p-4 text-sm" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="mb-3 font-semibold">
        {t("triage.timeline.title")}
      </h2>
      {entries.length === 0 ? (
        <p className="text-slate-500">{t("triage.timeline.empty")}</p>
      ) : (
        <ol className="space-y-2 border-l-2 border-slate-200 pl-4">
          {entries.map((e) => (
            <li key={`${e.kind}-${e.id}`} data-testid="timeline-entry" data-kind={e.kind}>
              <div className="flex flex-wrap gap-x-3">
                <span className="tabular-nums text-slate-500">{formatShanghai(e.at, true)}</span>
                <span className="font-medium">{t(`triage.timeline.kind.${e.kind}`)}</span>
                {detail(e).map((x) => (
                  <span key={x}>{x}</span>
                ))}
                <span className="text-slate-500">{e.userName ?? t("triage.timeline.system")}</span>
              </div>
              {e.text ? <p className="mt-0.5 whitespace-pre-line text-slate-700">{e.text}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
