"use client";

import { useTranslations } from "next-intl";
import { setBankActiveAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_ROW, BUTTON_ROW_DANGER } from "@/components/forms/styles";
import { FormMessage } from "@/components/ui/form-message";

/** Deactivate (no new requests; its history stays) or reactivate one bank or institution. */
export function BankActiveToggle({ bankId, name, active }: { bankId: string; name: string; active: boolean }) {
  const t = useTranslations("moneyAdmin.banks");
  const { state, pending, formProps } = useFormAction(setBankActiveAction);
  return (
    <form {...formProps} className="space-y-1" aria-label={t("toggleOf", { name })}>
      <input type="hidden" name="bankId" value={bankId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <SubmitButton
        pending={pending}
        onClick={(e) => {
          if (active && !window.confirm(t("confirmDeactivate", { name }))) e.preventDefault();
        }}
        className={active ? BUTTON_ROW_DANGER : BUTTON_ROW}
      >
        {active ? t("deactivate") : t("activate")}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
