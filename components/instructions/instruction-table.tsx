import Link from "next/link";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { InstructionListItem } from "@/lib/server/instructions/list-instructions";
import { formatShanghai } from "@/lib/time";
import { RiskBadge } from "@/components/alerts/risk-badge";
import { DeadlineCountdown } from "./deadline-countdown";

/** A row's tint by urgency: amber overdue, red escalated (督办), always beside the words. */
const ROW: Record<InstructionListItem["urgency"], string> = {
  onTime: "",
  overdue: "bg-amber-50 shadow-[inset_4px_0_0_0_#d97706]",
  escalated: "bg-red-50 shadow-[inset_4px_0_0_0_#b91c1c]",
};

/**
 * Instructions as the lists show them: urgency in words and colour with a live countdown, the
 * instruction, the person (masked), who holds it, its status in words, who issued it and when, and
 * a link to its page. `action` adds a row's own controls (the district's forward, re-route, chase).
 */
export function InstructionTable({ items, label, action }: { items: InstructionListItem[]; label: string; action?: (item: InstructionListItem) => ReactNode }) {
  const t = useTranslations();
  const c = (key: string) => t(`instructionLists.col.${key}`);
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="min-w-full text-sm" aria-label={label}>
        <thead className="bg-slate-100 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">{c("deadline")}</th>
            <th scope="col" className="px-3 py-2">{c("instruction")}</th>
            <th scope="col" className="px-3 py-2">{c("person")}</th>
            <th scope="col" className="px-3 py-2">{c("unit")}</th>
            <th scope="col" className="px-3 py-2">{c("status")}</th>
            <th scope="col" className="px-3 py-2">{c("issued")}</th>
            <th scope="col" className="px-3 py-2">{c("action")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id} data-testid="instruction-row" data-instruction-id={i.id} data-status={i.status} data-urgency={i.urgency} className={`border-t border-slate-100 align-top ${ROW[i.urgency]}`}>
              <td className="whitespace-nowrap px-3 py-2">
                <DeadlineCountdown deadline={i.deadline} urgency={i.urgency} />
              </td>
              <td className="px-3 py-2">
                <span className="flex flex-wrap items-center gap-1.5">
                  <RiskBadge risk={i.riskLevel} />
                  <span className="font-medium">{t(`instructions.kind.${i.kind}`)}</span>
                </span>
                <span className="block text-xs text-slate-700">{t(`fraudType.${i.fraudType}`)}</span>
              </td>
              <td className="whitespace-nowrap px-3 py-2">{i.personName}</td>
              <td className="px-3 py-2">
                {i.districtName}
                {i.stationName ? <span className="block">{i.stationName}</span> : null}
              </td>
              <td className="px-3 py-2">
                <span data-testid="instruction-status">{t(`instructions.status.${i.status}`)}</span>
                {i.declineReason && i.status === "DECLINED" ? <span className="block text-xs text-slate-700">{t(`instructions.declineReason.${i.declineReason}`)}</span> : null}
                {i.visitAttempts > 0 ? <span className="block text-xs text-slate-700">{t("instructionLists.visits", { count: i.visitAttempts })}</span> : null}
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                {i.issuedByName}
                <span className="block text-xs tabular-nums text-slate-700">{formatShanghai(i.issuedAt)}</span>
              </td>
              <td className="px-3 py-2">
                <div className="flex flex-wrap items-start gap-2">
                  <Link href={`/instructions/${i.id}`} prefetch={false} className="inline-flex min-h-8 items-center text-police-700 underline" aria-label={t("instructionLists.openLabel", { person: i.personName })}>
                    {t("instructionLists.open")}
                  </Link>
                  {action ? action(i) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
