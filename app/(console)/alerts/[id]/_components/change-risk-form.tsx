"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { INITIAL_ACTION_STATE } from "@/lib/actions/initial-state";
import { FormMessage } from "@/components/ui/form-message";
import { FieldError } from "@/components/ui/field-error";
import type { RiskLevel } from "@/lib/generated/prisma/enums";
import { changeRiskAction } from "../actions";
import { CARD, CONTROL, LABEL, SECONDARY, TITLE } from "./form-styles";

const LEVELS: RiskLevel[] = ["URGENT", "HIGH", "MEDIUM", "LOW"];

/** 调整风险等级, with the reason (kept on the timeline and in the audit trail). */
export function ChangeRiskForm({ alertId, version, current, show }: { alertId: string; version: number; current: RiskLevel; show: boolean }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(changeRiskAction.bind(null, alertId), INITIAL_ACTION_STATE);
  if (!show) return <FormMessage ok={state.ok} message={state.message} />;
  const kept = state.ok ? {} : (state.data ?? {});
  const err = state.fieldErrors ?? {};
  return (
    <section aria-labelledby="risk-title" className={CARD}>
      <h3 id="risk-title" className={TITLE}>
        {t("triage.risk.title")}
      </h3>
      <form action={action} className="grid gap-2 sm:grid-cols-[10rem_1fr]">
        <input type="hidden" name="version" value={version} />
        <div>
          <label htmlFor="risk-level" className={LABEL}>
            {t("triage.risk.level")}
          </label>
          <select key={`${current}-${kept.riskLevel ?? ""}`} id="risk-level" name="riskLevel" defaultValue={kept.riskLevel ?? current} aria-invalid={Boolean(err.riskLevel)} aria-describedby="risk-level-error" className={CONTROL}>
            {LEVELS.map((r) => (
              <option key={r} value={r}>
                {t(`risk.${r}`)}
              </option>
            ))}
          </select>
          <FieldError id="risk-level-error" errors={err.riskLevel} />
        </div>
        <div>
          <label htmlFor="risk-reason" className={LABEL}>
            {t("triage.risk.reason")}
          </label>
          <input
            id="risk-reason"
            name="reason"
            maxLength={200}
            autoComplete="off"
            defaultValue={kept.reason ?? ""}
            placeholder={t("triage.risk.reasonPlaceholder")}
            aria-invalid={Boolean(err.reason)}
            aria-describedby="risk-reason-error"
            className={CONTROL}
          />
          <FieldError id="risk-reason-error" errors={err.reason} />
        </div>
        <div className="sm:col-span-2">
          <button type="submit" disabled={pending} className={SECONDARY}>
            {pending ? t("triage.risk.pending") : t("triage.risk.submit")}
          </button>
        </div>
        <div className="sm:col-span-2">
          <FormMessage ok={state.ok} message={state.message} />
        </div>
      </form>
    </section>
  );
}
