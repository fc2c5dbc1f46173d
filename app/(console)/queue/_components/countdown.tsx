"use client";

import { useTranslations } from "next-intl";
import { formatShanghai } from "@/lib/time";

function pad(n: number): string {
  return n.toString().padStart(2, "0");
}

/** "04:59", "1:02:03"; a day or more as "3天1小时". */
function useDuration() {
  const t = useTranslations("queue.countdown");
  return (ms: number): string => {
    const total = Math.floor(Math.abs(ms) / 1000);
    const days = Math.floor(total / 86_400);
    const hours = Math.floor((total % 86_400) / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    const seconds = total % 60;
    if (days > 0) return t("days", { days, hours });
    return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
  };
}

/** Whether the first-contact deadline has passed without a contact (null before the clock starts). */
export function isOverdue(deadline: string, firstContactAt: string | null, now: number | null): boolean | null {
  if (firstContactAt) return false;
  if (now === null) return null;
  return Date.parse(deadline) <= now;
}

/**
 * Time left before the first-contact deadline, ticking every second; past it, a red
 * "已超时 mm:ss" that counts up. Before the browser clock starts, the deadline itself.
 */
export function Countdown({ deadline, firstContactAt, now }: { deadline: string; firstContactAt: string | null; now: number | null }) {
  const t = useTranslations("queue.countdown");
  const duration = useDuration();
  if (firstContactAt) {
    return (
      <span className="text-green-800" data-testid="countdown" data-state="contacted">
        ✓ {t("contacted")}
      </span>
    );
  }
  if (now === null) {
    return (
      <span className="tabular-nums text-slate-600" data-testid="countdown">
        {t("deadlineAt", { time: formatShanghai(deadline).slice(5) })}
      </span>
    );
  }
  const left = Date.parse(deadline) - now;
  if (left <= 0) {
    return (
      <span className="font-semibold tabular-nums text-red-700" data-testid="countdown" data-state="overdue">
        ⚠ {t("overdue", { time: duration(left) })}
      </span>
    );
  }
  return (
    <span className={`tabular-nums ${left < 60_000 ? "font-semibold text-orange-700" : "text-slate-800"}`} data-testid="countdown" data-state="running">
      {t("remaining", { time: duration(left) })}
    </span>
  );
}
