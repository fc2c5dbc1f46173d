"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changePasswordAction } from "../actions";
import { INITIAL_ACTION_STATE } from "@/lib/actions/initial-state";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";

export function ChangePasswordForm() {
  const t = useTranslations("changePassword");
  const [state, action, pending] = useActionState(changePasswordAction, INITIAL_ACTION_STATE);
  const err = state.fieldErrors ?? {};
  const field = (name: string, label: string, autoComplete: string) => (
    <div>
      <label htmlFor={`cp-${name}`} className="block text-sm">{label}</label>
      <input id={`cp-${name}`} name={name} type="password" autoComplete={autoComplete} aria-describedby={`cp-${name}-error`} className="mt-1 w-full rounded border border-slate-300 px-2 py-1" />
      <FieldError id={`cp-${name}-error`} errors={err[name]} />
    </div>
  );
  return (
    <form action={action} className="max-w-sm space-y-3" noValidate>
      {field("currentPassword", t("current"), "current-password")}
      {field("newPassword", t("new"), "new-password")}
      {field("confirmPassword", t("confirm"), "new-password")}
      <p className="text-xs text-slate-500">{t("rules")}</p>
      <FormMessage ok={state.ok} message={state.message} />
      <button type="submit" disabled={pending} className="rounded bg-police-700 px-4 py-1.5 text-white disabled:opacity-60">{t("submit")}</button>
    </form>
  );
}
