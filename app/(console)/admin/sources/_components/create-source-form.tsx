"use client";

import { useTranslations } from "next-intl";
import { createSourceAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextField } from "@/components/forms/text-field";
import { SelectField, type SelectOption } from "@/components/forms/select-field";
import { FormFooter } from "@/components/forms/form-footer";

export function CreateSourceForm({ kinds }: { kinds: SelectOption[] }) {
  const t = useTranslations("adminConfig");
  const { state, pending, formProps } = useFormAction(createSourceAction, { resetOnSuccess: true });
  const err = state.fieldErrors ?? {};
  return (
    <form {...formProps} className="grid gap-3 md:grid-cols-3" noValidate aria-label={t("sources.createTitle")}>
      <TextField id="cs-code" name="code" autoComplete="off" label={t("sources.code")} hint={t("sources.codeHint")} errors={err.code} controlClassName="font-mono" />
      <TextField id="cs-name" name="name" autoComplete="off" label={t("sources.name")} errors={err.name} />
      <SelectField id="cs-kind" name="kind" defaultValue="" label={t("sources.kind")} errors={err.kind} placeholder={t("choose")} options={kinds} />
      <FormFooter state={state} pending={pending} className="md:col-span-3">
        {t("sources.create")}
      </FormFooter>
    </form>
  );
}
