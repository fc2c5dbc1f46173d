import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { listInstructions } from "@/lib/server/instructions/list-instructions";
import { LiveRefresh } from "@/components/live/live-refresh";
import { InboxCards } from "./_components/inbox-cards";

/**
 * 站内指令: the station's open instructions, on a phone first — waiting for sign-off (the shortest
 * clock) above the work in hand, each by its deadline, with a live countdown; new instructions
 * arrive without a reload. Officers of a station only; any other role gets "not found".
 */
export default async function InboxPage() {
  const actor = await requireActor();
  const t = await getTranslations("inbox");
  const { items } = await loadOrNotFound(() => listInstructions(actor, "inbox"));
  const waiting = items.filter((i) => i.status === "AT_STATION");
  const working = items.filter((i) => i.status !== "AT_STATION");
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <LiveRefresh topics={["instruction"]} />
        <p className="w-full text-sm text-slate-600" data-testid="inbox-scope">
          {t("scope", { unit: actor.unitName })}
        </p>
      </div>
      {items.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-6 text-center text-slate-600" data-testid="inbox-empty">
          {t("empty")}
        </p>
      ) : null}
      {waiting.length > 0 ? (
        <section aria-labelledby="inbox-waiting" className="space-y-2">
          <h2 id="inbox-waiting" className="font-semibold">
            {t("waiting", { count: waiting.length })}
          </h2>
          <InboxCards items={waiting} />
        </section>
      ) : null}
      {working.length > 0 ? (
        <section aria-labelledby="inbox-working" className="space-y-2">
          <h2 id="inbox-working" className="font-semibold">
            {t("working", { count: working.length })}
          </h2>
          <InboxCards items={working} />
        </section>
      ) : null}
    </div>
  );
}
