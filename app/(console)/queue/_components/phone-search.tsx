"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { controlProps } from "@/components/forms/control-props";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY_COMPACT, CONTROL_INLINE, LABEL_COMPACT, withClasses } from "@/components/forms/styles";
import { FieldError } from "@/components/ui/field-error";
import { searchByPhoneAction } from "../actions";
import { QueueTable } from "./queue-table";

/**
 * Exact search by the person's phone, by POST (never in the URL); lists their open alerts. A
 * found search clears the field (the answer names the number masked); a refused one keeps it.
 */
export function PhoneSearch({ currentUserId }: { currentUserId: string }) {
  const t = useTranslations("queue.phoneSearch");
  const { state, pending, formProps } = useFormAction(searchByPhoneAction, { resetOnSuccess: true });
  const phone = state.data?.phone ?? "";
  const error = state.fieldErrors?.phone ?? (!state.ok && state.message ? [state.message] : undefined);
  return (
    <section aria-labelledby="phone-search-title" className="space-y-3 rounded border border-slate-200 bg-white p-3">
      {/* The hint sits beside the button and the error under the whole bar: laid out here, not by `Field`. */}
      <form {...formProps} className="flex flex-wrap items-end gap-3">
        <h2 id="phone-search-title" className="w-full text-sm font-semibold text-slate-700">
          {t("title")}
        </h2>
        <div>
          <label htmlFor="phone-search" className={LABEL_COMPACT}>
            {t("label")}
          </label>
          <input
            {...controlProps("phone-search", error, true)}
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            placeholder={t("placeholder")}
            className={withClasses(CONTROL_INLINE, "w-48 tabular-nums")}
          />
        </div>
        <SubmitButton pending={pending} pendingLabel={t("pending")} className={BUTTON_PRIMARY_COMPACT}>
          {t("submit")}
        </SubmitButton>
        <p id="phone-search-hint" className="text-xs text-slate-500">
          {t("hint")}
        </p>
        <div className="w-full">
          <FieldError id="phone-search-error" errors={error} />
        </div>
      </form>
      <div aria-live="polite">
        {state.ok && state.results ? (
          state.results.length === 0 ? (
            <p className="text-sm text-slate-600" data-testid="phone-search-empty">
              {t("none", { phone })}
            </p>
          ) : (
            <div className="space-y-2" data-testid="phone-search-results">
              <p className="text-sm text-slate-700">{t("results", { phone, count: state.results.length })}</p>
              <QueueTable items={state.results} currentUserId={currentUserId} keyboard={false} label={t("results", { phone, count: state.results.length })} />
            </div>
          )
        ) : null}
      </div>
    </section>
  );
}
