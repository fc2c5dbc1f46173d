"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/action-state";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormCard } from "@/components/forms/form-card";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY_COMPACT } from "@/components/forms/styles";
import { InstitutionSelect, type Institution } from "./institution-select";

/**
 * 紧急止付 of one transfer: institution, receiving account, holder, amount, transfer time (Beijing
 * time), the victim's own account optional. The same form from the alert (the case opens or is
 * joined) and from the case (another transfer); the action has the alert or case id bound. Kept
 * short: minutes decide. After success it links to the case.
 */
export function StopForm({
  action,
  institutions,
  idPrefix,
  title,
  defaultAmountYuan,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  institutions: Institution[];
  idPrefix: string;
  title: string;
  defaultAmountYuan?: string;
}) {
  const t = useTranslations("cases.stop");
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: true });
  const err = state.fieldErrors ?? {};
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <FormCard id={idPrefix} title={title} show state={state}>
      <form {...formProps} className="grid gap-2 sm:grid-cols-2" data-testid={`${idPrefix}-form`}>
        <InstitutionSelect id={id("bank")} institutions={institutions} errors={err.bankId} />
        <TextField compact id={id("account")} name="account" autoComplete="off" inputMode="text" label={t("account")} errors={err.account} controlClassName="font-mono" />
        <TextField compact id={id("holder")} name="holder" autoComplete="off" label={t("holder")} errors={err.holder} />
        <TextField
          compact
          id={id("amount")}
          name="amountYuan"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={defaultAmountYuan}
          hint={defaultAmountYuan ? t("amountHint") : undefined}
          label={t("amount")}
          errors={err.amountYuan}
          controlClassName="tabular-nums"
        />
        <TextField compact id={id("time")} name="transferredAt" type="datetime-local" label={t("transferredAt")} errors={err.transferredAt} />
        <TextField compact id={id("from")} name="fromAccount" autoComplete="off" label={t("fromAccount")} errors={err.fromAccount} controlClassName="font-mono" />
        {err.alertId || err.caseId ? <p className="text-sm text-red-700 sm:col-span-2">{(err.alertId ?? err.caseId)!.join(" ")}</p> : null}
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <SubmitButton pending={pending} pendingLabel={t("pending")} className={BUTTON_PRIMARY_COMPACT}>
            {t("submit")}
          </SubmitButton>
          {state.ok && state.data?.caseId ? (
            <Link href={`/cases/${state.data.caseId}`} className="text-sm text-police-700 underline">
              {t("caseLink")}
            </Link>
          ) : null}
        </div>
      </form>
    </FormCard>
  );
}
