import { useTranslations } from "next-intl";
import type { RiskLevel } from "@/prisma/generated/client/enums";

// One badge for server pages and the queue's client table (not async, so it renders in both).
// Every pair keeps at least 4.5:1 contrast (WCAG AA for small text); 高 on orange-500 had 2.9:1.
const STYLE: Record<RiskLevel, string> = {
  URGENT: "bg-red-700 text-white",
  HIGH: "bg-orange-700 text-white",
  MEDIUM: "bg-amber-200 text-amber-900",
  LOW: "bg-slate-200 text-slate-700",
};

export function RiskBadge({ risk }: { risk: RiskLevel }) {
  const t = useTranslations("risk");
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold ${STYLE[risk]}`}>{t(risk)}</span>;
}
