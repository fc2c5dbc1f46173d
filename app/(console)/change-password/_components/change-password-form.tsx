"use client";

import { useTranslations } from "next-intl";
import { changePasswordAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormMessage } from "@/components/ui/form-message";

export function ChangePasswordForm() {
  const t = useTranslations("changePassword");
  const { state, pending, formProps } = useFormAction(changePasswordAction);
  const err = state.fieldErrors ?? {};
  return (
    <form {...formProps} className="max-w-sm space-y-3" noValidate>
      <TextField id="cp-currentPassword" name="currentPassword" type="password" autoComplete="current-password" label={t("current")} errors={err.currentPassword} />
      <TextField id="cp-newPassword" name="newPassword" type="password" autoComplete="new-password" label={t("new")} errors={err.newPassword} />
      <TextField id="cp-confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" label={t("confirm")} errors={err.confirmPassword} />
      <p className="text-xs text-slate-500">{t("rules")}</p>
      <FormMessage state={state} />
      <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
    </form>
  );
}
