"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { LiveTopic } from "@/lib/realtime/live-scope";

export type LiveStatus = "connecting" | "live" | "offline";

/** Refresh at most once a second: a burst of changes becomes one re-render. */
const MIN_REFRESH_INTERVAL_MS = 1000;

/**
 * Follows /api/live for the topics and re-renders the page (router.refresh: the server reads it
 * again, with the user's own permissions) when a change concerns the user, at most once a
 * second. Such a refresh is not the user's activity: it does not extend the session
 * (lib/auth/get-actor.ts). Returns whether the live connection is up.
 */
export function useLiveRefresh(topics: readonly LiveTopic[]): LiveStatus {
  const router = useRouter();
  const [status, setStatus] = useState<LiveStatus>("connecting");
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

  return status;
}
