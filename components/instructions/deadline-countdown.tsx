"use client";

import { useTranslations } from "next-intl";
import type { Urgency } from "@/lib/instructions/supervision-clock";
import { formatShanghai } from "@/lib/time";
import { useNow } from "@/components/clock/use-now";
import { useDuration } from "@/components/clock/use-duration";

/** Green on time, amber overdue, red escalated (督办): the colour bands of supervision, always with words. */
const BAND: Record<Urgency, string> = {
  onTime: "border-green-700/30 bg-green-50 text-green-900",
  overdue: "border-amber-600/40 bg-amber-100 text-amber-950",
  escalated: "border-red-700/40 bg-red-100 text-red-900",
};

/**
 * An open instruction's urgency in words and colour, and the time left before the deadline its
 * holder works against (sign-off, then feedback), ticking every second. Past the deadline it
 * counts up and reads 已超时 even before the worker has marked it; the worker's 督办 (escalated)
 * stays red. Without a deadline (feedback given, closed) only the status words show elsewhere.
 */
export function DeadlineCountdown({ deadline, urgency }: { deadline: string | null; urgency: Urgency }) {
  const t = useTranslations();
  const now = useNow();
  const duration = useDuration();
  if (deadline === null) return <span className="text-slate-500">{t("instructionLists.deadline.none")}</span>;
  const left = now === null ? null : Date.parse(deadline) - now;
  const band: Urgency = urgency === "escalated" ? "escalated" : urgency === "overdue" || (left !== null && left <= 0) ? "overdue" : "onTime";
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5" data-testid="deadline-countdown" data-urgency={band}>
      <span className={`rounded border px-1.5 py-0.5 text-xs font-medium ${BAND[band]}`}>{t(`instructions.urgency.${band}`)}</span>
      <span className={`tabular-nums ${band === "onTime" ? "text-slate-800" : "font-semibold text-red-800"}`}>
        {left === null
          ? t("instructionLists.deadline.at", { time: formatShanghai(deadline).slice(5) })
          : left > 0
            ? t("instructionLists.deadline.remaining", { time: duration(left) })
            : t("instructionLists.deadline.overdue", { time: duration(left) })}
      </span>
    </span>
  );
}
