import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { auditActionVisible, can } from "@/lib/auth/permissions";
import { loadListPage } from "@/lib/load-list-page";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { AUDIT_ACTIONS, auditArea } from "@/lib/audit/audit-actions";
import { describeAuditEvent, type SentencePart } from "@/lib/audit/describe-audit-event";
import { AuditFilterSchema } from "@/lib/schemas/audit";
import { formatShanghai } from "@/lib/time";
import { FormMessage } from "@/components/ui/form-message";
import { AuditOutcome } from "@/prisma/generated/client/enums";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const OUTCOME_STYLE: Record<AuditOutcome, string> = {
  SUCCESS: "text-emerald-800",
  DENIED: "font-semibold text-red-700",
  FAILURE: "font-semibold text-amber-800",
};

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const t = await getTranslations();
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = AuditFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : AuditFilterSchema.parse({});
  // null: the cursor was refused (the page says so; the filters still work).
  const page = await loadListPage(() => listAuditEvents(actor, filter));
  const rows = page?.rows ?? [];
  const nextCursor = page?.nextCursor ?? null;
  const keep = Object.fromEntries(Object.entries(filter).filter(([k, v]) => k !== "cursor" && v !== undefined).map(([k, v]) => [k, String(v)]));
  // The filter offers the actions this reader's part of the trail can hold, grouped by area.
  const areas = new Map<string, string[]>();
  for (const a of AUDIT_ACTIONS.filter((a) => auditActionVisible(actor, a))) areas.set(auditArea(a), [...(areas.get(auditArea(a)) ?? []), a]);
  // Alert references link to the alert for those who may open it; for the others the link would only be refused.
  const linkAlerts = can(actor, "alert.read");
  const input = "rounded border border-slate-300 px-2 py-1";
  const sentence = (parts: SentencePart[]) =>
    parts.map((part, i) =>
      typeof part === "string" ? (
        part
      ) : linkAlerts ? (
        <Link key={i} href={`/alerts/${part.alertId}`} prefetch={false} className="font-mono text-police-700 hover:underline">
          {part.label}
        </Link>
      ) : (
        <span key={i} className="font-mono">
          {part.label}
        </span>
      ),
    );
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
          <select name="action" defaultValue={filter.action ?? ""} className={`ml-2 ${input}`}>
            <option value="">{t("audit.allActions")}</option>
            {[...areas].map(([area, actions]) => (
              <optgroup key={area} label={t(`audit.areas.${area}`)}>
                {actions.map((a) => (
                  <option key={a} value={a}>
                    {t(`auditAction.${a}.label`)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
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
        <table className="min-w-full text-sm">
          <thead className="bg-slate-100 text-left text-xs text-slate-600">
            <tr>
              <th className="px-2 py-2">{t("audit.col.at")}</th>
              <th className="px-2 py-2">{t("audit.col.event")}</th>
              <th className="px-2 py-2">{t("audit.col.outcome")}</th>
              <th className="px-2 py-2">{t("audit.col.unit")}</th>
              <th className="px-2 py-2">{t("audit.col.origin")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-100 align-top" data-testid="audit-row">
                <td className="whitespace-nowrap px-2 py-1 tabular-nums">{formatShanghai(r.at, true)}</td>
                <td className="px-2 py-1" data-testid="audit-sentence">{sentence(describeAuditEvent(r, t, locale))}</td>
                <td className={`whitespace-nowrap px-2 py-1 ${OUTCOME_STYLE[r.outcome]}`}>{t(`audit.outcomes.${r.outcome}`)}</td>
                <td className="px-2 py-1">
                  {r.unitName ?? (r.cityName ? "" : t("audit.installation"))}
                  {r.cityName && r.cityName !== r.unitName ? <span className="text-slate-600"> · {r.cityName}</span> : null}
                  {r.actorRole ? <div className="text-xs text-slate-600">{t(`roles.${r.actorRole}`)}</div> : null}
                </td>
                <td className="whitespace-nowrap px-2 py-1 font-mono text-xs text-slate-600">
                  {r.ip ?? ""}
                  {r.requestId ? <div title={r.requestId}>{r.requestId.slice(0, 8)}</div> : null}
                </td>
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
