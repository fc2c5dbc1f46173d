"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_SECONDARY_COMPACT, CONTROL_INLINE } from "@/components/forms/styles";
import { FieldError } from "@/components/ui/field-error";
import { revealForPrintAction } from "../actions";

const TH = "w-32 border border-black px-2 py-1.5 text-left align-top font-medium";
const TD = "border border-black px-2 py-1.5 align-top";

/**
 * The receiving account and its holder on the printed request: masked (****1234, 张*明) unless
 * the user reveals them for this print with a reason (audited). The full values live in this
 * component's state only — gone when the page is left — and the form never prints.
 */
export function AccountRows({ requestId, accountMasked, holderMasked, canReveal }: { requestId: string; accountMasked: string; holderMasked: string | null; canReveal: boolean }) {
  const t = useTranslations("requestPrint");
  const { state, pending, formProps } = useFormAction(revealForPrintAction.bind(null, requestId));
  const revealed = state.ok ? state.data : undefined;
  const reasonErrors = state.fieldErrors?.reason ?? (state.message && !state.ok ? [state.message] : undefined);
  return (
    <>
      <tr>
        <th scope="row" className={TH}>
          {t("account")}
        </th>
        <td className={`${TD} font-mono tabular-nums`} data-testid="print-account">
          {revealed?.account ?? accountMasked}
        </td>
      </tr>
      <tr>
        <th scope="row" className={TH}>
          {t("holder")}
        </th>
        <td className={TD} data-testid="print-holder">
          {revealed ? revealed.holder || t("notGiven") : (holderMasked ?? t("notGiven"))}
        </td>
      </tr>
      {canReveal && !revealed ? (
        <tr className="print:hidden">
          <td colSpan={2} className="border border-black bg-slate-50 px-2 py-2">
            <form {...formProps} className="flex flex-wrap items-end gap-2">
              <label className="flex-1 text-sm">
                <span className="block text-slate-700">{t("reveal.reason")}</span>
                <input name="reason" required minLength={2} maxLength={200} className={`${CONTROL_INLINE} w-full`} aria-describedby="print-reveal-hint print-reveal-error" aria-invalid={reasonErrors ? true : undefined} />
              </label>
              <SubmitButton pending={pending} className={BUTTON_SECONDARY_COMPACT}>
                {t("reveal.submit")}
              </SubmitButton>
            </form>
            <p id="print-reveal-hint" className="mt-1 text-xs text-slate-600">
              {t("reveal.hint")}
            </p>
            <FieldError id="print-reveal-error" errors={reasonErrors} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
