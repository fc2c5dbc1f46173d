"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY } from "@/components/forms/styles";
import { noticeReplyAction } from "../../actions";
import { StepCard } from "@/components/forms/step-card";

/** 回复督办: the station answers the supervision notice (督办单) when a reply was required. */
export function NoticeReplyForm({ instructionId, show }: { instructionId: string; show: boolean }) {
  const t = useTranslations("instructionPage.noticeReply");
  const { state, pending, formProps } = useFormAction(noticeReplyAction.bind(null, instructionId), { resetOnSuccess: true });
  return (
    <StepCard id="notice-reply" title={t("title")} show={show} state={state} tone="primary">
      <form {...formProps} className="space-y-2" data-testid="notice-reply-form">
        <TextareaField compact id="notice-reply" name="reply" rows={3} maxLength={2000} label={t("reply")} errors={state.fieldErrors?.reply} />
        <SubmitButton pending={pending} pendingLabel={t("pending")} className={`${BUTTON_PRIMARY} w-full sm:w-auto`}>
          {t("submit")}
        </SubmitButton>
      </form>
    </StepCard>
  );
}
