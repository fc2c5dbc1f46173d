"use client";

import { startTransition, useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateSlaRulesAction } from "../actions";
import { INITIAL_ACTION_STATE } from "@/lib/actions/initial-state";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";

interface Props {
  rules: { riskLevel: string; label: string; minutes: number; updated: string | null }[];
  min: number;
  max: number;
}

export function SlaRulesForm({ rules, min, max }: Props) {
  const t = useTranslations("adminConfig.sla");
  const [state, action, pending] = useActionState(updateSlaRulesAction, INITIAL_ACTION_STATE);
  // Submitted by hand (not `action={…}`) so that a refused form keeps what was typed.
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => action(data));
  };
  const err = state.fieldErrors ?? {};
  return (
    <form onSubmit={submit} noValidate aria-label={t("formLabel")} className="space-y-4">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-100 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2">{t("col.risk")}</th>
            <th className="px-3 py-2">{t("col.minutes")}</th>
            <th className="px-3 py-2">{t("col.updated")}</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.riskLevel} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2">
                <label htmlFor={`sla-${r.riskLevel}`} className="font-medium">
                  {t("minutesFor", { level: r.label })}
                </label>
              </td>
              <td className="px-3 py-2">
                <input
                  id={`sla-${r.riskLevel}`}
                  name={r.riskLevel}
                  type="number"
                  inputMode="numeric"
                  min={min}
                  max={max}
                  step={1}
                  defaultValue={r.minutes}
                  aria-describedby={`sla-${r.riskLevel}-error`}
                  className="w-32 rounded border border-slate-300 px-2 py-1"
                />
                <span className="ml-2 text-slate-600">{t("minutesUnit")}</span>
                <FieldError id={`sla-${r.riskLevel}-error`} errors={err[r.riskLevel]} />
              </td>
              <td className="px-3 py-2 text-slate-600">{r.updated ?? t("neverChanged")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex items-center gap-4">
        <button type="submit" disabled={pending} className="rounded bg-police-700 px-4 py-1.5 text-white hover:bg-police-800 disabled:opacity-60">
          {t("save")}
        </button>
        <FormMessage ok={state.ok} message={state.message} />
      </div>
    </form>
  );
}
