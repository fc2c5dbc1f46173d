"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_SECONDARY_COMPACT } from "@/components/forms/styles";
import { visitAttemptAction } from "../../actions";
import { StepCard } from "@/components/forms/step-card";

/** 上门未遇: nobody home this time; several visits are normal. Emptied after each one. */
export function VisitAttemptForm({ instructionId, version, show, attempts }: { instructionId: string; version: number; show: boolean; attempts: number }) {
  const t = useTranslations("instructionPage.visitAttempt");
  const { state, pending, formProps } = useFormAction(visitAttemptAction.bind(null, instructionId), { resetOnSuccess: true });
  return (
    <StepCard id="visit-attempt" title={t("title")} show={show} state={state} folded>
      <p className="text-xs text-slate-600">{attempts > 0 ? t("count", { count: attempts }) : t("hint")}</p>
      <form {...formProps} className="space-y-2" data-testid="visit-attempt-form">
        <input type="hidden" name="version" value={version} />
        <TextareaField compact id="visit-note" name="note" rows={2} maxLength={500} label={t("note")} placeholder={t("notePlaceholder")} errors={state.fieldErrors?.note} />
        <SubmitButton pending={pending} pendingLabel={t("pending")} className={`${BUTTON_SECONDARY_COMPACT} w-full sm:w-auto`}>
          {t("submit")}
        </SubmitButton>
      </form>
    </StepCard>
  );
}
