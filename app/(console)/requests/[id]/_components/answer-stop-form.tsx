"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY } from "@/components/forms/styles";
import { StepCard } from "@/components/forms/step-card";
import { answerStopAction } from "../actions";
import { RepeatingRows } from "./repeating-rows";

type Extent = "full" | "part" | "none";

/**
 * 止付结果: stopped in full, in part or nothing (the money had all moved on), the balance the bank
 * reports, and 资金流出 — each next account the money went to, which becomes a stop to its bank.
 * A protective stop (the warned person's own account) has no next accounts.
 */
export function AnswerStopForm({ requestId, version, amountYuan, protective, institutions }: { requestId: string; version: number; amountYuan: string; protective: boolean; institutions: { id: string; name: string }[] }) {
  const t = useTranslations("bankRequestPage.answerStop");
  const { state, pending, formProps } = useFormAction(answerStopAction.bind(null, requestId, String(version)));
  const [extent, setExtent] = useState<Extent>("full");
  const [part, setPart] = useState("");
  const stopped = extent === "full" ? amountYuan : extent === "none" ? "0" : part;
  const errors = state.fieldErrors;
  return (
    <StepCard id="answer-stop" title={t("title")} show state={state} tone="primary">
      <form {...formProps} className="space-y-3" data-testid="answer-stop-form">
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("extent")}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {(["full", "part", "none"] as const).map((e) => (
              <label key={e} className="inline-flex min-h-11 items-center gap-2 text-sm sm:min-h-0">
                <input type="radio" name="extent" value={e} checked={extent === e} onChange={() => setExtent(e)} />
                {t(`extents.${e}`, { amount: amountYuan })}
              </label>
            ))}
          </div>
        </fieldset>
        <input type="hidden" name="stoppedYuan" value={stopped} />
        {extent === "part" ? (
          <TextField compact id="stop-part" label={t("stoppedYuan")} inputMode="decimal" value={part} onChange={(e) => setPart(e.target.value)} errors={errors?.stoppedYuan} />
        ) : (
          <div id="stop-errors">{errors?.stoppedYuan ? <p className="text-sm text-red-700">{errors.stoppedYuan.join(" ")}</p> : null}</div>
        )}
        <TextField compact id="stop-balance" name="balanceYuan" label={t("balanceYuan")} hint={t("balanceHint")} inputMode="decimal" errors={errors?.balanceYuan} />
        {protective ? null : (
          <div className="space-y-1">
            <p className="text-sm font-medium text-slate-700">{t("movedOn")}</p>
            <p className="text-xs text-slate-500">{t("movedOnHint")}</p>
            <RepeatingRows
              name="movedOn"
              addLabel={t("addMovedOn")}
              errors={errors}
              columns={[
                { name: "bankId", label: t("institution"), type: "select", options: institutions.map((b) => ({ value: b.id, label: b.name })) },
                { name: "account", label: t("account") },
                { name: "holder", label: t("holder") },
                { name: "amountYuan", label: t("amountYuan"), inputMode: "decimal" },
                { name: "transferredAt", label: t("transferredAt"), type: "datetime-local" },
              ]}
            />
          </div>
        )}
        <TextareaField compact id="stop-note" name="note" rows={2} maxLength={500} label={t("note")} errors={errors?.note} />
        <SubmitButton pending={pending} pendingLabel={t("pending")} className={`${BUTTON_PRIMARY} w-full sm:w-auto`}>
          {t("submit")}
        </SubmitButton>
      </form>
    </StepCard>
  );
}
