"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useLiveRefresh } from "@/components/live/use-live-refresh";

/**
 * The header's bell: the unread count, kept live. The count is read by the layout on the server;
 * a notification for this user (live key "u:<user>", nobody else's) refreshes the page, and with
 * it the count.
 */
export function NotificationBell({ unread }: { unread: number }) {
  const t = useTranslations("notifications.bell");
  const status = useLiveRefresh(["notification"]);
  return (
    <Link
      href="/notifications"
      data-testid="notification-bell"
      data-count={unread}
      data-live={status}
      aria-label={unread > 0 ? t("unread", { count: unread }) : t("none")}
      className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded hover:bg-white/10"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {unread > 0 ? (
        <span className="absolute right-0.5 top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white" data-testid="notification-count">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
