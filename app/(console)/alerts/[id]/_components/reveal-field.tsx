"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { revealFieldAction } from "../actions";
import { INITIAL_ACTION_STATE } from "@/lib/actions/initial-state";
import { FieldError } from "@/components/ui/field-error";

/**
 * Shows a masked value with a "show full value" control. The full value is fetched only after
 * the user states a reason, and is kept in component state (never in the URL).
 */
export function RevealField({ alertId, field, masked, label }: { alertId: string; field: "phone" | "idNumber" | "address"; masked: string; label: string }) {
  const t = useTranslations("alerts.reveal");
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(revealFieldAction.bind(null, alertId), INITIAL_ACTION_STATE);
  const revealed = state.ok ? state.data?.value : undefined;
  const errorId = `reveal-${field}-error`;
  return (
    <div>
      <span className="tabular-nums" data-testid={`person-${field}`}>
        {revealed ?? masked}
      </span>
      {!revealed && !open ? (
        <button type="button" onClick={() => setOpen(true)} className="ml-3 text-sm text-police-700 hover:underline" aria-label={`${t("button")}: ${label}`}>
          {t("button")}
        </button>
      ) : null}
      {!revealed && open ? (
        <form action={action} className="mt-2 flex flex-wrap items-start gap-2">
          <input type="hidden" name="field" value={field} />
          <label className="sr-only" htmlFor={`reveal-${field}-reason`}>
            {t("reason")}
          </label>
          <input
            id={`reveal-${field}-reason`}
            name="reason"
            placeholder={t("reasonPlaceholder")}
            aria-describedby={errorId}
            className="w-64 rounded border border-slate-300 px-2 py-1 text-sm"
          />
          <button type="submit" disabled={pending} className="rounded bg-police-700 px-3 py-1 text-sm text-white">
            {t("submit")}
          </button>
          <button type="button" onClick={() => setOpen(false)} className="px-2 py-1 text-sm text-slate-600">
            {t("cancel")}
          </button>
          <div className="w-full">
            <FieldError id={errorId} errors={state.fieldErrors?.reason ?? (state.message && !state.ok ? [state.message] : undefined)} />
          </div>
        </form>
      ) : null}
    </div>
  );
}
