import { getTranslations } from "next-intl/server";
import type { RiskLevel } from "@/prisma/generated/client/enums";

const STYLE: Record<RiskLevel, string> = {
  URGENT: "bg-red-700 text-white",
  HIGH: "bg-orange-500 text-white",
  MEDIUM: "bg-amber-200 text-amber-900",
  LOW: "bg-slate-200 text-slate-700",
};

export async function RiskBadge({ risk }: { risk: RiskLevel }) {
  const t = await getTranslations("risk");
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${STYLE[risk]}`}>{t(risk)}</span>;
}
