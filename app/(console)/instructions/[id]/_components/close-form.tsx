"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY_COMPACT } from "@/components/forms/styles";
import type { FeedbackOutcome } from "@/prisma/generated/client/enums";
import { alertEffectOf } from "@/lib/instructions/feedback-outcome";
import { closeInstructionAction } from "../../actions";
import { StepCard } from "@/components/forms/step-card";

/**
 * 办结: the issuer accepts the feedback and closes the loop — by default applying it to the alert
 * (what that does is said beside the box), optionally with a follow-up visit (回访) within N days.
 */
export function CloseForm({ instructionId, version, show, outcome }: { instructionId: string; version: number; show: boolean; outcome: FeedbackOutcome | null }) {
  const t = useTranslations();
  const c = (key: string) => t(`instructionPage.close.${key}`);
  const { state, pending, formProps } = useFormAction(closeInstructionAction.bind(null, instructionId));
  const err = state.fieldErrors ?? {};
  const effect = outcome ? alertEffectOf(outcome) : null;
  const effectText =
    effect?.kind === "close" ? t("instructionPage.close.effectClose", { outcome: t(`outcome.${effect.outcome}`) }) : effect?.kind === "join" ? c("effectJoin") : c("effectNone");
  return (
    <StepCard id="close" title={c("title")} show={show} state={state} tone="primary">
      <form {...formProps} className="grid gap-2 sm:grid-cols-2" data-testid="close-form">
        <input type="hidden" name="version" value={version} />
        <label className="flex min-h-11 items-start gap-2 text-sm sm:col-span-2 sm:min-h-0">
          <input type="checkbox" name="applyToAlert" defaultChecked className="mt-0.5 h-5 w-5" aria-describedby="close-apply-hint" />
          <span>
            {c("applyToAlert")}
            <span id="close-apply-hint" className="block text-xs text-slate-600">
              {effectText}
            </span>
          </span>
        </label>
        <TextField compact id="close-follow-up" name="followUpDays" inputMode="numeric" autoComplete="off" label={c("followUpDays")} hint={c("followUpHint")} errors={err.followUpDays} />
        <TextareaField compact className="sm:col-span-2" id="close-note" name="note" rows={2} maxLength={1000} label={t("instructionPage.noteOptional")} errors={err.note} />
        <div className="sm:col-span-2">
          <SubmitButton pending={pending} pendingLabel={t("instructionPage.pending")} className={BUTTON_PRIMARY_COMPACT}>
            {c("submit")}
          </SubmitButton>
        </div>
      </form>
    </StepCard>
  );
}
