"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormCard } from "@/components/forms/form-card";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY_COMPACT } from "@/components/forms/styles";
import { fileCaseNumberAction } from "../actions";

/** 立案: the case number (after the stop: 先止付、再立案、后冻结); version-checked. */
export function CaseNumberForm({ caseId, version, show }: { caseId: string; version: number; show: boolean }) {
  const t = useTranslations("cases.caseNumber");
  const { state, pending, formProps } = useFormAction(fileCaseNumberAction.bind(null, caseId));
  const err = state.fieldErrors ?? {};
  return (
    <FormCard id="case-number" title={t("title")} show={show} state={state}>
      <form {...formProps} className="flex flex-wrap items-end gap-2" data-testid="case-number-form">
        <input type="hidden" name="version" value={version} />
        <TextField compact id="case-number" name="caseNumber" autoComplete="off" label={t("number")} errors={err.caseNumber} />
        <SubmitButton pending={pending} pendingLabel={t("pending")} className={BUTTON_PRIMARY_COMPACT}>
          {t("submit")}
        </SubmitButton>
      </form>
    </FormCard>
  );
}
