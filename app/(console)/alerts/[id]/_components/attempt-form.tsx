"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormCard } from "@/components/forms/form-card";
import { SelectField } from "@/components/forms/select-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY_COMPACT } from "@/components/forms/styles";
import type { ContactChannel, ContactResult } from "@/prisma/generated/client/enums";
import { recordAttemptAction } from "../actions";

/** The center's own channels; 上门 (door visit) is recorded by station officers on their instructions. */
const CHANNELS: ContactChannel[] = ["PHONE", "SMS", "AI_CALL", "APP_PUSH", "RELATIVE"];
const RESULTS: ContactResult[] = ["DISSUADED", "NO_ANSWER", "DISBELIEVES", "DEFRAUDED", "WRONG_NUMBER"];

/** 记录劝阻: one contact attempt (channel, result, note). Emptied after each saved attempt. */
export function AttemptForm({ alertId, version, show }: { alertId: string; version: number; show: boolean }) {
  const t = useTranslations();
  const { state, pending, formProps } = useFormAction(recordAttemptAction.bind(null, alertId), { resetOnSuccess: true });
  const err = state.fieldErrors ?? {};
  return (
    <FormCard id="attempt" title={t("triage.attempt.title")} show={show} state={state}>
      <form {...formProps} className="grid gap-2 sm:grid-cols-2" data-testid="attempt-form">
        <input type="hidden" name="version" value={version} />
        <SelectField
          compact
          id="attempt-channel"
          name="channel"
          defaultValue="PHONE"
          label={t("triage.attempt.channel")}
          errors={err.channel}
          options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
        />
        <SelectField
          compact
          id="attempt-result"
          name="result"
          defaultValue=""
          placeholder={t("triage.attempt.choose")}
          label={t("triage.attempt.result")}
          errors={err.result}
          options={RESULTS.map((r) => ({ value: r, label: t(`contactResult.${r}`) }))}
        />
        <TextareaField
          compact
          className="sm:col-span-2"
          id="attempt-note"
          name="note"
          rows={2}
          maxLength={500}
          placeholder={t("triage.attempt.notePlaceholder")}
          label={t("triage.attempt.note")}
          errors={err.note}
        />
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <SubmitButton pending={pending} pendingLabel={t("triage.attempt.pending")} className={BUTTON_PRIMARY_COMPACT}>
            {t("triage.attempt.submit")}
          </SubmitButton>
          <span className="text-xs text-slate-500">{t("triage.attempt.doorVisitLater")}</span>
        </div>
      </form>
    </FormCard>
  );
}
