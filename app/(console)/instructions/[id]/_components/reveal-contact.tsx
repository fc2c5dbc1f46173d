"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_SECONDARY_COMPACT } from "@/components/forms/styles";
import { FieldError } from "@/components/ui/field-error";
import { revealContactAction } from "../../actions";

/**
 * The person's phone or address for the officers the instruction was sent to: the instruction
 * is the reason (no reason to type), each reveal audited. A revealed phone is a `tel:` link, one
 * tap from the call. The value lives in component state only, never in the URL.
 */
export function RevealContact({ instructionId, field, masked, label }: { instructionId: string; field: "phone" | "address"; masked: string; label: string }) {
  const t = useTranslations("instructionPage.contact");
  const { state, pending, formProps } = useFormAction(revealContactAction.bind(null, instructionId));
  const value = state.ok ? state.data?.value : undefined;
  if (value) {
    return field === "phone" ? (
      <a
        href={`tel:${value}`}
        className="inline-flex min-h-11 items-center gap-2 rounded bg-green-800 px-4 text-lg font-semibold tabular-nums text-white hover:bg-green-900"
        data-testid="contact-phone"
        aria-label={t("call", { phone: value })}
      >
        <span aria-hidden="true">☎</span>
        {value}
      </a>
    ) : (
      <span className="break-words" data-testid="contact-address">
        {value}
      </span>
    );
  }
  const errorId = `reveal-${field}-error`;
  return (
    <div>
      <form {...formProps} className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="tabular-nums" data-testid={`contact-${field}`}>
          {masked}
        </span>
        <input type="hidden" name="field" value={field} />
        <SubmitButton pending={pending} className={BUTTON_SECONDARY_COMPACT} aria-label={`${t("show")}: ${label}`} aria-describedby={errorId}>
          {t("show")}
        </SubmitButton>
      </form>
      <FieldError id={errorId} errors={state.message && !state.ok ? [state.message] : undefined} />
    </div>
  );
}
