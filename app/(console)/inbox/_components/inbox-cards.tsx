import Link from "next/link";
import { useTranslations } from "next-intl";
import type { InstructionListItem } from "@/lib/server/instructions/list-instructions";
import { RiskBadge } from "@/components/alerts/risk-badge";
import { HolderDeadline } from "@/components/instructions/holder-deadline";
import { formatShanghai } from "@/lib/time";

/**
 * The station's instructions as cards (a phone has no room for a table): each card is one link
 * to the instruction, at least 44 px tall, with its risk, kind, the masked person, the fraud
 * type, the live countdown and who issued it.
 */
export function InboxCards({ items }: { items: InstructionListItem[] }) {
  const t = useTranslations();
  return (
    <ul className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
      {items.map((i) => (
        <li key={i.id} data-testid="inbox-card" data-instruction-id={i.id} data-urgency={i.urgency}>
          <Link
            href={`/instructions/${i.id}`}
            prefetch={false}
            className={`block min-h-11 rounded border bg-white p-3 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-police-700 ${
              i.urgency === "escalated" ? "border-red-700 border-l-4" : i.urgency === "overdue" ? "border-amber-500 border-l-4" : "border-slate-200"
            }`}
          >
            <span className="flex flex-wrap items-center gap-2">
              <RiskBadge risk={i.riskLevel} />
              <span className="font-semibold text-police-700">{t(`instructions.kind.${i.kind}`)}</span>
              <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{t(`instructions.status.${i.status}`)}</span>
            </span>
            <span className="mt-2 flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <span className="whitespace-nowrap text-base font-medium" data-testid="inbox-person">
                {i.personName}
              </span>
              <span className="text-sm text-slate-700">{t(`fraudType.${i.fraudType}`)}</span>
            </span>
            <span className="mt-2 block">
              <HolderDeadline deadline={i.deadline} status={i.status} urgency={i.urgency} />
            </span>
            <span className="mt-2 flex flex-wrap gap-x-3 text-xs text-slate-600">
              <span>{t("inbox.issuedBy", { name: i.issuedByName, time: formatShanghai(i.issuedAt).slice(5) })}</span>
              {i.visitAttempts > 0 ? <span>{t("inbox.visits", { count: i.visitAttempts })}</span> : null}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
