"use client";

import { useTranslations } from "next-intl";
import { signInAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY, withClasses } from "@/components/forms/styles";
import { FormMessage } from "@/components/ui/form-message";

export function LoginForm() {
  const t = useTranslations("login");
  // A refused sign-in keeps the username; success redirects, so nothing is left to reset.
  const { state, pending, formProps } = useFormAction(signInAction);
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <TextField id="username" name="username" autoComplete="username" required autoFocus label={t("username")} />
      <TextField id="password" name="password" type="password" autoComplete="current-password" required label={t("password")} />
      <FormMessage state={state} />
      <SubmitButton pending={pending} pendingLabel={t("submitting")} className={withClasses(BUTTON_PRIMARY, "w-full font-medium")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
