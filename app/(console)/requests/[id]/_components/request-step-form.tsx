"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_DANGER_COMPACT, BUTTON_PRIMARY } from "@/components/forms/styles";
import { StepCard } from "@/components/forms/step-card";
import { acceptRequestAction, answerDoneAction, cancelRequestAction, refuseRequestAction } from "../actions";

// The steps that need at most a note: 受理 (the desk takes it up), 解冻已办/返还办结 (an unfreeze
// done, a return closed after its entries), 不符退回 (the details do not match: a note is required)
// and the filer's 撤回.
const STEPS = {
  accept: { id: "accept", action: acceptRequestAction, note: null, danger: false, folded: false },
  done: { id: "done", action: answerDoneAction, note: "optional", danger: false, folded: false },
  refuse: { id: "refuse", action: refuseRequestAction, note: "required", danger: true, folded: true },
  cancel: { id: "cancel", action: cancelRequestAction, note: null, danger: true, folded: true },
} as const;

export function RequestStepForm({ step, requestId, version, title }: { step: keyof typeof STEPS; requestId: string; version: number; title: string }) {
  const t = useTranslations("bankRequestPage");
  const { id, action, note, danger, folded } = STEPS[step];
  const { state, pending, formProps } = useFormAction(action.bind(null, requestId, String(version)));
  return (
    <StepCard id={id} title={title} show state={state} folded={folded} tone={danger ? "default" : "primary"}>
      <form {...formProps} className="space-y-2" data-testid={`${id}-form`}>
        <p className="text-sm text-slate-700">{t(`${step}.hint`)}</p>
        {note ? <TextareaField compact id={`${id}-note`} name="note" rows={2} maxLength={500} label={t(note === "required" ? "refuse.note" : "note")} errors={state.fieldErrors?.note} /> : null}
        <SubmitButton pending={pending} pendingLabel={t("pending")} className={danger ? BUTTON_DANGER_COMPACT : `${BUTTON_PRIMARY} w-full sm:w-auto`}>
          {t(`${step}.submit`)}
        </SubmitButton>
      </form>
    </StepCard>
  );
}
