"use client";

import { useTranslations } from "next-intl";
import type { InstructionStatus } from "@/prisma/generated/client/enums";
import type { Urgency } from "@/lib/instructions/supervision-clock";
import { formatShanghai } from "@/lib/time";
import { useNow } from "@/components/clock/use-now";
import { useDuration } from "@/components/clock/use-duration";

const AWAITING_SIGN_OFF: readonly InstructionStatus[] = ["AT_DISTRICT", "AT_STATION"];

// Colour is never the only signal: each band says in words what it is (已超时, 已督办).
const STYLE = {
  running: "border-slate-300 bg-white text-slate-800",
  overdue: "border-amber-400 bg-amber-100 text-amber-950",
  escalated: "border-red-800 bg-red-700 text-white",
} as const;

/**
 * The deadline an instruction's holder works against now, named (签收 or 反馈: what the officer must
 * do next) (sign-off until signed, then feedback),
 * ticking every second: time left; past it, amber "已超时" counting up; red "已督办" once the
 * worker escalated it. Before the browser's clock starts (server render), the deadline itself.
 * `urgency` is the server's band when the page was read; the clock moves it to overdue by itself.
 */
export function HolderDeadline({ deadline, status, urgency, className }: { deadline: string | null; status: InstructionStatus; urgency: Urgency; className?: string }) {
  const t = useTranslations("instructionPage.deadline");
  const now = useNow();
  const duration = useDuration();
  if (!deadline) return null;
  const which = t(AWAITING_SIGN_OFF.includes(status) ? "signOff" : "feedback");
  const left = now === null ? null : Date.parse(deadline) - now;
  const overdue = left === null ? urgency !== "onTime" : left <= 0;
  const band = urgency === "escalated" ? "escalated" : overdue ? "overdue" : "running";
  const text =
    left === null
      ? t("at", { which, time: formatShanghai(deadline).slice(5) })
      : t(left <= 0 ? "overdue" : "remaining", { which, time: duration(left) });
  return (
    <span
      data-testid="holder-deadline"
      data-state={band}
      className={`inline-flex flex-wrap items-center gap-x-1 whitespace-nowrap rounded border px-2 py-0.5 text-sm font-medium tabular-nums ${STYLE[band]} ${className ?? ""}`}
    >
      {band === "escalated" ? <span>{t("escalated")} ·</span> : null}
      <span>
        {band === "running" ? null : <span aria-hidden="true">⚠ </span>}
        {text}
      </span>
    </span>
  );
}
