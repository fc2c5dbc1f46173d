import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { getTriageQueueScreen } from "@/lib/server/alerts/get-triage-queue-screen";
import { QueueFilterSchema, type QueueFilter } from "@/lib/schemas/triage";
import { FraudType, RiskLevel } from "@/prisma/generated/client/enums";
import { ShortcutHelp } from "@/components/keyboard/shortcut-help";
import { FormMessage } from "@/components/ui/form-message";
import { QueueTable } from "./_components/queue-table";
import { LiveRefresh } from "@/components/live/live-refresh";
import { PhoneSearch } from "./_components/phone-search";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function single(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** The filter as URL parameters (for "next page"), without the cursor and the defaults. */
function filterParams(filter: QueueFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(filter)) {
    if (k === "cursor" || v === undefined || v === false) continue;
    out[k] = v === true ? "1" : String(v);
  }
  return out;
}

/** 研判队列: the analysts' open alerts, most urgent first, live. Other roles get "not found". */
export default async function QueuePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const t = await getTranslations();
  const raw = await searchParams;
  const parsed = QueueFilterSchema.safeParse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, single(v)])));
  const filter = parsed.success ? parsed.data : QueueFilterSchema.parse({});
  // One call: it refuses every role but analysts, audited once. page null: the cursor was
  // refused (the page says so; the filters still work).
  const { page, options } = await loadOrNotFound(() => getTriageQueueScreen(actor, filter));

  const nextHref = page?.nextCursor ? `/queue?${new URLSearchParams({ ...filterParams(filter), cursor: page.nextCursor })}` : null;
  const firstHref = `/queue?${new URLSearchParams(filterParams(filter))}`;
  const select = "rounded border border-slate-300 bg-white px-2 py-1";

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t("queue.title")}</h1>
        <LiveRefresh topics={["alert", "instruction"]} />
        <div className="ml-auto">
          <ShortcutHelp
            sections={[
              {
                heading: t("shortcuts.queue.heading"),
                items: [
                  { keys: ["j", "ArrowDown"], label: t("shortcuts.queue.next") },
                  { keys: ["k", "ArrowUp"], label: t("shortcuts.queue.prev") },
                  { keys: ["Enter"], label: t("shortcuts.queue.open") },
                  { keys: ["c"], label: t("shortcuts.queue.claim") },
                ],
              },
            ]}
          />
        </div>
      </div>
      <p className="text-sm text-slate-600">{t("queue.subtitle")}</p>

      <form method="get" className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3" aria-label={t("queue.filters")}>
        <select name="risk" defaultValue={filter.risk ?? ""} aria-label={t("queue.col.risk")} className={select}>
          <option value="">{t("queue.allRisks")}</option>
          {Object.values(RiskLevel)
            .toReversed()
            .map((r) => (
              <option key={r} value={r}>
                {t(`risk.${r}`)}
              </option>
            ))}
        </select>
        <select name="fraudType" defaultValue={filter.fraudType ?? ""} aria-label={t("queue.col.fraudType")} className={select}>
          <option value="">{t("queue.allTypes")}</option>
          {Object.values(FraudType).map((f) => (
            <option key={f} value={f}>
              {t(`fraudType.${f}`)}
            </option>
          ))}
        </select>
        <select name="sourceId" defaultValue={filter.sourceId ?? ""} aria-label={t("queue.col.source")} className={select}>
          <option value="">{t("queue.allSources")}</option>
          {options.sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <select name="districtId" defaultValue={filter.districtId ?? ""} aria-label={t("queue.col.jurisdiction")} className={select}>
          <option value="">{t("queue.allDistricts")}</option>
          {options.districts.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <select name="status" defaultValue={filter.status ?? ""} aria-label={t("alerts.col.status")} className={select}>
          <option value="">{t("queue.allStatuses")}</option>
          <option value="NEW">{t("alertStatus.NEW")}</option>
          <option value="CLAIMED">{t("alertStatus.CLAIMED")}</option>
        </select>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" name="mine" value="1" defaultChecked={filter.mine} />
          {t("queue.mine")}
        </label>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" name="unrouted" value="1" defaultChecked={filter.unrouted} />
          {t("queue.unrouted")}
        </label>
        <button type="submit" className="rounded bg-police-700 px-3 py-1 text-white hover:bg-police-800">
          {t("queue.apply")}
        </button>
        <Link href="/queue" className="px-2 py-1 text-sm text-slate-600 hover:underline">
          {t("queue.reset")}
        </Link>
      </form>

      <PhoneSearch currentUserId={actor.userId} />

      <p className="text-xs text-slate-500">{t("queue.shortcutsHint")}</p>
      {page ? (
        <QueueTable items={page.items} currentUserId={actor.userId} keyboard label={t("queue.tableLabel")} />
      ) : (
        <FormMessage message={t("errors.invalidCursor")} />
      )}

      <nav className="flex gap-4 text-sm" aria-label={t("queue.tableLabel")}>
        {filter.cursor ? (
          <Link href={firstHref} className="text-police-700 hover:underline">
            {t("queue.firstPage")}
          </Link>
        ) : null}
        {nextHref ? (
          <Link href={nextHref} className="text-police-700 hover:underline" rel="next">
            {t("queue.nextPage")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
