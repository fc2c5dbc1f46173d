"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createUserAction } from "../actions";
import { INITIAL_ACTION_STATE } from "@/lib/actions/initial-state";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";

interface Props {
  roles: { value: string; label: string }[];
  units: { id: string; label: string }[];
  banks: { id: string; label: string }[];
}

export function CreateUserForm({ roles, units, banks }: Props) {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState(createUserAction, INITIAL_ACTION_STATE);
  const err = state.fieldErrors ?? {};
  const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1";
  return (
    <form action={action} className="grid gap-3 md:grid-cols-3" noValidate aria-label={t("createTitle")}>
      <div>
        <label htmlFor="cu-username" className="text-sm">{t("username")}</label>
        <input id="cu-username" name="username" className={input} aria-describedby="cu-username-error" />
        <FieldError id="cu-username-error" errors={err.username} />
      </div>
      <div>
        <label htmlFor="cu-displayName" className="text-sm">{t("displayName")}</label>
        <input id="cu-displayName" name="displayName" className={input} aria-describedby="cu-displayName-error" />
        <FieldError id="cu-displayName-error" errors={err.displayName} />
      </div>
      <div>
        <label htmlFor="cu-password" className="text-sm">{t("initialPassword")}</label>
        <input id="cu-password" name="password" type="password" autoComplete="new-password" className={input} aria-describedby="cu-password-error" />
        <FieldError id="cu-password-error" errors={err.password} />
      </div>
      <div>
        <label htmlFor="cu-role" className="text-sm">{t("role")}</label>
        <select id="cu-role" name="role" className={input} defaultValue="" aria-describedby="cu-role-error">
          <option value="">{t("choose")}</option>
          {roles.map((r) => (
            <option key={r.value} value={r.value}>{r.label}</option>
          ))}
        </select>
        <FieldError id="cu-role-error" errors={err.role} />
      </div>
      <div>
        <label htmlFor="cu-unit" className="text-sm">{t("unit")}</label>
        <select id="cu-unit" name="unitId" className={input} defaultValue="" aria-describedby="cu-unit-error">
          <option value="">{t("choose")}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>{u.label}</option>
          ))}
        </select>
        <FieldError id="cu-unit-error" errors={err.unitId} />
      </div>
      <div>
        <label htmlFor="cu-bank" className="text-sm">{t("bank")}</label>
        <select id="cu-bank" name="bankId" className={input} defaultValue="" aria-describedby="cu-bank-error">
          <option value="">—</option>
          {banks.map((b) => (
            <option key={b.id} value={b.id}>{b.label}</option>
          ))}
        </select>
        <FieldError id="cu-bank-error" errors={err.bankId} />
      </div>
      <div className="md:col-span-3 flex items-center gap-4">
        <button type="submit" disabled={pending} className="rounded bg-police-700 px-4 py-1.5 text-white hover:bg-police-800 disabled:opacity-60">
          {t("create")}
        </button>
        <FormMessage ok={state.ok} message={state.message} />
      </div>
    </form>
  );
}
