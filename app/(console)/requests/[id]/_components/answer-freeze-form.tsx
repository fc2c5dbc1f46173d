"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY } from "@/components/forms/styles";
import { StepCard } from "@/components/forms/step-card";
import { answerFreezeAction } from "../actions";
import { RepeatingRows } from "./repeating-rows";

/** 冻结/续冻结果: the amount frozen, the balance the bank reports, and earlier freezes by other authorities. */
export function AnswerFreezeForm({ requestId, version, amountYuan }: { requestId: string; version: number; amountYuan: string }) {
  const t = useTranslations("bankRequestPage.answerFreeze");
  const { state, pending, formProps } = useFormAction(answerFreezeAction.bind(null, requestId, String(version)));
  const errors = state.fieldErrors;
  return (
    <StepCard id="answer-freeze" title={t("title")} show state={state} tone="primary">
      <form {...formProps} className="space-y-3" data-testid="answer-freeze-form">
        <TextField compact id="freeze-frozen" name="frozenYuan" label={t("frozenYuan")} defaultValue={amountYuan} inputMode="decimal" errors={errors?.frozenYuan} />
        <TextField compact id="freeze-balance" name="balanceYuan" label={t("balanceYuan")} hint={t("balanceHint")} inputMode="decimal" errors={errors?.balanceYuan} />
        <div className="space-y-1">
          <p className="text-sm font-medium text-slate-700">{t("earlierFreezes")}</p>
          <RepeatingRows
            name="earlierFreezes"
            addLabel={t("addEarlier")}
            errors={errors}
            columns={[
              { name: "amountYuan", label: t("amountYuan"), inputMode: "decimal" },
              { name: "until", label: t("until"), type: "date" },
              { name: "by", label: t("by") },
            ]}
          />
        </div>
        <TextareaField compact id="freeze-note" name="note" rows={2} maxLength={500} label={t("note")} errors={errors?.note} />
        <SubmitButton pending={pending} pendingLabel={t("pending")} className={`${BUTTON_PRIMARY} w-full sm:w-auto`}>
          {t("submit")}
        </SubmitButton>
      </form>
    </StepCard>
  );
}
