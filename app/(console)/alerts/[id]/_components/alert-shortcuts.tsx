"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useShortcuts } from "@/components/keyboard/use-shortcuts";
import { ShortcutHelp, type ShortcutSection } from "@/components/keyboard/shortcut-help";

function focus(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: "center" });
  el.focus();
}

/** The alert page's keys: c claims, a → record attempt, x → close, g q → back to the queue. */
export function AlertShortcuts({ canTriage }: { canTriage: boolean }) {
  const t = useTranslations("shortcuts.alert");
  const router = useRouter();
  useShortcuts(
    {
      c: () => document.querySelector<HTMLFormElement>("#claim-form")?.requestSubmit(),
      a: () => focus("attempt-channel"),
      x: () => focus("close-outcome"),
      "g q": () => router.push("/queue"),
    },
    canTriage,
  );
  if (!canTriage) return null;
  const sections: ShortcutSection[] = [
    {
      heading: t("heading"),
      items: [
        { keys: ["c"], label: t("claim") },
        { keys: ["a"], label: t("attempt") },
        { keys: ["x"], label: t("close") },
        { keys: ["g q"], label: t("back") },
      ],
    },
  ];
  return <ShortcutHelp sections={sections} />;
}
