"use client";

import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocale } from "@/lib/i18n/set-locale";
import { LOCALES } from "@/lib/i18n/locales";

const LABELS: Record<(typeof LOCALES)[number], string> = { "zh-CN": "中文", en: "English" };

export function LanguageSwitcher({ className = "" }: { className?: string }) {
  const locale = useLocale();
  const t = useTranslations("nav");
  const [pending, startTransition] = useTransition();
  return (
    <label className={`inline-flex items-center gap-2 text-sm ${className}`}>
      <span className="sr-only">{t("language")}</span>
      <select
        aria-label={t("language")}
        value={locale}
        disabled={pending}
        onChange={(e) => startTransition(() => setLocale(e.target.value))}
        className="min-h-11 rounded border border-slate-300 bg-white px-2 py-1 text-slate-800 sm:min-h-0"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {LABELS[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
