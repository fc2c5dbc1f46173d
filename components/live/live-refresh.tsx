"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { LiveTopic } from "@/lib/realtime/live-scope";

type Status = "connecting" | "live" | "offline";

/** Refresh at most once a second: a burst of changes becomes one re-render. */
const MIN_REFRESH_INTERVAL_MS = 1000;

/**
 * Follows /api/live for the page's topics and re-renders the page (router.refresh: the server
 * reads it again, with the user's own permissions) when a change concerns the user's
 * jurisdiction, at most once a second. Such a refresh is not the user's activity: it does not
 * extend the session (lib/auth/get-actor.ts). Shows whether the live connection is up.
 */
export function LiveRefresh({ topics }: { topics: readonly LiveTopic[] }) {
  const t = useTranslations("live");
  const router = useRouter();
  const [status, setStatus] = useState<Status>("connecting");
  const topicList = topics.join(",");

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastRefresh = 0;
    let everOpened = false;
    const refresh = () => {
      if (timer) return;
      const wait = Math.max(0, lastRefresh + MIN_REFRESH_INTERVAL_MS - Date.now());
      timer = setTimeout(() => {
        timer = null;
        lastRefresh = Date.now();
        router.refresh();
      }, wait);
    };
    const source = new EventSource(`/api/live?topics=${encodeURIComponent(topicList)}`);
    source.addEventListener("ready", () => {
      setStatus("live");
      // After a reconnection, changes may have been missed while the stream was down.
      if (everOpened) refresh();
      everOpened = true;
    });
    source.addEventListener("changed", refresh);
    source.addEventListener("error", () => {
      // EventSource retries by itself unless the server refused it (e.g. signed out).
      setStatus(source.readyState === EventSource.CLOSED ? "offline" : "connecting");
    });
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, [router, topicList]);

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
