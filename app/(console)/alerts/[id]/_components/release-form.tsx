"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { INITIAL_ACTION_STATE } from "@/lib/actions/initial-state";
import { FormMessage } from "@/components/ui/form-message";
import { releaseAlertAction } from "../actions";
import { SECONDARY } from "./form-styles";

/** 释放: gives a claimed alert back to the queue. */
export function ReleaseForm({ alertId, version, show }: { alertId: string; version: number; show: boolean }) {
  const t = useTranslations("triage.release");
  const [state, action, pending] = useActionState(releaseAlertAction.bind(null, alertId), INITIAL_ACTION_STATE);
  return (
    <div className="space-y-2">
      {show ? (
        <form action={action} className="flex items-center gap-3">
          <input type="hidden" name="version" value={version} />
          <button type="submit" disabled={pending} className={SECONDARY} aria-describedby="release-hint">
            {pending ? t("pending") : t("button")}
          </button>
          <span id="release-hint" className="text-xs text-slate-500">
            {t("hint")}
          </span>
        </form>
      ) : null}
      <FormMessage ok={state.ok} message={state.message} />
    </div>
  );
}
