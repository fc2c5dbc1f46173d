"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { QueueItem } from "@/lib/server/alerts/list-triage-queue";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY_COMPACT } from "@/components/forms/styles";
import { FormMessage } from "@/components/ui/form-message";
import { RiskBadge } from "@/components/alerts/risk-badge";
import { useShortcuts } from "@/components/keyboard/use-shortcuts";
import { claimFromQueueAction } from "../actions";
import { FirstContactCountdown, isOverdue } from "@/components/clock/first-contact-countdown";
import { useNow } from "@/components/clock/use-now";

/**
 * The queue's rows, with a live countdown each. With `keyboard`, j/k (or ↓/↑) move the
 * selection, Enter opens the selected alert and c claims it. One form wraps the table: each
 * 认领 button submits its own alert id.
 */
export function QueueTable({ items, currentUserId, keyboard, label }: { items: QueueItem[]; currentUserId: string; keyboard: boolean; label: string }) {
  const t = useTranslations();
  const router = useRouter();
  const now = useNow();
  const { state, pending, formProps } = useFormAction(claimFromQueueAction);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selectedIndex = items.findIndex((i) => i.id === selectedId);

  const select = (index: number) => {
    const item = items[Math.max(0, Math.min(items.length - 1, index))];
    if (!item) return;
    setSelectedId(item.id);
    document.getElementById(`queue-row-${item.id}`)?.scrollIntoView({ block: "nearest" });
  };
  const next = () => select(selectedIndex === -1 ? 0 : selectedIndex + 1);
  const prev = () => select(selectedIndex === -1 ? 0 : selectedIndex - 1);
  const open = () => {
    if (selectedIndex !== -1) router.push(`/alerts/${items[selectedIndex]!.id}`);
  };
  const claim = () => {
    if (selectedIndex === -1 || pending) return;
    const form = formProps.ref.current;
    const button = form?.querySelector<HTMLButtonElement>(`button[name="alertId"][value="${items[selectedIndex]!.id}"]`);
    if (button) form?.requestSubmit(button);
  };
  useShortcuts({ j: next, ArrowDown: next, k: prev, ArrowUp: prev, Enter: open, c: claim }, keyboard);

  return (
    <form {...formProps} className="space-y-2">
      <FormMessage state={state} />
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="min-w-full text-sm" aria-label={label}>
          <thead className="bg-slate-100 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">{t("queue.col.risk")}</th>
              <th scope="col" className="px-3 py-2">{t("queue.col.timeLeft")}</th>
              <th scope="col" className="px-3 py-2">{t("queue.col.person")}</th>
              <th scope="col" className="px-3 py-2">{t("queue.col.fraudType")}</th>
              <th scope="col" className="px-3 py-2">{t("queue.col.source")}</th>
              <th scope="col" className="px-3 py-2">{t("queue.col.jurisdiction")}</th>
              <th scope="col" className="px-3 py-2">{t("queue.col.holder")}</th>
              <th scope="col" className="px-3 py-2">{t("queue.col.action")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, index) => {
              const overdue = isOverdue(item.firstContactDeadline, item.firstContactAt, now) === true;
              const selected = index === selectedIndex;
              // Secondary text in a row is slate-600, not 500: on an overdue row's red-50 slate-500 has 4.35:1 (AA wants 4.5).
              return (
                <tr
                  key={item.id}
                  id={keyboard ? `queue-row-${item.id}` : undefined}
                  data-testid="queue-row"
                  data-alert-id={item.id}
                  data-overdue={overdue ? "true" : undefined}
                  aria-current={selected ? "true" : undefined}
                  onClick={keyboard ? () => setSelectedId(item.id) : undefined}
                  className={`border-t border-slate-100 ${overdue ? "bg-red-50 shadow-[inset_4px_0_0_0_#b91c1c]" : "hover:bg-slate-50"} ${selected ? "outline outline-2 -outline-offset-2 outline-police-700" : ""}`}
                >
                  <td className="px-3 py-2">
                    <RiskBadge risk={item.riskLevel} />
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">
                    <FirstContactCountdown deadline={item.firstContactDeadline} firstContactAt={item.firstContactAt} now={now} />
                  </td>
                  <td className="px-3 py-2">
                    <Link href={`/alerts/${item.id}`} prefetch={false} className="font-medium text-police-700 hover:underline">
                      {item.personName}
                    </Link>{" "}
                    <span className="tabular-nums text-slate-600">{item.personPhone}</span>
                    <span className="block text-xs text-slate-600">
                      {item.dispatched ? (
                        <span className="mr-2 rounded bg-sky-100 px-1 font-medium text-sky-900" title={t("dispatch.queue.dispatchedTitle")} data-testid="queue-dispatched">
                          {t("dispatch.queue.dispatched")}
                        </span>
                      ) : null}
                      {item.repeatCount > 0 ? <span className="mr-2 rounded bg-purple-100 px-1 text-purple-800">{t("queue.repeat", { count: item.repeatCount })}</span> : null}
                      {item.attemptCount > 0 ? t("queue.attempts", { count: item.attemptCount }) : null}
                    </span>
                  </td>
                  <td className="px-3 py-2">{t(`fraudType.${item.fraudType}`)}</td>
                  <td className="px-3 py-2">{item.sourceName}</td>
                  <td className="px-3 py-2">
                    {item.stationName ? `${item.districtName ?? ""} · ${item.stationName}` : <span className="text-orange-700">{t("queue.unknownJurisdiction")}</span>}
                  </td>
                  <td className="px-3 py-2" data-testid="queue-holder">
                    {item.status === "CLAIMED" ? (
                      <span>
                        {item.assigneeId === currentUserId ? t("queue.holder.me", { name: item.assigneeName ?? "" }) : item.assigneeName}
                        <span className="block text-xs text-slate-600">{t("alertStatus.CLAIMED")}</span>
                      </span>
                    ) : (
                      <span className="text-slate-600">{t("queue.holder.none")}</span>
                    )}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">
                    {item.status === "NEW" ? (
                      <SubmitButton
                        name="alertId"
                        value={item.id}
                        pending={pending}
                        aria-label={t("queue.claimLabel", { person: item.personName })}
                        className={BUTTON_PRIMARY_COMPACT}
                      >
                        {t("queue.claim")}
                      </SubmitButton>
                    ) : (
                      <Link href={`/alerts/${item.id}`} prefetch={false} className="text-police-700 hover:underline">
                        {t("queue.open")}
                      </Link>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {items.length === 0 ? <p className="p-6 text-center text-slate-500">{t("queue.empty")}</p> : null}
      </div>
    </form>
  );
}
