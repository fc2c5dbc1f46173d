import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadListPage } from "@/lib/load-list-page";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { AuditFilterSchema } from "@/lib/schemas/audit";
import { formatShanghai } from "@/lib/time";
import { FormMessage } from "@/components/ui/form-message";
import { AuditOutcome } from "@/prisma/generated/client/enums";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const t = await getTranslations();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = AuditFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : AuditFilterSchema.parse({});
  // null: the cursor was refused (the page says so; the filters still work).
  const page = await loadListPage(() => listAuditEvents(actor, filter));
  const rows = page?.rows ?? [];
  const nextCursor = page?.nextCursor ?? null;
  const keep = Object.fromEntries(Object.entries(filter).filter(([k, v]) => k !== "cursor" && v !== undefined).map(([k, v]) => [k, String(v)]));
  const input = "rounded border border-slate-300 px-2 py-1";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("audit.title")}</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3">
        <label className="text-sm">
          {t("audit.actor")}
          <input name="actor" defaultValue={filter.actor} className={`ml-2 ${input}`} />
        </label>
        <label className="text-sm">
          {t("audit.action")}
          <input name="action" defaultValue={filter.action} placeholder="auth.sign_in" className={`ml-2 ${input}`} />
        </label>
        <label className="text-sm">
          {t("audit.outcome")}
          <select name="outcome" defaultValue={filter.outcome ?? ""} className={`ml-2 ${input}`}>
            <option value="">—</option>
            {Object.values(AuditOutcome).map((o) => (
              <option key={o} value={o}>{t(`audit.outcomes.${o}`)}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t("audit.from")}
          <input type="date" name="from" defaultValue={filter.from} className={`ml-2 ${input}`} />
        </label>
        <label className="text-sm">
          {t("audit.to")}
          <input type="date" name="to" defaultValue={filter.to} className={`ml-2 ${input}`} />
        </label>
        <button type="submit" className="rounded bg-police-700 px-3 py-1 text-white">{t("audit.apply")}</button>
      </form>
      {page ? null : <FormMessage message={t("errors.invalidCursor")} />}
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="min-w-full text-xs">
          <thead className="bg-slate-100 text-left text-slate-600">
            <tr>
              <th className="px-2 py-2">{t("audit.col.at")}</th>
              <th className="px-2 py-2">{t("audit.col.actor")}</th>
              <th className="px-2 py-2">{t("audit.col.role")}</th>
              <th className="px-2 py-2">{t("audit.col.action")}</th>
              <th className="px-2 py-2">{t("audit.col.entity")}</th>
              <th className="px-2 py-2">{t("audit.col.outcome")}</th>
              <th className="px-2 py-2">{t("audit.col.ip")}</th>
              <th className="px-2 py-2">{t("audit.col.requestId")}</th>
              <th className="px-2 py-2">{t("audit.col.details")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-100" data-testid="audit-row">
                <td className="whitespace-nowrap px-2 py-1 tabular-nums">{formatShanghai(r.at, true)}</td>
                <td className="px-2 py-1">{r.actorName ?? "—"}</td>
                <td className="px-2 py-1">{r.actorRole ? t(`roles.${r.actorRole}`) : ""}</td>
                <td className="px-2 py-1 font-mono">{r.action}</td>
                <td className="px-2 py-1 font-mono">{r.entityType ? `${r.entityType}:${r.entityId?.slice(0, 8) ?? ""}` : ""}</td>
                <td className={`px-2 py-1 ${r.outcome === "SUCCESS" ? "" : "font-semibold text-red-700"}`}>{t(`audit.outcomes.${r.outcome}`)}</td>
                <td className="px-2 py-1 font-mono">{r.ip ?? ""}</td>
                <td className="px-2 py-1 font-mono">{r.requestId?.slice(0, 8) ?? ""}</td>
                <td className="max-w-xs truncate px-2 py-1 font-mono" title={r.details ?? ""}>{r.details ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {page && rows.length === 0 ? <p className="p-6 text-center text-slate-500">{t("audit.empty")}</p> : null}
      </div>
      <div className="flex gap-4 text-sm">
        {filter.cursor ? <Link href={`/audit?${new URLSearchParams(keep)}`} className="text-police-700 hover:underline">{t("audit.first")}</Link> : null}
        {nextCursor ? <Link href={`/audit?${new URLSearchParams({ ...keep, cursor: nextCursor })}`} className="text-police-700 hover:underline">{t("audit.next")}</Link> : null}
      </div>
    </div>
  );
}
