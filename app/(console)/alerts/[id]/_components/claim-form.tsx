"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY_COMPACT } from "@/components/forms/styles";
import { FormMessage } from "@/components/ui/form-message";
import { claimAlertAction } from "../actions";

/**
 * 认领. Stays mounted when the alert is no longer claimable, so that a lost race still shows
 * "已被他人认领" after the page has refreshed to the new holder.
 */
export function ClaimForm({ alertId, show }: { alertId: string; show: boolean }) {
  const t = useTranslations("triage.claim");
  const { state, pending, formProps } = useFormAction(claimAlertAction.bind(null, alertId));
  return (
    <div className="space-y-2">
      {show ? (
        <form id="claim-form" {...formProps}>
          <SubmitButton pending={pending} pendingLabel={t("pending")} className={BUTTON_PRIMARY_COMPACT}>
            {t("button")}
          </SubmitButton>
        </form>
      ) : null}
      <FormMessage state={state} />
    </div>
  );
}
