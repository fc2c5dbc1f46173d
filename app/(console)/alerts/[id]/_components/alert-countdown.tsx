"use client";

import { useTranslations } from "next-intl";
import { FirstContactCountdown } from "@/components/clock/first-contact-countdown";
import { useNow } from "@/components/clock/use-now";

/** The alert's own first-contact clock, ticking like the queue's (it stops at a contact attempt or an on-site check-in). */
export function AlertCountdown({ deadline, firstContactAt }: { deadline: string; firstContactAt: string | null }) {
  const t = useTranslations("dispatch.countdown");
  const now = useNow();
  return (
    <span className="inline-flex items-center gap-1.5 rounded border border-slate-200 bg-white px-2 py-0.5 text-sm" data-testid="alert-countdown">
      <span className="text-slate-600">{t("label")}</span>
      <FirstContactCountdown deadline={deadline} firstContactAt={firstContactAt} now={now} />
    </span>
  );
}
