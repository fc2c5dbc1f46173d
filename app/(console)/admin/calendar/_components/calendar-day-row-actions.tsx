"use client";

import { useTranslations } from "next-intl";
import { changeCalendarDayAction, removeCalendarDayAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { controlProps } from "@/components/forms/control-props";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_ROW, BUTTON_ROW_DANGER, CONTROL_INLINE } from "@/components/forms/styles";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";

interface Props {
  day: string;
  working: boolean;
  note: string;
  /** The day as loaded; a save or removal against another one is refused as a conflict. */
  stamp: string;
}

/** Change one day's kind or note, or remove it (it becomes an ordinary day again). */
export function CalendarDayRowActions({ day, working, note, stamp }: Props) {
  const t = useTranslations("moneyAdmin.calendar");
  const change = useFormAction(changeCalendarDayAction);
  const remove = useFormAction(removeCalendarDayAction);
  const err = change.state.fieldErrors ?? {};
  const id = `cd-${day}`;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        {/* Keyed by the stamp: once the day changes (here or elsewhere), the fields show what is saved. */}
        <form key={stamp} {...change.formProps} noValidate className="flex flex-wrap items-center gap-2" aria-label={t("changeOf", { day })}>
          <input type="hidden" name="day" value={day} />
          <input type="hidden" name="stamp" value={stamp} />
          <select name="working" defaultValue={String(working)} aria-label={t("kindOf", { day })} {...controlProps(`${id}-working`, err.working)} className={CONTROL_INLINE}>
            <option value="false">{t("off")}</option>
            <option value="true">{t("working")}</option>
          </select>
          <input
            name="note"
            defaultValue={note}
            maxLength={60}
            autoComplete="off"
            aria-label={t("noteOf", { day })}
            {...controlProps(`${id}-note`, err.note)}
            className={`${CONTROL_INLINE} w-40`}
          />
          <SubmitButton pending={change.pending} className={BUTTON_ROW}>
            {t("save")}
          </SubmitButton>
        </form>
        <form {...remove.formProps} aria-label={t("removeOf", { day })}>
          <input type="hidden" name="day" value={day} />
          <input type="hidden" name="stamp" value={stamp} />
          <SubmitButton
            pending={remove.pending}
            onClick={(e) => {
              if (!window.confirm(t("confirmRemove", { day }))) e.preventDefault();
            }}
            className={BUTTON_ROW_DANGER}
          >
            {t("remove")}
          </SubmitButton>
        </form>
      </div>
      <FieldError id={`${id}-working-error`} errors={err.working} />
      <FieldError id={`${id}-note-error`} errors={err.note} />
      <FormMessage state={change.state} />
      <FormMessage state={remove.state} />
    </div>
  );
}
