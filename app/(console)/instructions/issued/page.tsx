import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { listInstructions } from "@/lib/server/instructions/list-instructions";
import { InstructionTable } from "@/components/instructions/instruction-table";
import { LiveRefresh } from "@/components/live/live-refresh";

/**
 * 我下发的指令: what this analyst sent that is still open. Declines waiting to be re-routed and
 * feedback waiting for review come first (首接负责制: the issuer stays responsible until a new
 * station signs), then the work in progress, overdue first. Live.
 */
export default async function IssuedInstructionsPage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const { items } = await loadOrNotFound(() => listInstructions(actor, "issued"));
  const c = (key: string) => t(`instructionLists.issued.${key}`);
  const toAct = items.filter((i) => i.status === "DECLINED" || i.status === "REPORTED");
  const running = items.filter((i) => i.status !== "DECLINED" && i.status !== "REPORTED");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{c("title")}</h1>
        <LiveRefresh topics={["instruction"]} />
      </div>
      <p className="text-sm text-slate-600">{c("subtitle")}</p>
      {[
        { key: "toAct", heading: c("toAct"), empty: c("toActEmpty"), rows: toAct },
        { key: "running", heading: c("running"), empty: c("runningEmpty"), rows: running },
      ].map((s) => (
        <section key={s.key} aria-labelledby={`issued-${s.key}`} className="space-y-2" data-testid={`issued-${s.key}`}>
          <h2 id={`issued-${s.key}`} className="text-lg font-semibold">
            {s.heading} <span className="text-base font-normal text-slate-600">({s.rows.length})</span>
          </h2>
          {s.rows.length === 0 ? <p className="rounded border border-slate-200 bg-white p-4 text-slate-600">{s.empty}</p> : <InstructionTable items={s.rows} label={s.heading} />}
        </section>
      ))}
    </div>
  );
}
