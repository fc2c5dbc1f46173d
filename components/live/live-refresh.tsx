"use client";

import { useTranslations } from "next-intl";
import type { LiveTopic } from "@/lib/realtime/live-scope";
import { useLiveRefresh } from "./use-live-refresh";

/**
 * Keeps the page live on its topics (see useLiveRefresh) and shows whether the live connection
 * is up.
 */
export function LiveRefresh({ topics }: { topics: readonly LiveTopic[] }) {
  const t = useTranslations("live");
  const status = useLiveRefresh(topics);
  const style = status === "live" ? "bg-green-600" : status === "connecting" ? "bg-amber-500" : "bg-slate-400";
  const text = status === "live" ? t("connected") : status === "connecting" ? t("connecting") : t("offline");
  return (
    <span
      role="status"
      data-testid="live-indicator"
      data-status={status}
      title={status === "live" ? t("connectedTitle") : status === "offline" ? t("offlineTitle") : undefined}
      className="inline-flex items-center gap-1.5 rounded-full border border-slate-200 bg-white px-2 py-0.5 text-xs text-slate-700"
    >
      <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${style} ${status === "live" ? "animate-pulse" : ""}`} />
      {text}
    </span>
  );
}
