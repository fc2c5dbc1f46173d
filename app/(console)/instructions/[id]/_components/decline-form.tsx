"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { SelectField } from "@/components/forms/select-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_DANGER_COMPACT } from "@/components/forms/styles";
import type { DeclineReason } from "@/prisma/generated/client/enums";
import { declineInstructionAction } from "../../actions";
import { StepCard } from "@/components/forms/step-card";

const REASONS: DeclineReason[] = ["NOT_OUR_JURISDICTION", "WRONG_PERSON"];

/**
 * 退回: not our jurisdiction (naming the station it belongs to) or wrong person. It goes back to
 * the issuer, who stays responsible until another station signs (首接负责制).
 */
export function DeclineForm({ instructionId, version, show, stations }: { instructionId: string; version: number; show: boolean; stations: { id: string; label: string }[] }) {
  const t = useTranslations();
  const { state, pending, formProps } = useFormAction(declineInstructionAction.bind(null, instructionId));
  const [reason, setReason] = useState("");
  const err = state.fieldErrors ?? {};
  const needsStation = reason === "NOT_OUR_JURISDICTION" || Boolean(err.suggestedStationId);
  return (
    <StepCard id="decline" title={t("instructionPage.decline.title")} show={show} state={state} folded>
      <p className="text-xs text-slate-600">{t("instructionPage.decline.hint")}</p>
      <form {...formProps} className="grid gap-2 sm:grid-cols-2" data-testid="decline-form">
        <input type="hidden" name="version" value={version} />
        <SelectField
          compact
          id="decline-reason"
          name="reason"
          defaultValue=""
          onChange={(e) => setReason(e.target.value)}
          placeholder={t("instructionPage.choose")}
          label={t("instructionPage.decline.reason")}
          errors={err.reason}
          options={REASONS.map((r) => ({ value: r, label: t(`instructions.declineReason.${r}`) }))}
        />
        <SelectField
          compact
          className={needsStation ? "" : "hidden"}
          id="decline-station"
          name="suggestedStationId"
          defaultValue=""
          placeholder={t("instructionPage.choose")}
          label={t("instructionPage.decline.suggestedStation")}
          errors={err.suggestedStationId}
          options={stations.map((s) => ({ value: s.id, label: s.label }))}
        />
        <TextareaField compact className="sm:col-span-2" id="decline-note" name="note" rows={2} maxLength={1000} label={t("instructionPage.decline.note")} errors={err.note} />
        <div className="sm:col-span-2">
          <SubmitButton pending={pending} pendingLabel={t("instructionPage.pending")} className={`${BUTTON_DANGER_COMPACT} w-full sm:w-auto`}>
            {t("instructionPage.decline.submit")}
          </SubmitButton>
        </div>
      </form>
    </StepCard>
  );
}
