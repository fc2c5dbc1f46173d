"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY_COMPACT, CONTROL_INLINE, withClasses } from "@/components/forms/styles";
import { FieldError } from "@/components/ui/field-error";
import { revealRequestAccountAction } from "../actions";

/**
 * The masked account with "show full account": after a typed reason (audited, a POST), the full
 * number and holder are kept in component state only — never in the URL, gone on reload.
 */
export function RevealAccount({ requestId, masked }: { requestId: string; masked: string }) {
  const t = useTranslations("bankRequestPage.reveal");
  const [open, setOpen] = useState(false);
  const { state, pending, formProps } = useFormAction(revealRequestAccountAction.bind(null, requestId));
  const revealed = state.ok ? state.data : undefined;
  const errors = state.fieldErrors?.reason ?? (state.message && !state.ok ? [state.message] : undefined);
  if (revealed?.account) {
    return (
      <span className="break-all tabular-nums" data-testid="account-revealed">
        {revealed.account}
        {revealed.holder ? <span className="ml-2">{t("holder", { holder: revealed.holder })}</span> : null}
      </span>
    );
  }
  return (
    <div>
      <span className="tabular-nums" data-testid="account-masked">
        {masked}
      </span>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)} className="ml-3 inline-flex min-h-11 items-center text-sm text-police-700 hover:underline sm:min-h-0">
          {t("button")}
        </button>
      ) : (
        <form {...formProps} className="mt-2 flex flex-wrap items-start gap-2">
          <label className="sr-only" htmlFor="reveal-account-reason">
            {t("reason")}
          </label>
          <input id="reveal-account-reason" name="reason" placeholder={t("reason")} aria-describedby="reveal-account-error" aria-invalid={Boolean(errors)} className={withClasses(CONTROL_INLINE, "w-full text-sm sm:w-64")} />
          <SubmitButton pending={pending} className={BUTTON_PRIMARY_COMPACT}>
            {t("submit")}
          </SubmitButton>
          <button type="button" onClick={() => setOpen(false)} className="min-h-11 px-2 py-1 text-sm text-slate-600 sm:min-h-0">
            {t("cancel")}
          </button>
          <div className="w-full">
            <FieldError id="reveal-account-error" errors={errors} />
          </div>
        </form>
      )}
    </div>
  );
}
