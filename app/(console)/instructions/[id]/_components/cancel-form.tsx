"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_DANGER_COMPACT } from "@/components/forms/styles";
import { cancelInstructionAction } from "../../actions";
import { StepCard } from "./step-card";

/** 撤销: the issuer withdraws the instruction (e.g. the person was reached by phone meanwhile). */
export function CancelForm({ instructionId, version, show }: { instructionId: string; version: number; show: boolean }) {
  const t = useTranslations("instructionPage");
  const { state, pending, formProps } = useFormAction(cancelInstructionAction.bind(null, instructionId));
  return (
    <StepCard id="cancel" title={t("cancel.title")} show={show} state={state} folded>
      <form {...formProps} className="space-y-2" data-testid="cancel-form">
        <input type="hidden" name="version" value={version} />
        <TextareaField compact id="cancel-note" name="note" rows={2} maxLength={1000} label={t("cancel.reason")} errors={state.fieldErrors?.note} />
        <SubmitButton pending={pending} pendingLabel={t("pending")} className={BUTTON_DANGER_COMPACT}>
          {t("cancel.submit")}
        </SubmitButton>
      </form>
    </StepCard>
  );
}
