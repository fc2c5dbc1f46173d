import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { getNotificationCentre } from "@/lib/server/notifications/get-notification-centre";
import { formatShanghai } from "@/lib/time";
import { OpenNotificationButton } from "./_components/open-notification-button";
import { MarkAllReadButton } from "./_components/mark-all-read-button";

/**
 * 通知: the user's own notifications in words, newest first, unread marked; each opens its
 * instruction (and is then read). A list, not a table: officers read it on their phones. It is
 * live through the header's bell, which refreshes the page when a notification arrives.
 */
export default async function NotificationsPage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const { items, unread } = await loadOrNotFound(() => getNotificationCentre(actor));
  const n = (key: string, values?: Record<string, string | number>) => t(`notifications.${key}`, values);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{n("title")}</h1>
        <span className="text-sm text-slate-600" data-testid="notifications-unread">
          {unread > 0 ? n("bell.unread", { count: unread }) : n("bell.none")}
        </span>
      </div>
      <p className="text-sm text-slate-600">{n("subtitle")}</p>
      {unread > 0 ? <MarkAllReadButton /> : null}
      {items.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-6 text-center text-slate-600">{n("empty")}</p>
      ) : (
        <ul className="space-y-2" aria-label={n("listLabel")}>
          {items.map((item) => {
            // The money workflow's kinds have their words in its own catalog.
            const kind = t.has(`money.notification.${item.kind}`) ? t(`money.notification.${item.kind}`) : t(`instructions.notification.${item.kind}`);
            return (
              <li
                key={item.id}
                data-testid="notification"
                data-read={item.read ? "true" : "false"}
                className={`flex flex-wrap items-center gap-x-4 gap-y-2 rounded border p-3 text-sm ${item.read ? "border-slate-200 bg-white" : "border-police-700/40 bg-sky-50"}`}
              >
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${item.read ? "bg-slate-100 text-slate-700" : "bg-police-700 text-white"}`}>{item.read ? n("read") : n("unread")}</span>
                    <span className="font-semibold">{kind}</span>
                  </p>
                  {item.instruction ? (
                    <p className="mt-1 break-words text-slate-700">
                      {n("about", { kind: t(`instructions.kind.${item.instruction.kind}`), risk: t(`risk.${item.instruction.riskLevel}`), unit: item.instruction.unitName })}
                    </p>
                  ) : null}
                  {item.bankRequest ? (
                    <p className="mt-1 break-words text-slate-700">
                      {n("aboutRequest", { kind: t(`money.kind.${item.bankRequest.kind}`), bank: item.bankRequest.bankName, account: item.bankRequest.accountMasked })}
                    </p>
                  ) : null}
                  <p className="mt-0.5 tabular-nums text-slate-600">{formatShanghai(item.createdAt, true)}</p>
                </div>
                {item.instructionId ? <OpenNotificationButton notificationId={item.id} label={n("openLabel", { kind })} /> : null}
                {!item.instructionId && item.bankRequestId ? <OpenNotificationButton notificationId={item.id} label={n("openRequestLabel", { kind })} text={n("openRequest")} /> : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
