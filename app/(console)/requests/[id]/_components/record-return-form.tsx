"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY } from "@/components/forms/styles";
import { StepCard } from "@/components/forms/step-card";
import { recordReturnAction } from "../actions";

/** One return (返还) as the bank made it; several may be entered until they reach the amount. */
export function RecordReturnForm({ requestId, version }: { requestId: string; version: number }) {
  const t = useTranslations("bankRequestPage.recordReturn");
  const { state, pending, formProps } = useFormAction(recordReturnAction.bind(null, requestId, String(version)), { resetOnSuccess: true });
  const errors = state.fieldErrors;
  return (
    <StepCard id="record-return" title={t("title")} show state={state} tone="primary">
      <form {...formProps} className="grid grid-cols-1 gap-2 sm:grid-cols-3" data-testid="record-return-form">
        <TextField compact id="return-amount" name="amountYuan" label={t("amountYuan")} inputMode="decimal" errors={errors?.amountYuan} />
        <TextField compact id="return-on" name="returnedOn" type="date" label={t("returnedOn")} errors={errors?.returnedOn} />
        <TextField compact id="return-receipt" name="receiptNumber" label={t("receiptNumber")} errors={errors?.receiptNumber} />
        <div className="sm:col-span-3">
          <SubmitButton pending={pending} pendingLabel={t("pending")} className={`${BUTTON_PRIMARY} w-full sm:w-auto`}>
            {t("submit")}
          </SubmitButton>
        </div>
      </form>
    </StepCard>
  );
}
