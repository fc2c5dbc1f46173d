"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_DANGER_COMPACT } from "@/components/forms/styles";
import { sendBackInstructionAction } from "../../actions";
import { StepCard } from "./step-card";

/** 退回重办: the feedback is not enough; the station works it again (the reason is required). */
export function SendBackForm({ instructionId, version, show }: { instructionId: string; version: number; show: boolean }) {
  const t = useTranslations("instructionPage");
  const { state, pending, formProps } = useFormAction(sendBackInstructionAction.bind(null, instructionId));
  return (
    <StepCard id="send-back" title={t("sendBack.title")} show={show} state={state} folded>
      <form {...formProps} className="space-y-2" data-testid="send-back-form">
        <input type="hidden" name="version" value={version} />
        <TextareaField compact id="send-back-note" name="note" rows={2} maxLength={1000} label={t("sendBack.reason")} errors={state.fieldErrors?.note} />
        <SubmitButton pending={pending} pendingLabel={t("pending")} className={BUTTON_DANGER_COMPACT}>
          {t("sendBack.submit")}
        </SubmitButton>
      </form>
    </StepCard>
  );
}
