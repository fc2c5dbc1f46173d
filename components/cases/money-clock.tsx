"use client";

import { useTranslations } from "next-intl";
import { formatShanghai } from "@/lib/time";
import { useNow } from "@/components/clock/use-now";
import { useDuration } from "@/components/clock/use-duration";

/**
 * One clock of the money workflow, ticking every second: time left until `at` (red once past),
 * or time since `at` ("since": the minutes since a transfer, which decide whether money can still
 * be caught). The server renders the time itself; the browser then counts.
 */
export function MoneyClock({ at, mode, label }: { at: string; mode: "until" | "since"; label: string }) {
  const t = useTranslations("cases.clock");
  const now = useNow();
  const duration = useDuration();
  const diff = now === null ? null : Date.parse(at) - now;
  const late = mode === "until" && diff !== null && diff <= 0;
  const text =
    diff === null ? formatShanghai(at).slice(5) : mode === "since" ? t("ago", { time: duration(diff) }) : diff > 0 ? t("left", { time: duration(diff) }) : t("over", { time: duration(diff) });
  return (
    <span className="inline-flex flex-wrap items-baseline gap-1 text-xs" data-testid="money-clock" data-late={late ? "true" : "false"}>
      <span className="text-slate-500">{label}</span>
      <span className={`tabular-nums ${late ? "font-semibold text-red-700" : "text-slate-800"}`}>{text}</span>
    </span>
  );
}
