"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY } from "@/components/forms/styles";
import { checkInAction } from "../../actions";
import { StepCard } from "@/components/forms/step-card";

/** 到场签到: the time is the server's; the place is typed (a building, a street corner). */
export function CheckInForm({ instructionId, version, show }: { instructionId: string; version: number; show: boolean }) {
  const t = useTranslations("instructionPage.checkIn");
  const { state, pending, formProps } = useFormAction(checkInAction.bind(null, instructionId));
  return (
    <StepCard id="check-in" title={t("title")} show={show} state={state} tone="primary">
      <form {...formProps} className="space-y-2" data-testid="check-in-form">
        <input type="hidden" name="version" value={version} />
        <TextField compact id="check-in-location" name="location" maxLength={200} autoComplete="off" label={t("location")} hint={t("locationHint")} errors={state.fieldErrors?.location} />
        <SubmitButton pending={pending} pendingLabel={t("pending")} className={`${BUTTON_PRIMARY} w-full sm:w-auto`}>
          {t("submit")}
        </SubmitButton>
      </form>
    </StepCard>
  );
}
