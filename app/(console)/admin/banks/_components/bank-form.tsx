"use client";

import { useTranslations } from "next-intl";
import { createBankAction, updateBankAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextField } from "@/components/forms/text-field";
import { SelectField, type SelectOption } from "@/components/forms/select-field";
import { FormFooter } from "@/components/forms/form-footer";

interface Bank {
  id: string;
  code: string;
  name: string;
  shortName: string;
  kind: string;
  luhnChecked: boolean;
  /** The details as loaded; a save against another stamp is refused as a conflict. */
  stamp: string;
}

/**
 * Adds a bank or institution, or (given `bank`) edits one. A refused save (a taken code, a
 * conflict) keeps the admin's values in the form.
 */
export function BankForm({ kinds, bank }: { kinds: SelectOption[]; bank?: Bank }) {
  const t = useTranslations("moneyAdmin.banks");
  const { state, pending, formProps } = useFormAction(bank ? updateBankAction : createBankAction, { resetOnSuccess: !bank });
  const err = state.fieldErrors ?? {};
  const id = bank ? "eb" : "cb";
  return (
    <form {...formProps} className="grid gap-3 md:grid-cols-2" noValidate aria-label={bank ? t("editTitle", { name: bank.name }) : t("createTitle")}>
      {bank ? (
        <>
          <input type="hidden" name="bankId" value={bank.id} />
          <input type="hidden" name="stamp" value={bank.stamp} />
        </>
      ) : null}
      <TextField id={`${id}-name`} name="name" defaultValue={bank?.name} maxLength={100} autoComplete="off" label={t("name")} errors={err.name} />
      <TextField id={`${id}-short`} name="shortName" defaultValue={bank?.shortName} maxLength={20} autoComplete="off" label={t("shortName")} errors={err.shortName} />
      <TextField id={`${id}-code`} name="code" defaultValue={bank?.code} maxLength={16} autoComplete="off" label={t("code")} hint={t("codeHint")} errors={err.code} controlClassName="font-mono uppercase" />
      <SelectField id={`${id}-kind`} name="kind" defaultValue={bank?.kind ?? ""} label={t("kind")} errors={err.kind} placeholder={t("choose")} options={kinds} />
      <div className="md:col-span-2">
        <label className="inline-flex min-h-11 items-center gap-2 text-sm sm:min-h-0">
          <input type="checkbox" name="luhnChecked" defaultChecked={bank?.luhnChecked ?? true} className="h-4 w-4" />
          {t("luhnChecked")}
        </label>
        <p className="mt-1 text-xs text-slate-500">{t("luhnHint")}</p>
      </div>
      <FormFooter state={state} pending={pending} className="md:col-span-2">
        {bank ? t("save") : t("create")}
      </FormFooter>
    </form>
  );
}
