"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

type Status = "connecting" | "live" | "offline";

/** Refresh at most this often: a burst of ingested alerts becomes one re-render. */
const REFRESH_DELAY_MS = 300;

/**
 * Listens to /api/alerts/stream and re-renders the page (router.refresh: the server reads the
 * queue again, with the user's own permissions) shortly after any alert of the city changes.
 * Shows whether the live connection is up.
 */
export function LiveRefresh() {
  const t = useTranslations("queue.live");
  const router = useRouter();
  const [status, setStatus] = useState<Status>("connecting");

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let everOpened = false;
    const refresh = () => {
      timer ??= setTimeout(() => {
        timer = null;
        router.refresh();
      }, REFRESH_DELAY_MS);
    };
    const source = new EventSource("/api/alerts/stream");
    source.addEventListener("ready", () => {
      setStatus("live");
      // After a reconnection, changes may have been missed while the stream was down.
      if (everOpened) refresh();
      everOpened = true;
    });
    source.addEventListener("alert-changed", refresh);
    source.addEventListener("error", () => {
      // EventSource retries by itself unless the server refused it (e.g. signed out).
      setStatus(source.readyState === EventSource.CLOSED ? "offline" : "connecting");
    });
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, [router]);

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
