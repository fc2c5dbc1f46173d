"use client";

import { useTranslations } from "next-intl";
import { useNow } from "./use-now";
import { useDuration } from "./use-duration";

/**
 * How long ago something happened (the money left the victim's account), counting up every
 * second on the page's one clock. Before the browser's clock starts, the whole minutes the server
 * computed when it read the page.
 */
export function ElapsedSince({ since, minutes }: { since: string; minutes: number }) {
  const t = useTranslations("bankRequestPage.clock");
  const now = useNow();
  const duration = useDuration();
  return (
    <span className="tabular-nums" data-testid="elapsed-since">
      {now === null ? t("minutesAgo", { minutes }) : t("ago", { time: duration(now - Date.parse(since)) })}
    </span>
  );
}
