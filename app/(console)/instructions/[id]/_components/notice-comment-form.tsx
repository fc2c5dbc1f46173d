"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_SECONDARY_COMPACT } from "@/components/forms/styles";
import { noticeCommentAction } from "../../actions";
import { StepCard } from "@/components/forms/step-card";

/** 督办意见 on the supervision notice, optionally requiring the station's reply. */
export function NoticeCommentForm({ instructionId, show, replyPending }: { instructionId: string; show: boolean; replyPending: boolean }) {
  const t = useTranslations("instructionPage.noticeComment");
  const { state, pending, formProps } = useFormAction(noticeCommentAction.bind(null, instructionId), { resetOnSuccess: true });
  return (
    <StepCard id="notice-comment" title={t("title")} show={show} state={state} folded>
      <form {...formProps} className="space-y-2" data-testid="notice-comment-form">
        <TextareaField compact id="notice-comment" name="text" rows={3} maxLength={1000} label={t("text")} errors={state.fieldErrors?.text} />
        {replyPending ? (
          <p className="text-xs text-slate-600">{t("replyPending")}</p>
        ) : (
          <label className="flex min-h-11 items-center gap-2 text-sm sm:min-h-0">
            <input type="checkbox" name="requireReply" className="h-5 w-5" />
            {t("requireReply")}
          </label>
        )}
        <SubmitButton pending={pending} pendingLabel={t("pending")} className={BUTTON_SECONDARY_COMPACT}>
          {t("submit")}
        </SubmitButton>
      </form>
    </StepCard>
  );
}
