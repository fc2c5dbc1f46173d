"use client";

import { useEffect } from "react";
import { markActiveAction } from "@/app/(console)/actions";

/** Report the user's activity at most this often (the session row is touched at most once a minute). */
const REPORT_EVERY_MS = 60_000;

/**
 * The user's own input (a key, a click, a touch) keeps the session alive; a live page refreshing
 * itself does not (lib/auth/user-activity.ts). Client-side navigations are not counted by the
 * server, so this reports input by itself, at most once a minute.
 */
export function ActivityBeacon() {
  useEffect(() => {
    // The first input reports at once (the page load itself counted, but a long read may follow it).
    let lastReport = 0;
    const onInput = () => {
      const now = Date.now();
      if (now - lastReport < REPORT_EVERY_MS) return;
      lastReport = now;
      void markActiveAction().catch(() => {});
    };
    const events = ["keydown", "pointerdown", "touchstart"] as const;
    for (const e of events) window.addEventListener(e, onInput, { passive: true, capture: true });
    return () => {
      for (const e of events) window.removeEventListener(e, onInput, { capture: true });
    };
  }, []);
  return null;
}
