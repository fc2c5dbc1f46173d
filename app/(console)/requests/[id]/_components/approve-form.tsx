"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextField } from "@/components/forms/text-field";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY } from "@/components/forms/styles";
import { StepCard } from "@/components/forms/step-card";
import { approveRequestAction } from "../actions";

const MODES = ["ORIGINAL", "NAMED", "PRO_RATA"] as const;

/** A supervisor's approval (not the filer's): the notice or decision number; for a return, where the money goes. */
export function ApproveForm({ requestId, version, isReturn }: { requestId: string; version: number; isReturn: boolean }) {
  const t = useTranslations("bankRequestPage.approve");
  const { state, pending, formProps } = useFormAction(approveRequestAction.bind(null, requestId, String(version)));
  const [mode, setMode] = useState("");
  const errors = state.fieldErrors;
  return (
    <StepCard id="approve" title={t("title")} show state={state} tone="primary">
      <form {...formProps} className="space-y-2" data-testid="approve-form">
        <TextField compact id="approve-notice" name="noticeNumber" label={t(isReturn ? "decisionNumber" : "noticeNumber")} errors={errors?.noticeNumber} />
        {isReturn ? (
          <>
            <SelectField
              compact
              id="approve-mode"
              name="returnMode"
              label={t("returnMode")}
              placeholder={t("choose")}
              value={mode}
              onChange={(e) => setMode(e.target.value)}
              options={MODES.map((m) => ({ value: m, label: t(`modes.${m}`) }))}
              errors={errors?.returnMode}
            />
            {mode === "NAMED" ? <TextField compact id="approve-account" name="returnToAccount" label={t("returnToAccount")} inputMode="numeric" autoComplete="off" errors={errors?.returnToAccount} /> : null}
          </>
        ) : null}
        <SubmitButton pending={pending} pendingLabel={t("pending")} className={`${BUTTON_PRIMARY} w-full sm:w-auto`}>
          {t("submit")}
        </SubmitButton>
      </form>
    </StepCard>
  );
}
