"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormCard } from "@/components/forms/form-card";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_SECONDARY_COMPACT } from "@/components/forms/styles";
import { commentAction } from "../actions";

/** 备注: appended to the timeline; needs no version (comments are never edited). */
export function CommentForm({ alertId, show }: { alertId: string; show: boolean }) {
  const t = useTranslations("triage.comment");
  const { state, pending, formProps } = useFormAction(commentAction.bind(null, alertId), { resetOnSuccess: true });
  return (
    <FormCard id="comment" title={t("title")} show={show} state={state}>
      <form {...formProps} className="space-y-2">
        <TextareaField compact id="comment-text" name="text" rows={2} maxLength={1000} placeholder={t("placeholder")} label={t("label")} errors={state.fieldErrors?.text} />
        <SubmitButton pending={pending} pendingLabel={t("pending")} className={BUTTON_SECONDARY_COMPACT}>
          {t("submit")}
        </SubmitButton>
      </form>
    </FormCard>
  );
}
