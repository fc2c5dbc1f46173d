"use client";

import { useTranslations } from "next-intl";
import { resetDeadlineRulesAction, updateDeadlineRulesAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { controlProps } from "@/components/forms/control-props";
import { FormFooter } from "@/components/forms/form-footer";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_SECONDARY_COMPACT, CONTROL_INLINE, withClasses } from "@/components/forms/styles";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";

interface Props {
  kind: string;
  kindLabel: string;
  stamp: string;
  riskKeyed: boolean;
  workingDaysAllowed: boolean;
  canReset: boolean;
  limits: { MINUTES: { min: number; max: number }; WORKING_DAYS: { min: number; max: number } };
  rules: { level: string; label: string; amount: number; unit: "MINUTES" | "WORKING_DAYS"; origin: string; updated: string | null }[];
}

/** The rules of one kind: the four risk levels, or one value for a bank's step (in minutes or working days). */
export function DeadlineRulesForm({ kind, kindLabel, stamp, riskKeyed, workingDaysAllowed, canReset, limits, rules }: Props) {
  const t = useTranslations("adminConfig.deadlines");
  const { state, pending, formProps } = useFormAction(updateDeadlineRulesAction);
  const reset = useFormAction(resetDeadlineRulesAction);
  const err = state.fieldErrors ?? {};
  const unit = rules[0]?.unit ?? "MINUTES";
  return (
    <div className="space-y-2">
      <form {...formProps} noValidate aria-label={t("formLabel", { kind: kindLabel })} className="space-y-3">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="stamp" value={stamp} />
        <table className="min-w-full text-sm">
          <thead className="bg-slate-100 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2">{riskKeyed ? t("col.risk") : t("col.scope")}</th>
              <th className="px-3 py-2">{t("col.amount")}</th>
              <th className="px-3 py-2">{t("col.origin")}</th>
              <th className="px-3 py-2">{t("col.updated")}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => {
              // A table row: the label in its own cell, so the control is wired by hand rather than by `Field`.
              const id = `deadline-${kind}-${r.level}`;
              return (
                <tr key={r.level} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2">
                    <label htmlFor={id} className="font-medium">
                      {r.label}
                    </label>
                  </td>
                  <td className="px-3 py-2">
                    <input
                      {...controlProps(id, err[r.level])}
                      name={r.level}
                      type="number"
                      inputMode="numeric"
                      min={limits[unit].min}
                      max={limits[unit].max}
                      step={1}
                      defaultValue={r.amount}
                      className={withClasses(CONTROL_INLINE, "w-28")}
                    />
                    {workingDaysAllowed ? null : <span className="ml-2 text-slate-600">{t("unit.MINUTES")}</span>}
                    <FieldError id={`${id}-error`} errors={err[r.level]} />
                  </td>
                  <td className="px-3 py-2 text-slate-600">{r.origin}</td>
                  <td className="px-3 py-2 text-slate-600">{r.updated ?? t("neverChanged")}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {workingDaysAllowed ? (
          <div>
            <label htmlFor={`deadline-${kind}-unit`} className="mr-2 text-sm font-medium">
              {t("col.unit")}
            </label>
            <select {...controlProps(`deadline-${kind}-unit`, err.unit)} name="unit" defaultValue={unit} className={CONTROL_INLINE}>
              <option value="MINUTES">{t("unit.MINUTES")}</option>
              <option value="WORKING_DAYS">{t("unit.WORKING_DAYS")}</option>
            </select>
            <FieldError id={`deadline-${kind}-unit-error`} errors={err.unit} />
          </div>
        ) : (
          <input type="hidden" name="unit" value="MINUTES" />
        )}
        <FormFooter state={state} pending={pending}>
          {t("save")}
        </FormFooter>
      </form>
      {/* The answer stays when the button goes (after a reset there is nothing left to reset). */}
      <div className="flex items-center gap-3">
        {canReset ? (
          <form {...reset.formProps}>
            <input type="hidden" name="kind" value={kind} />
            <input type="hidden" name="stamp" value={stamp} />
            <SubmitButton pending={reset.pending} className={BUTTON_SECONDARY_COMPACT}>
              {t("reset")}
            </SubmitButton>
          </form>
        ) : null}
        <FormMessage state={reset.state} />
      </div>
    </div>
  );
}
