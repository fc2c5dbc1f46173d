"use client";

import { useTranslations } from "next-intl";
import { addCalendarDayAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextField } from "@/components/forms/text-field";
import { SelectField } from "@/components/forms/select-field";
import { FormFooter } from "@/components/forms/form-footer";

/** One day: a holiday (休), or a weekend worked under 调休 (班). */
export function AddCalendarDayForm() {
  const t = useTranslations("moneyAdmin.calendar");
  const { state, pending, formProps } = useFormAction(addCalendarDayAction, { resetOnSuccess: true });
  const err = state.fieldErrors ?? {};
  return (
    <form {...formProps} className="grid gap-3 md:grid-cols-3" noValidate aria-label={t("addTitle")}>
      <TextField id="cal-day" name="day" type="date" label={t("day")} errors={err.day} />
      <SelectField
        id="cal-working"
        name="working"
        defaultValue="false"
        label={t("kind")}
        hint={t("kindHint")}
        errors={err.working}
        options={[
          { value: "false", label: t("off") },
          { value: "true", label: t("working") },
        ]}
      />
      <TextField id="cal-note" name="note" maxLength={60} autoComplete="off" label={t("note")} hint={t("noteHint")} errors={err.note} />
      <FormFooter state={state} pending={pending} className="md:col-span-3">
        {t("add")}
      </FormFooter>
    </form>
  );
}
