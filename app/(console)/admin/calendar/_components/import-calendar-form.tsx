"use client";

import { useTranslations } from "next-intl";
import { importCalendarYearAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextareaField } from "@/components/forms/textarea-field";
import { FormFooter } from "@/components/forms/form-footer";

/**
 * A year's days pasted at once, one a line. Every line is checked and each bad one named; the
 * lines stay in the text area whatever the answer, to be corrected in place.
 */
export function ImportCalendarForm({ year, stamp }: { year: number; stamp: string }) {
  const t = useTranslations("moneyAdmin.calendar");
  const { state, pending, formProps } = useFormAction(importCalendarYearAction);
  const err = state.fieldErrors ?? {};
  return (
    <form {...formProps} noValidate className="space-y-3" aria-label={t("importTitle", { year: String(year) })}>
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="stamp" value={stamp} />
      <TextareaField
        id="cal-import"
        name="text"
        rows={10}
        label={t("importLines")}
        hint={t("importHint")}
        placeholder={t("importExample", { year: String(year) })}
        errors={err.text}
        controlClassName="font-mono text-sm"
        spellCheck={false}
      />
      <FormFooter state={state} pending={pending}>
        {t("import")}
      </FormFooter>
    </form>
  );
}
