"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { INITIAL_ACTION_STATE } from "@/lib/actions/initial-state";
import { FormMessage } from "@/components/ui/form-message";
import { claimAlertAction } from "../actions";
import { PRIMARY } from "./form-styles";

/**
 * 认领. Stays mounted when the alert is no longer claimable, so that a lost race still shows
 * "已被他人认领" after the page has refreshed to the new holder.
 */
export function ClaimForm({ alertId, show }: { alertId: string; show: boolean }) {
  const t = useTranslations("triage.claim");
  const [state, action, pending] = useActionState(claimAlertAction.bind(null, alertId), INITIAL_ACTION_STATE);
  return (
    <div className="space-y-2">
      {show ? (
        <form id="claim-form" action={action}>
          <button type="submit" disabled={pending} className={PRIMARY}>
            {pending ? t("pending") : t("button")}
          </button>
        </form>
      ) : null}
      <FormMessage ok={state.ok} message={state.message} />
    </div>
  );
}
