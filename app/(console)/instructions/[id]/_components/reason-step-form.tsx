"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_DANGER_COMPACT } from "@/components/forms/styles";
import { cancelInstructionAction, sendBackInstructionAction } from "../../actions";
import { StepCard } from "@/components/forms/step-card";

// The issuer's two steps that only need a reason: 退回重办 (the feedback is not enough; the
// station works it again) and 撤销 (withdrawn, e.g. the person was reached by phone meanwhile).
const STEPS = {
  sendBack: { id: "send-back", action: sendBackInstructionAction },
  cancel: { id: "cancel", action: cancelInstructionAction },
} as const;

export function ReasonStepForm({ step, instructionId, version, show }: { step: keyof typeof STEPS; instructionId: string; version: number; show: boolean }) {
  const t = useTranslations("instructionPage");
  const { id, action } = STEPS[step];
  const { state, pending, formProps } = useFormAction(action.bind(null, instructionId));
  return (
    <StepCard id={id} title={t(`${step}.title`)} show={show} state={state} folded>
      <form {...formProps} className="space-y-2" data-testid={`${id}-form`}>
        <input type="hidden" name="version" value={version} />
        <TextareaField compact id={`${id}-note`} name="note" rows={2} maxLength={1000} label={t(`${step}.reason`)} errors={state.fieldErrors?.note} />
        <SubmitButton pending={pending} pendingLabel={t("pending")} className={BUTTON_DANGER_COMPACT}>
          {t(`${step}.submit`)}
        </SubmitButton>
      </form>
    </StepCard>
  );
}
