import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { listSlaRules } from "@/lib/server/config/sla-rules";
import { SLA_MINUTES_MAX, SLA_MINUTES_MIN } from "@/lib/schemas/config";
import { lastChange } from "../_lib/last-change";
import { SlaRulesForm } from "./_components/sla-rules-form";

export default async function SlaRulesPage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const rules = await loadOrNotFound(() => listSlaRules(actor));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("adminConfig.sla.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("adminConfig.sla.intro")}</p>
      </div>
      <section className="rounded border border-slate-200 bg-white p-4">
        <SlaRulesForm
          min={SLA_MINUTES_MIN}
          max={SLA_MINUTES_MAX}
          rules={rules.map((r) => ({
            riskLevel: r.riskLevel,
            label: t(`risk.${r.riskLevel}`),
            minutes: r.firstContactMinutes,
            updated: lastChange(t, r.updatedAt, r.updatedByName),
          }))}
        />
        <p className="mt-4 text-xs text-slate-500">{t("adminConfig.sla.note", { min: SLA_MINUTES_MIN, max: SLA_MINUTES_MAX })}</p>
      </section>
    </div>
  );
}
