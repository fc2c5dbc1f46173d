"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormCard } from "@/components/forms/form-card";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY_COMPACT } from "@/components/forms/styles";
import type { AlertOutcome } from "@/prisma/generated/client/enums";
import { closeAlertAction } from "../actions";

const OUTCOMES: AlertOutcome[] = ["DISSUADED", "FALSE_ALARM", "UNREACHABLE", "DEFRAUDED"];

/** 办结 with an outcome; 已被骗 asks for the loss in yuan (turned into exact fen on the server). */
export function CloseForm({ alertId, version, show }: { alertId: string; version: number; show: boolean }) {
  const t = useTranslations();
  const { state, pending, formProps } = useFormAction(closeAlertAction.bind(null, alertId));
  const [outcome, setOutcome] = useState("");
  const err = state.fieldErrors ?? {};
  const needsLoss = outcome === "DEFRAUDED" || Boolean(err.lossYuan);
  return (
    <FormCard id="close" title={t("triage.close.title")} show={show} state={state}>
      <form {...formProps} className="grid gap-2 sm:grid-cols-2" data-testid="close-form">
        <input type="hidden" name="version" value={version} />
        <SelectField
          compact
          id="close-outcome"
          name="outcome"
          defaultValue=""
          onChange={(e) => setOutcome(e.target.value)}
          placeholder={t("triage.close.choose")}
          label={t("triage.close.outcome")}
          errors={err.outcome}
          options={OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
        />
        <TextField
          compact
          className={needsLoss ? "" : "hidden"}
          id="close-loss"
          name="lossYuan"
          inputMode="decimal"
          autoComplete="off"
          label={t("triage.close.loss")}
          hint={t("triage.close.lossHint")}
          errors={err.lossYuan}
          controlClassName="tabular-nums"
        />
        <TextareaField compact className="sm:col-span-2" id="close-note" name="note" rows={2} maxLength={500} label={t("triage.close.note")} errors={err.note} />
        <div className="sm:col-span-2">
          <SubmitButton pending={pending} pendingLabel={t("triage.close.pending")} className={BUTTON_PRIMARY_COMPACT}>
            {t("triage.close.submit")}
          </SubmitButton>
        </div>
      </form>
    </FormCard>
  );
}
