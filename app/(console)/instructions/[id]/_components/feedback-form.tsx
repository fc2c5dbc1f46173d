"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FieldError } from "@/components/ui/field-error";
import { BUTTON_PRIMARY, LABEL_COMPACT } from "@/components/forms/styles";
import { FEEDBACK_CHECKS, FEEDBACK_OUTCOMES } from "@/lib/instructions/feedback-outcome";
import { formatShanghai } from "@/lib/time";
import { reportFeedbackAction, saveFeedbackDraftAction } from "../../actions";
import { StepCard } from "@/components/forms/step-card";

/** How long typing must pause before the draft is saved. */
const DRAFT_DELAY_MS = 1500;

type Draft = Record<string, unknown> | null;

const text = (draft: Draft, key: string): string => (typeof draft?.[key] === "string" ? (draft[key] as string) : "");
const list = (draft: Draft, key: string): string[] => (Array.isArray(draft?.[key]) ? (draft[key] as unknown[]).filter((v): v is string => typeof v === "string") : []);

const CHOICE = "flex min-h-11 items-center gap-2 rounded border border-slate-200 bg-white px-3 text-sm sm:min-h-0 sm:border-0 sm:bg-transparent sm:px-0";

/**
 * 反馈: met the person or not, what was checked on their phone, the outcome, the loss avoided or
 * suffered, a note. What is typed is saved on the server as a draft once typing pauses (and when
 * the page is left), and comes back from `draft` when the page is opened again: a lost
 * connection or a sign-out after a long visit loses nothing.
 */
export function FeedbackForm({
  instructionId,
  version,
  show,
  draft,
  draftSavedAt,
}: {
  instructionId: string;
  version: number;
  show: boolean;
  draft: Draft;
  draftSavedAt: string | null;
}) {
  const t = useTranslations();
  const f = (key: string, values?: Record<string, string | number>) => t(`instructionPage.feedback.${key}`, values);
  const { state, pending, formProps } = useFormAction(reportFeedbackAction.bind(null, instructionId));
  const saveDraft = useMemo(() => saveFeedbackDraftAction.bind(null, instructionId), [instructionId]);
  const [outcome, setOutcome] = useState(text(draft, "outcome"));
  const [saved, setSaved] = useState<{ at: string | null; failed: boolean }>({ at: draftSavedAt, failed: false });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { ref: formRef, action, onSubmit: submitForm } = formProps;
  const err = state.fieldErrors ?? {};

  const flush = useCallback(async () => {
    timer.current = null;
    const form = formRef.current;
    if (!form) return;
    const data = new FormData(form);
    data.delete("version");
    try {
      const answer = await saveDraft(data);
      const at = answer.ok ? answer.data?.savedAt : undefined;
      setSaved((s) => (at ? { at, failed: false } : { ...s, failed: true }));
    } catch {
      setSaved((s) => ({ ...s, failed: true }));
    }
  }, [formRef, saveDraft]);

  const schedule = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), DRAFT_DELAY_MS);
  };

  // Leaving the page (or the phone locking it away) with typing not yet saved: save it now.
  useEffect(() => {
    const now = () => {
      if (!timer.current) return;
      clearTimeout(timer.current);
      void flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") now();
    };
    window.addEventListener("pagehide", now);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", now);
      document.removeEventListener("visibilitychange", onVisibility);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [flush]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // The feedback itself replaces the draft: no draft save may follow it.
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    submitForm(event);
  };

  const metPerson = text(draft, "metPerson");
  const checks = list(draft, "checks");
  return (
    <StepCard id="feedback" title={f("title")} show={show} state={state} tone="primary">
      <form ref={formRef} action={action} onSubmit={onSubmit} onChange={schedule} className="grid gap-3 sm:grid-cols-2" data-testid="feedback-form">
        <input type="hidden" name="version" value={version} />
        <fieldset className="sm:col-span-2" aria-describedby="feedback-met-error">
          <legend className={LABEL_COMPACT}>{f("metPerson")}</legend>
          <div className="mt-1 flex flex-wrap gap-2 sm:gap-4">
            <label className={CHOICE}>
              <input type="radio" name="metPerson" value="yes" defaultChecked={metPerson === "yes"} className="h-5 w-5" />
              {f("met")}
            </label>
            <label className={CHOICE}>
              <input type="radio" name="metPerson" value="no" defaultChecked={metPerson === "no"} className="h-5 w-5" />
              {f("notMet")}
            </label>
          </div>
          <FieldError id="feedback-met-error" errors={err.metPerson} />
        </fieldset>
        <fieldset className="sm:col-span-2">
          <legend className={LABEL_COMPACT}>{f("checks")}</legend>
          <div className="mt-1 grid gap-2 sm:flex sm:flex-wrap sm:gap-4">
            {FEEDBACK_CHECKS.map((c) => (
              <label key={c} className={CHOICE}>
                <input type="checkbox" name="checks" value={c} defaultChecked={checks.includes(c)} className="h-5 w-5" />
                {t(`instructions.check.${c}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <SelectField
          compact
          id="feedback-outcome"
          name="outcome"
          defaultValue={outcome}
          onChange={(e) => setOutcome(e.target.value)}
          placeholder={t("instructionPage.choose")}
          label={f("outcome")}
          errors={err.outcome}
          options={FEEDBACK_OUTCOMES.map((o) => ({ value: o, label: t(`instructions.feedbackOutcome.${o}`) }))}
        />
        <TextField
          compact
          className={outcome === "DISSUADED" || err.lossAvoidedYuan ? "" : "hidden"}
          id="feedback-loss-avoided"
          name="lossAvoidedYuan"
          defaultValue={text(draft, "lossAvoidedYuan")}
          inputMode="decimal"
          autoComplete="off"
          label={f("lossAvoided")}
          hint={f("yuanHint")}
          errors={err.lossAvoidedYuan}
          controlClassName="tabular-nums"
        />
        <TextField
          compact
          className={outcome === "DEFRAUDED" || err.lossYuan ? "" : "hidden"}
          id="feedback-loss"
          name="lossYuan"
          defaultValue={text(draft, "lossYuan")}
          inputMode="decimal"
          autoComplete="off"
          label={f("loss")}
          hint={f("yuanHint")}
          errors={err.lossYuan}
          controlClassName="tabular-nums"
        />
        <TextareaField
          compact
          className="sm:col-span-2"
          id="feedback-note"
          name="note"
          rows={4}
          maxLength={2000}
          defaultValue={text(draft, "note")}
          label={f("note")}
          placeholder={f("notePlaceholder")}
          errors={err.note}
        />
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <SubmitButton pending={pending} pendingLabel={f("pending")} className={`${BUTTON_PRIMARY} w-full sm:w-auto`}>
            {f("submit")}
          </SubmitButton>
          <p role="status" aria-live="polite" className={`text-xs ${saved.failed ? "text-red-700" : "text-slate-600"}`} data-testid="draft-status">
            {saved.failed ? f("draftFailed") : saved.at ? f("draftSaved", { time: formatShanghai(saved.at).slice(11, 16) }) : f("draftHint")}
          </p>
        </div>
      </form>
    </StepCard>
  );
}
