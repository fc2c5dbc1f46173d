import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadListPage } from "@/lib/load-list-page";
import { listInstructions } from "@/lib/server/instructions/list-instructions";
import { InstructionListSchema } from "@/lib/schemas/instructions";
import { InstructionStatus } from "@/prisma/generated/client/enums";
import { InstructionTable } from "@/components/instructions/instruction-table";
import { LiveRefresh } from "@/components/live/live-refresh";
import { FormMessage } from "@/components/ui/form-message";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function single(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/**
 * 指令总览: the instructions of the actor's jurisdiction (the city; a coordinator's district), open
 * ones by default or one status, newest first, keyset-paged, live. Supervisors land here.
 */
export default async function InstructionsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const t = await getTranslations();
  const raw = await searchParams;
  const parsed = InstructionListSchema.safeParse({ status: single(raw.status), cursor: single(raw.cursor) });
  const filter = parsed.success ? parsed.data : InstructionListSchema.parse({});
  // null: the cursor was refused (the page says so; the filter still works).
  const page = await loadListPage(() => listInstructions(actor, "city", filter));
  const c = (key: string, values?: Record<string, string>) => t(`instructionLists.city.${key}`, values);
  const scope =
    actor.role === "DISTRICT_COORDINATOR"
      ? c("scopeDistrict", { unit: actor.unitName })
      : actor.role === "STATION_OFFICER"
        ? c("scopeStation", { unit: actor.unitName })
        : c("scopeCity");
  const statusParams: Record<string, string> = filter.status ? { status: filter.status } : {};
  const nextHref = page?.nextCursor ? `/instructions?${new URLSearchParams({ ...statusParams, cursor: page.nextCursor })}` : null;
  const firstHref = `/instructions?${new URLSearchParams(statusParams)}`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{c("title")}</h1>
        <LiveRefresh topics={["instruction"]} />
        <p className="ml-auto text-sm text-slate-600" data-testid="instruction-scope">
          {scope}
        </p>
      </div>

      <form method="get" className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3" aria-label={c("status")}>
        <label className="text-sm">
          <span className="mr-2 text-slate-700">{c("status")}</span>
          <select name="status" defaultValue={filter.status ?? ""} className="min-h-9 rounded border border-slate-300 bg-white px-2 py-1">
            <option value="">{c("allOpen")}</option>
            {Object.values(InstructionStatus).map((s) => (
              <option key={s} value={s}>
                {t(`instructions.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="min-h-9 rounded bg-police-700 px-3 py-1 text-white hover:bg-police-800">
          {c("apply")}
        </button>
        <Link href="/instructions" className="px-2 py-1 text-sm text-slate-600 hover:underline">
          {c("reset")}
        </Link>
      </form>

      {page ? (
        page.items.length === 0 ? (
          <p className="rounded border border-slate-200 bg-white p-6 text-center text-slate-600">{c("empty")}</p>
        ) : (
          <InstructionTable items={page.items} label={c("tableLabel")} />
        )
      ) : (
        <FormMessage message={t("errors.invalidCursor")} />
      )}

      <nav className="flex gap-4 text-sm" aria-label={c("tableLabel")}>
        {filter.cursor ? (
          <Link href={firstHref} className="text-police-700 hover:underline">
            {c("firstPage")}
          </Link>
        ) : null}
        {nextHref ? (
          <Link href={nextHref} className="text-police-700 hover:underline" rel="next">
            {c("nextPage")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
