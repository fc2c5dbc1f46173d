"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { SelectField } from "@/components/forms/select-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY_COMPACT } from "@/components/forms/styles";
import { forwardInstructionAction } from "../../actions";
import { StepCard } from "@/components/forms/step-card";

/** 转派: the district sends the instruction on to one of its stations (the deadlines keep running). */
export function ForwardForm({ instructionId, version, show, stations }: { instructionId: string; version: number; show: boolean; stations: { id: string; label: string }[] }) {
  const t = useTranslations("instructionPage");
  const { state, pending, formProps } = useFormAction(forwardInstructionAction.bind(null, instructionId));
  const err = state.fieldErrors ?? {};
  return (
    <StepCard id="forward" title={t("forward.title")} show={show} state={state} tone="primary">
      <form {...formProps} className="grid gap-2 sm:grid-cols-2" data-testid="forward-form">
        <input type="hidden" name="version" value={version} />
        <SelectField
          compact
          id="forward-station"
          name="stationId"
          defaultValue=""
          placeholder={t("choose")}
          label={t("forward.station")}
          errors={err.stationId}
          options={stations.map((s) => ({ value: s.id, label: s.label }))}
        />
        <TextareaField compact className="sm:col-span-2" id="forward-note" name="note" rows={2} maxLength={1000} label={t("noteOptional")} errors={err.note} />
        <div className="sm:col-span-2">
          <SubmitButton pending={pending} pendingLabel={t("pending")} className={BUTTON_PRIMARY_COMPACT}>
            {t("forward.submit")}
          </SubmitButton>
        </div>
      </form>
    </StepCard>
  );
}
