"use client";

import { useTranslations } from "next-intl";
import { createUserAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextField } from "@/components/forms/text-field";
import { SelectField, type SelectOption } from "@/components/forms/select-field";
import { FormFooter } from "@/components/forms/form-footer";

interface Props {
  roles: SelectOption[];
  units: SelectOption[];
  banks: SelectOption[];
}

export function CreateUserForm({ roles, units, banks }: Props) {
  const t = useTranslations("admin");
  const { state, pending, formProps } = useFormAction(createUserAction, { resetOnSuccess: true });
  const err = state.fieldErrors ?? {};
  return (
    <form {...formProps} className="grid gap-3 md:grid-cols-3" noValidate aria-label={t("createTitle")}>
      <TextField id="cu-username" name="username" label={t("username")} errors={err.username} />
      <TextField id="cu-displayName" name="displayName" label={t("displayName")} errors={err.displayName} />
      <TextField id="cu-password" name="password" type="password" autoComplete="new-password" label={t("initialPassword")} errors={err.password} />
      <SelectField id="cu-role" name="role" defaultValue="" label={t("role")} errors={err.role} placeholder={t("choose")} options={roles} />
      <SelectField id="cu-unit" name="unitId" defaultValue="" label={t("unit")} errors={err.unitId} placeholder={t("choose")} options={units} />
      <SelectField id="cu-bank" name="bankId" defaultValue="" label={t("bank")} errors={err.bankId} placeholder="—" options={banks} />
      <FormFooter state={state} pending={pending} className="md:col-span-3">
        {t("create")}
      </FormFooter>
    </form>
  );
}
