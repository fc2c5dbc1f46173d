"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_SECONDARY_COMPACT } from "@/components/forms/styles";
import { FormMessage } from "@/components/ui/form-message";
import { releaseAlertAction } from "../actions";

/** 释放: gives a claimed alert back to the queue. */
export function ReleaseForm({ alertId, version, show }: { alertId: string; version: number; show: boolean }) {
  const t = useTranslations("triage.release");
  const { state, pending, formProps } = useFormAction(releaseAlertAction.bind(null, alertId));
  return (
    <div className="space-y-2">
      {show ? (
        <form {...formProps} className="flex items-center gap-3">
          <input type="hidden" name="version" value={version} />
          <SubmitButton pending={pending} pendingLabel={t("pending")} className={BUTTON_SECONDARY_COMPACT} aria-describedby="release-hint">
            {t("button")}
          </SubmitButton>
          <span id="release-hint" className="text-xs text-slate-500">
            {t("hint")}
          </span>
        </form>
      ) : null}
      <FormMessage state={state} />
    </div>
  );
}
