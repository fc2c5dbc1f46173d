"use client";

import { useTranslations } from "next-intl";
import { formatShanghai } from "@/lib/time";
import { useDuration } from "./use-duration";

/** Whether the first-contact deadline has passed without a contact (null before the clock starts). */
export function isOverdue(deadline: string, firstContactAt: string | null, now: number | null): boolean | null {
  if (firstContactAt) return false;
  if (now === null) return null;
  return Date.parse(deadline) <= now;
}

/**
 * Time left before the first-contact deadline, ticking every second; past it, a red
 * "已超时 mm:ss" that counts up. Before the browser clock starts, the deadline itself. Used by the
 * queue's rows and by the alert page.
 */
export function FirstContactCountdown({ deadline, firstContactAt, now }: { deadline: string; firstContactAt: string | null; now: number | null }) {
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
