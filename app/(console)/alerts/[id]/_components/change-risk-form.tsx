"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormCard } from "@/components/forms/form-card";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_SECONDARY_COMPACT } from "@/components/forms/styles";
import type { RiskLevel } from "@/prisma/generated/client/enums";
import { changeRiskAction } from "../actions";

const LEVELS: RiskLevel[] = ["URGENT", "HIGH", "MEDIUM", "LOW"];

/** 调整风险等级, with the reason (kept on the timeline and in the audit trail). */
export function ChangeRiskForm({ alertId, version, current, show }: { alertId: string; version: number; current: RiskLevel; show: boolean }) {
  const t = useTranslations();
  const { state, pending, formProps } = useFormAction(changeRiskAction.bind(null, alertId), { resetOnSuccess: true });
  const err = state.fieldErrors ?? {};
  return (
    <FormCard id="risk" title={t("triage.risk.title")} show={show} state={state}>
      <form {...formProps} className="grid gap-2 sm:grid-cols-[10rem_1fr]">
        <input type="hidden" name="version" value={version} />
        {/* Keyed by the alert's level: a select reads its defaultValue only when it mounts. */}
        <SelectField
          compact
          key={current}
          id="risk-level"
          name="riskLevel"
          defaultValue={current}
          label={t("triage.risk.level")}
          errors={err.riskLevel}
          options={LEVELS.map((r) => ({ value: r, label: t(`risk.${r}`) }))}
        />
        <TextField
          compact
          id="risk-reason"
          name="reason"
          maxLength={200}
          autoComplete="off"
          placeholder={t("triage.risk.reasonPlaceholder")}
          label={t("triage.risk.reason")}
          errors={err.reason}
        />
        <div className="sm:col-span-2">
          <SubmitButton pending={pending} pendingLabel={t("triage.risk.pending")} className={BUTTON_SECONDARY_COMPACT}>
            {t("triage.risk.submit")}
          </SubmitButton>
        </div>
      </form>
    </FormCard>
  );
}
