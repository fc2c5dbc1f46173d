import { getLocale, getTranslations } from "next-intl/server";
import type { InstructionEventItem } from "@/lib/server/instructions/get-instruction";
import { DeclineReason, FeedbackOutcome, InstructionKind, type AlertOutcome } from "@/prisma/generated/client/enums";
import { FEEDBACK_CHECKS } from "@/lib/instructions/feedback-outcome";
import { formatShanghai } from "@/lib/time";
import { formatFen } from "@/lib/money";

type Translator = Awaited<ReturnType<typeof getTranslations>>;

function oneOf<T extends string>(values: Record<string, T> | readonly T[], v: unknown): T | null {
  const all = (Array.isArray(values) ? values : Object.values(values)) as string[];
  return typeof v === "string" && all.includes(v) ? (v as T) : null;
}

const fen = (v: unknown): bigint | null => (typeof v === "string" && /^\d+$/.test(v) ? BigInt(v) : null);
const names = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** The time between two steps: "45秒", "12分钟", "1小时5分", "2天3小时". */
function elapsed(t: Translator, ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return t("instructionPage.elapsed.seconds", { s });
  const m = Math.floor(s / 60);
  if (m < 60) return t("instructionPage.elapsed.minutes", { m });
  const h = Math.floor(m / 60);
  if (h < 24) return t("instructionPage.elapsed.hours", { h, m: m % 60 });
  return t("instructionPage.elapsed.days", { d: Math.floor(h / 24), h: h % 24 });
}

/**
 * 指令时间线: every step in words — what, who, which unit, when (Asia/Shanghai) — and how long it
 * took since the step before, oldest first. `stationName` names stations the events mention by id.
 */
export async function InstructionTimeline({ events, stationName }: { events: InstructionEventItem[]; stationName: (id: string) => string | null }) {
  const t = await getTranslations();
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const p = (key: string, values?: Record<string, string | number>) => t(`instructionPage.timeline.${key}`, values);

  function details(e: InstructionEventItem): string[] {
    const d = (e.data ?? {}) as Record<string, unknown>;
    switch (e.kind) {
      case "ISSUED": {
        const kind = oneOf(InstructionKind, d.kind);
        return [kind && t(`instructions.kind.${kind}`), typeof d.followUpOf === "string" ? p("followUp") : null].filter((x): x is string => Boolean(x));
      }
      case "DECLINED": {
        const reason = oneOf(DeclineReason, d.reason);
        const suggested = typeof d.suggestedStationId === "string" ? stationName(d.suggestedStationId) : null;
        return [reason && t(`instructions.declineReason.${reason}`), suggested && p("suggested", { station: suggested })].filter((x): x is string => Boolean(x));
      }
      case "TEAM_SET": {
        const parts = [
          ["officers", names(d.officers)],
          ["auxiliaries", names(d.auxiliaries)],
          ["gridWorkers", names(d.gridWorkers)],
        ] as const;
        return parts.filter(([, list]) => list.length > 0).map(([role, list]) => `${t(`instructionPage.team.${role}`)}：${list.join("、")}`);
      }
      case "FEEDBACK": {
        const outcome = oneOf(FeedbackOutcome, d.outcome);
        const checks = names(d.checks).filter((c) => oneOf(FEEDBACK_CHECKS, c));
        const avoided = fen(d.lossAvoidedFen);
        const loss = fen(d.lossFen);
        return [
          outcome && t(`instructions.feedbackOutcome.${outcome}`),
          d.metPerson === true ? p("met") : d.metPerson === false ? p("notMet") : null,
          checks.length > 0 ? p("checked", { list: checks.map((c) => t(`instructions.check.${c}`)).join("、") }) : null,
          avoided !== null ? p("lossAvoided", { amount: formatFen(avoided, locale) }) : null,
          loss !== null ? p("loss", { amount: formatFen(loss, locale) }) : null,
        ].filter((x): x is string => Boolean(x));
      }
      case "SENT_BACK": {
        const outcome = oneOf(FeedbackOutcome, d.outcome);
        return outcome ? [p("sentBackOutcome", { outcome: t(`instructions.feedbackOutcome.${outcome}`) })] : [];
      }
      case "CLOSED": {
        const alert = (d.alert ?? {}) as Record<string, unknown>;
        const effect = typeof alert.alert === "string" ? alert.alert : typeof d.alert === "string" ? d.alert : null;
        const outcome = typeof alert.outcome === "string" ? (alert.outcome as AlertOutcome) : null;
        const line =
          effect === "closed" && outcome
            ? p("alertClosed", { outcome: t(`outcome.${outcome}`) })
            : effect === "joined"
              ? p("alertJoined")
              : effect === "alreadyClosed"
                ? p("alertAlreadyClosed")
                : effect === "unchanged"
                  ? p("alertUnchanged")
                  : effect === "notApplied"
                    ? p("alertNotApplied")
                    : null;
        return [line, typeof d.followUpId === "string" ? p("followUpSent") : null].filter((x): x is string => Boolean(x));
      }
      case "OVERDUE":
        return d.deadline === "SIGN_OFF" ? [p("overdueSignOff")] : d.deadline === "FEEDBACK" ? [p("overdueFeedback")] : [];
      default:
        return [];
    }
  }

  return (
    <section className="rounded border border-slate-200 bg-white p-4 text-sm" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="mb-3 font-semibold">
        {p("title")}
      </h2>
      <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
        {events.map((e, i) => {
          const previous = events[i - 1];
          return (
            <li key={e.id} data-testid="instruction-event" data-kind={e.kind} className="break-words">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
                <span className="font-medium">{t(`instructions.event.${e.kind}`)}</span>
                {details(e).map((x) => (
                  <span key={x}>{x}</span>
                ))}
              </div>
              <div className="flex flex-wrap gap-x-3 text-xs text-slate-600">
                <time dateTime={e.at} className="tabular-nums">
                  {formatShanghai(e.at, true)}
                </time>
                {previous ? (
                  <span className="tabular-nums" data-testid="event-elapsed">
                    {p("after", { time: elapsed(t, Date.parse(e.at) - Date.parse(previous.at)) })}
                  </span>
                ) : null}
                <span>{e.userName ?? p("system")}</span>
                {e.unitName ? <span>{e.unitName}</span> : null}
              </div>
              {e.text ? <p className="mt-0.5 whitespace-pre-line text-slate-800">{e.text}</p> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
