"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY } from "@/components/forms/styles";
import { signOffInstructionAction } from "../../actions";
import { StepCard } from "@/components/forms/step-card";

/** 签收: the station takes the instruction on (who and when go into its timeline). */
export function SignOffForm({ instructionId, version, show }: { instructionId: string; version: number; show: boolean }) {
  const t = useTranslations("instructionPage.signOff");
  const { state, pending, formProps } = useFormAction(signOffInstructionAction.bind(null, instructionId));
  return (
    <StepCard id="sign-off" title={t("title")} show={show} state={state} tone="primary">
      <p className="text-sm text-slate-700">{t("hint")}</p>
      <form {...formProps}>
        <input type="hidden" name="version" value={version} />
        <SubmitButton pending={pending} pendingLabel={t("pending")} className={`${BUTTON_PRIMARY} w-full sm:w-auto`}>
          {t("submit")}
        </SubmitButton>
      </form>
    </StepCard>
  );
}
