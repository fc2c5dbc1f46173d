import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { getDistrictScreen } from "@/lib/server/instructions/get-district-screen";
import { InstructionTable } from "@/components/instructions/instruction-table";
import { LiveRefresh } from "@/components/live/live-refresh";
import { DistrictRowAction } from "./_components/district-row-action";

/**
 * 分局指令 (coordinators land here): what waits at the district to be forwarded, the declines
 * waiting to be re-routed, and the stations' open work with the escalated and overdue first.
 * A coordinator forwards, re-routes and chases inline; everything is live.
 */
export default async function DistrictPage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const { items, stations } = await loadOrNotFound(() => getDistrictScreen(actor));
  const c = (key: string) => t(`instructionLists.district.${key}`);
  const sections = [
    { key: "waiting", rows: items.filter((i) => i.status === "AT_DISTRICT") },
    { key: "declined", rows: items.filter((i) => i.status === "DECLINED") },
    { key: "stations", rows: items.filter((i) => i.status !== "AT_DISTRICT" && i.status !== "DECLINED") },
  ];
  const inline = stations.length > 0;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{c("title")}</h1>
        <LiveRefresh topics={["instruction"]} />
        <p className="ml-auto text-sm text-slate-600">{actor.unitName}</p>
      </div>
      <p className="text-sm text-slate-600">{c("subtitle")}</p>
      {sections.map((s) => (
        <section key={s.key} aria-labelledby={`district-${s.key}`} className="space-y-2" data-testid={`district-${s.key}`}>
          <h2 id={`district-${s.key}`} className="text-lg font-semibold">
            {c(s.key)} <span className="text-base font-normal text-slate-600">({s.rows.length})</span>
          </h2>
          {s.rows.length === 0 ? (
            <p className="rounded border border-slate-200 bg-white p-4 text-slate-600">{c(`${s.key}Empty`)}</p>
          ) : (
            <InstructionTable items={s.rows} label={c(s.key)} action={inline ? (item) => <DistrictRowAction item={item} stations={stations} /> : undefined} />
          )}
        </section>
      ))}
    </div>
  );
}
