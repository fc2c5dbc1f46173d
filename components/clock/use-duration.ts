"use client";

import { useTranslations } from "next-intl";

function pad(n: number): string {
  return n.toString().padStart(2, "0");
}

/** A span of time as a clock reads it: "04:59", "1:02:03"; a day or more as "3天1小时". */
export function useDuration(): (ms: number) => string {
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
