"use client";

import { useTranslations } from "next-intl";
import type { RiskLevel } from "@/prisma/generated/client/enums";

// Same look as components/alerts/risk-badge.tsx (a server component), for client tables.
const STYLE: Record<RiskLevel, string> = {
  URGENT: "bg-red-700 text-white",
  HIGH: "bg-orange-500 text-white",
  MEDIUM: "bg-amber-200 text-amber-900",
  LOW: "bg-slate-200 text-slate-700",
};

export function RiskPill({ risk }: { risk: RiskLevel }) {
  const t = useTranslations("risk");
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold ${STYLE[risk]}`}>{t(risk)}</span>;
}
