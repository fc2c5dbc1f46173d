"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInAction } from "../actions";
import { FormMessage } from "@/components/ui/form-message";
import { INITIAL_ACTION_STATE } from "@/lib/actions/initial-state";

export function LoginForm() {
  const t = useTranslations("login");
  const [state, action, pending] = useActionState(signInAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="space-y-4" noValidate>
      <div>
        <label htmlFor="username" className="block text-sm font-medium text-slate-700">
          {t("username")}
        </label>
        <input id="username" name="username" autoComplete="username" required autoFocus className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          {t("password")}
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
      </div>
      <FormMessage ok={state.ok} message={state.message} />
      <button type="submit" disabled={pending} className="w-full rounded bg-police-700 px-4 py-2 font-medium text-white hover:bg-police-800 disabled:opacity-60">
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
