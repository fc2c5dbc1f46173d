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
import { DEFAULT_TERM_MONTHS } from "@/lib/cases/request-clock";
import { fileFollowUpAction } from "../actions";

const KINDS = ["FREEZE", "RENEW", "UNFREEZE", "RETURN"] as const;

/** 冻结 / 续冻 / 解冻 / 返还 on one transfer of the case; a term for a freeze or renewal. Waits for approval. */
export function FollowUpForm({ caseId, transfers }: { caseId: string; transfers: { id: string; label: string }[] }) {
  const t = useTranslations();
  const f = (key: string) => t(`cases.followUp.${key}`);
  const { state, pending, formProps } = useFormAction(fileFollowUpAction.bind(null, caseId), { resetOnSuccess: true });
  const [kind, setKind] = useState<string>("FREEZE");
  const err = state.fieldErrors ?? {};
  const needsTerm = kind === "FREEZE" || kind === "RENEW";
  return (
    <FormCard id="follow-up" title={f("title")} show state={state}>
      <p className="text-xs text-slate-600">{f("hint")}</p>
      <form {...formProps} className="grid gap-2 sm:grid-cols-2" data-testid="follow-up-form">
        <SelectField compact className="sm:col-span-2" id="follow-up-transfer" name="transferId" defaultValue="" placeholder={t("cases.stop.choose")} label={f("transfer")} errors={err.transferId} options={transfers.map((tr) => ({ value: tr.id, label: tr.label }))} />
        <SelectField compact id="follow-up-kind" name="kind" defaultValue="FREEZE" onChange={(e) => setKind(e.target.value)} label={f("kind")} errors={err.kind} options={KINDS.map((k) => ({ value: k, label: t(`money.kind.${k}`) }))} />
        <TextField compact id="follow-up-amount" name="amountYuan" inputMode="decimal" autoComplete="off" label={f("amount")} errors={err.amountYuan} controlClassName="tabular-nums" />
        <TextField compact className={needsTerm ? "" : "hidden"} id="follow-up-term" name="termMonths" type="number" min={1} max={12} defaultValue={DEFAULT_TERM_MONTHS} label={f("term")} errors={err.termMonths} />
        <TextareaField compact className="sm:col-span-2" id="follow-up-note" name="note" rows={2} maxLength={500} label={f("note")} errors={err.note} />
        <div className="sm:col-span-2">
          <SubmitButton pending={pending} pendingLabel={f("pending")} className={BUTTON_PRIMARY_COMPACT}>
            {f("submit")}
          </SubmitButton>
        </div>
      </form>
    </FormCard>
  );
}
