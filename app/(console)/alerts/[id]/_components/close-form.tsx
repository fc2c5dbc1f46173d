"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { INITIAL_ACTION_STATE } from "@/lib/actions/initial-state";
import { FormMessage } from "@/components/ui/form-message";
import { FieldError } from "@/components/ui/field-error";
import type { AlertOutcome } from "@/lib/generated/prisma/enums";
import { closeAlertAction } from "../actions";
import { CARD, CONTROL, LABEL, PRIMARY, TITLE } from "./form-styles";

const OUTCOMES: AlertOutcome[] = ["DISSUADED", "FALSE_ALARM", "UNREACHABLE", "DEFRAUDED"];

/** 办结 with an outcome; 已被骗 asks for the loss in yuan (turned into exact fen on the server). */
export function CloseForm({ alertId, version, show }: { alertId: string; version: number; show: boolean }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(closeAlertAction.bind(null, alertId), INITIAL_ACTION_STATE);
  const kept = state.ok ? {} : (state.data ?? {});
  const [outcome, setOutcome] = useState<string>(kept.outcome ?? "");
  if (!show) return <FormMessage ok={state.ok} message={state.message} />;
  const err = state.fieldErrors ?? {};
  const needsLoss = outcome === "DEFRAUDED" || Boolean(err.lossYuan);
  return (
    <section aria-labelledby="close-title" className={CARD}>
      <h3 id="close-title" className={TITLE}>
        {t("triage.close.title")}
      </h3>
      <form action={action} className="grid gap-2 sm:grid-cols-2" data-testid="close-form">
        <input type="hidden" name="version" value={version} />
        <div>
          <label htmlFor="close-outcome" className={LABEL}>
            {t("triage.close.outcome")}
          </label>
          <select
            key={`outcome-${kept.outcome ?? ""}`}
            id="close-outcome"
            name="outcome"
            defaultValue={kept.outcome ?? ""}
            onChange={(e) => setOutcome(e.target.value)}
            aria-invalid={Boolean(err.outcome)}
            aria-describedby="close-outcome-error"
            className={CONTROL}
          >
            <option value="">{t("triage.close.choose")}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`outcome.${o}`)}
              </option>
            ))}
          </select>
          <FieldError id="close-outcome-error" errors={err.outcome} />
        </div>
        <div className={needsLoss ? "" : "hidden"}>
          <label htmlFor="close-loss" className={LABEL}>
            {t("triage.close.loss")}
          </label>
          <input
            id="close-loss"
            name="lossYuan"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={kept.lossYuan ?? ""}
            aria-invalid={Boolean(err.lossYuan)}
            aria-describedby="close-loss-hint close-loss-error"
            className={`${CONTROL} tabular-nums`}
          />
          <p id="close-loss-hint" className="mt-1 text-xs text-slate-500">
            {t("triage.close.lossHint")}
          </p>
          <FieldError id="close-loss-error" errors={err.lossYuan} />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="close-note" className={LABEL}>
            {t("triage.close.note")}
          </label>
          <textarea id="close-note" name="note" rows={2} maxLength={500} defaultValue={kept.note ?? ""} aria-invalid={Boolean(err.note)} aria-describedby="close-note-error" className={CONTROL} />
          <FieldError id="close-note-error" errors={err.note} />
        </div>
        <div className="sm:col-span-2">
          <button type="submit" disabled={pending} className={PRIMARY}>
            {pending ? t("triage.close.pending") : t("triage.close.submit")}
          </button>
        </div>
        <div className="sm:col-span-2">
          <FormMessage ok={state.ok} message={state.message} />
        </div>
      </form>
    </section>
  );
}
