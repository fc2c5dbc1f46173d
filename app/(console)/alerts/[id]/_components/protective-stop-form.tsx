"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormCard } from "@/components/forms/form-card";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_SECONDARY_COMPACT } from "@/components/forms/styles";
import { InstitutionSelect, type Institution } from "@/components/cases/institution-select";
import { fileProtectiveStopAction } from "../money-actions";

/** 保护性止付 on the warned person's own account, while the alert is open (no case, no transfer). */
export function ProtectiveStopForm({ alertId, institutions }: { alertId: string; institutions: Institution[] }) {
  const t = useTranslations("cases.protective");
  const { state, pending, formProps } = useFormAction(fileProtectiveStopAction.bind(null, alertId), { resetOnSuccess: true });
  const err = state.fieldErrors ?? {};
  return (
    <FormCard id="protective" title={t("title")} show state={state}>
      <p className="text-xs text-slate-600">{t("hint")}</p>
      <form {...formProps} className="grid gap-2 sm:grid-cols-2" data-testid="protective-form">
        <InstitutionSelect id="protective-bank" institutions={institutions} errors={err.bankId} />
        <TextField compact id="protective-account" name="account" autoComplete="off" label={t("account")} errors={err.account} controlClassName="font-mono" />
        <TextField compact id="protective-holder" name="holder" autoComplete="off" label={t("holder")} errors={err.holder} />
        <TextField compact id="protective-amount" name="amountYuan" inputMode="decimal" autoComplete="off" label={t("amount")} errors={err.amountYuan} controlClassName="tabular-nums" />
        <div className="sm:col-span-2">
          <SubmitButton pending={pending} pendingLabel={t("pending")} className={BUTTON_SECONDARY_COMPACT}>
            {t("submit")}
          </SubmitButton>
        </div>
      </form>
    </FormCard>
  );
}
