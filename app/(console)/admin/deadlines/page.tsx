import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { listDeadlineRules } from "@/lib/server/config/deadline-rules";
import { DEADLINE_LIMITS, isRiskKeyed, WORKING_DAY_KINDS } from "@/lib/deadlines/defaults";
import type { DeadlineKind } from "@/prisma/generated/client/enums";
import { lastChange } from "../_lib/last-change";
import { DeadlineRulesForm } from "./_components/deadline-rules-form";

/** 处置时限: how long each step may take, per kind (and risk level where it matters). */
export default async function DeadlineRulesPage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const { owner, kinds } = await loadOrNotFound(() => listDeadlineRules(actor));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("adminConfig.deadlines.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t(owner === "installation" ? "adminConfig.deadlines.introInstallation" : "adminConfig.deadlines.introCity")}</p>
      </div>
      {kinds.map((k) => (
        <section key={k.kind} className="rounded border border-slate-200 bg-white p-4" aria-labelledby={`deadline-${k.kind}`} data-testid={`deadline-${k.kind}`}>
          <h2 id={`deadline-${k.kind}`} className="font-semibold">
            {t(`deadlineKind.${k.kind}`)}
          </h2>
          <p className="mb-3 text-xs text-slate-600">{t(`adminConfig.deadlines.about.${k.kind}`)}</p>
          <DeadlineRulesForm
            kind={k.kind}
            kindLabel={t(`deadlineKind.${k.kind}`)}
            stamp={k.stamp}
            riskKeyed={isRiskKeyed(k.kind)}
            workingDaysAllowed={(WORKING_DAY_KINDS as readonly DeadlineKind[]).includes(k.kind)}
            canReset={k.overridden}
            limits={DEADLINE_LIMITS}
            rules={k.rules.map((r) => ({
              level: r.riskLevel ?? "ANY",
              label: r.riskLevel ? t(`risk.${r.riskLevel}`) : t("adminConfig.deadlines.anyLevel"),
              amount: r.amount,
              unit: r.unit,
              origin: t(`adminConfig.deadlines.origin.${r.origin}`),
              updated: lastChange(t, r.updatedAt, r.updatedByName),
            }))}
          />
        </section>
      ))}
    </div>
  );
}
