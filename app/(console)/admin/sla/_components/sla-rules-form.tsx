"use client";

import { useTranslations } from "next-intl";
import { updateSlaRulesAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { controlProps } from "@/components/forms/control-props";
import { FormFooter } from "@/components/forms/form-footer";
import { CONTROL_INLINE, withClasses } from "@/components/forms/styles";
import { FieldError } from "@/components/ui/field-error";

interface Props {
  rules: { riskLevel: string; label: string; minutes: number; updated: string | null }[];
  min: number;
  max: number;
}

export function SlaRulesForm({ rules, min, max }: Props) {
  const t = useTranslations("adminConfig.sla");
  const { state, pending, formProps } = useFormAction(updateSlaRulesAction);
  const err = state.fieldErrors ?? {};
  return (
    <form {...formProps} noValidate aria-label={t("formLabel")} className="space-y-4">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-100 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2">{t("col.risk")}</th>
            <th className="px-3 py-2">{t("col.minutes")}</th>
            <th className="px-3 py-2">{t("col.updated")}</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => {
            // A table row: the label in its own cell, so the control is wired by hand rather than by `Field`.
            const id = `sla-${r.riskLevel}`;
            return (
              <tr key={r.riskLevel} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2">
                  <label htmlFor={id} className="font-medium">
                    {t("minutesFor", { level: r.label })}
                  </label>
                </td>
                <td className="px-3 py-2">
                  <input
                    {...controlProps(id, err[r.riskLevel])}
                    name={r.riskLevel}
                    type="number"
                    inputMode="numeric"
                    min={min}
                    max={max}
                    step={1}
                    defaultValue={r.minutes}
                    className={withClasses(CONTROL_INLINE, "w-32")}
                  />
                  <span className="ml-2 text-slate-600">{t("minutesUnit")}</span>
                  <FieldError id={`${id}-error`} errors={err[r.riskLevel]} />
                </td>
                <td className="px-3 py-2 text-slate-600">{r.updated ?? t("neverChanged")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FormFooter state={state} pending={pending}>
        {t("save")}
      </FormFooter>
    </form>
  );
}
