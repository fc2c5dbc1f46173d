"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { INITIAL_ACTION_STATE } from "@/lib/actions/initial-state";
import { FormMessage } from "@/components/ui/form-message";
import { FieldError } from "@/components/ui/field-error";
import type { ContactChannel, ContactResult } from "@/lib/generated/prisma/enums";
import { recordAttemptAction } from "../actions";
import { CARD, CONTROL, LABEL, PRIMARY, TITLE } from "./form-styles";

/** The center's own channels; 上门 (door visit) is recorded by station officers on their instructions. */
const CHANNELS: ContactChannel[] = ["PHONE", "SMS", "AI_CALL", "APP_PUSH", "RELATIVE"];
const RESULTS: ContactResult[] = ["DISSUADED", "NO_ANSWER", "DISBELIEVES", "DEFRAUDED", "WRONG_NUMBER"];

/** 记录劝阻: one contact attempt (channel, result, note). */
export function AttemptForm({ alertId, version, show }: { alertId: string; version: number; show: boolean }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(recordAttemptAction.bind(null, alertId), INITIAL_ACTION_STATE);
  if (!show) return <FormMessage ok={state.ok} message={state.message} />;
  const kept = state.ok ? {} : (state.data ?? {});
  const err = state.fieldErrors ?? {};
  return (
    <section aria-labelledby="attempt-title" className={CARD}>
      <h3 id="attempt-title" className={TITLE}>
        {t("triage.attempt.title")}
      </h3>
      <form action={action} className="grid gap-2 sm:grid-cols-2" data-testid="attempt-form">
        <input type="hidden" name="version" value={version} />
        <div>
          <label htmlFor="attempt-channel" className={LABEL}>
            {t("triage.attempt.channel")}
          </label>
          <select key={`channel-${kept.channel ?? ""}`} id="attempt-channel" name="channel" defaultValue={kept.channel ?? "PHONE"} aria-invalid={Boolean(err.channel)} aria-describedby="attempt-channel-error" className={CONTROL}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </select>
          <FieldError id="attempt-channel-error" errors={err.channel} />
        </div>
        <div>
          <label htmlFor="attempt-result" className={LABEL}>
            {t("triage.attempt.result")}
          </label>
          <select key={`result-${kept.result ?? ""}`} id="attempt-result" name="result" defaultValue={kept.result ?? ""} aria-invalid={Boolean(err.result)} aria-describedby="attempt-result-error" className={CONTROL}>
            <option value="">{t("triage.attempt.choose")}</option>
            {RESULTS.map((r) => (
              <option key={r} value={r}>
                {t(`contactResult.${r}`)}
              </option>
            ))}
          </select>
          <FieldError id="attempt-result-error" errors={err.result} />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="attempt-note" className={LABEL}>
            {t("triage.attempt.note")}
          </label>
          <textarea
            id="attempt-note"
            name="note"
            rows={2}
            maxLength={500}
            defaultValue={kept.note ?? ""}
            placeholder={t("triage.attempt.notePlaceholder")}
            aria-invalid={Boolean(err.note)}
            aria-describedby="attempt-note-error"
            className={CONTROL}
          />
          <FieldError id="attempt-note-error" errors={err.note} />
        </div>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <button type="submit" disabled={pending} className={PRIMARY}>
            {pending ? t("triage.attempt.pending") : t("triage.attempt.submit")}
          </button>
          <span className="text-xs text-slate-500">{t("triage.attempt.doorVisitLater")}</span>
        </div>
        <div className="sm:col-span-2">
          <FormMessage ok={state.ok} message={state.message} />
        </div>
      </form>
    </section>
  );
}
