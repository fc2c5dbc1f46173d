"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { revealFieldAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY_COMPACT, CONTROL_INLINE, withClasses } from "@/components/forms/styles";
import { FieldError } from "@/components/ui/field-error";

/**
 * Shows a masked value with a "show full value" control. The full value is fetched only after
 * the user states a reason, and is kept in component state (never in the URL). A revealed phone
 * is a `tel:` link.
 */
export function RevealField({ alertId, field, masked, label }: { alertId: string; field: "phone" | "idNumber" | "address"; masked: string; label: string }) {
  const t = useTranslations("alerts.reveal");
  const [open, setOpen] = useState(false);
  const { state, pending, formProps } = useFormAction(revealFieldAction.bind(null, alertId));
  const revealed = state.ok ? state.data?.value : undefined;
  const reasonId = `reveal-${field}-reason`;
  const errorId = `reveal-${field}-error`;
  // The reason's own error, or else why the reveal was refused.
  const errors = state.fieldErrors?.reason ?? (state.message && !state.ok ? [state.message] : undefined);
  return (
    <div>
      <span className="tabular-nums" data-testid={`person-${field}`}>
        {revealed && field === "phone" ? (
          // Revealed to be dialled: on a phone, one tap calls the person.
          <a href={`tel:${revealed}`} className="font-medium text-police-700 underline">
            {revealed}
          </a>
        ) : (
          (revealed ?? masked)
        )}
      </span>
      {!revealed && !open ? (
        <button type="button" onClick={() => setOpen(true)} className="ml-3 inline-flex min-h-11 items-center text-sm text-police-700 hover:underline sm:min-h-0" aria-label={`${t("button")}: ${label}`}>
          {t("button")}
        </button>
      ) : null}
      {!revealed && open ? (
        // One line (reason, confirm, cancel) with the error under it all: laid out here, not by `Field`.
        <form {...formProps} className="mt-2 flex flex-wrap items-start gap-2">
          <input type="hidden" name="field" value={field} />
          <label className="sr-only" htmlFor={reasonId}>
            {t("reason")}
          </label>
          <input
            id={reasonId}
            name="reason"
            placeholder={t("reasonPlaceholder")}
            aria-describedby={errorId}
            aria-invalid={Boolean(errors)}
            className={withClasses(CONTROL_INLINE, "w-full text-sm sm:w-64")}
          />
          <SubmitButton pending={pending} className={BUTTON_PRIMARY_COMPACT}>
            {t("submit")}
          </SubmitButton>
          <button type="button" onClick={() => setOpen(false)} className="min-h-11 px-2 py-1 text-sm text-slate-600 sm:min-h-0">
            {t("cancel")}
          </button>
          <div className="w-full">
            <FieldError id={errorId} errors={errors} />
          </div>
        </form>
      ) : null}
    </div>
  );
}
