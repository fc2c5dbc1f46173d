"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_SECONDARY_COMPACT } from "@/components/forms/styles";
import { chaseInstructionAction } from "../../actions";
import { StepCard } from "@/components/forms/step-card";

/** 催办: a reminder the holder sees (a notification and a line in the timeline). */
export function ChaseForm({ instructionId, show }: { instructionId: string; show: boolean }) {
  const t = useTranslations("instructionPage");
  const { state, pending, formProps } = useFormAction(chaseInstructionAction.bind(null, instructionId), { resetOnSuccess: true });
  return (
    <StepCard id="chase" title={t("chase.title")} show={show} state={state} folded>
      <form {...formProps} className="space-y-2" data-testid="chase-form">
        <TextareaField compact id="chase-note" name="note" rows={2} maxLength={500} label={t("noteOptional")} errors={state.fieldErrors?.note} />
        <SubmitButton pending={pending} pendingLabel={t("pending")} className={BUTTON_SECONDARY_COMPACT}>
          {t("chase.submit")}
        </SubmitButton>
      </form>
    </StepCard>
  );
}
