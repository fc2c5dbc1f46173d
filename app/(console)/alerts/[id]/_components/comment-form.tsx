"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { INITIAL_ACTION_STATE } from "@/lib/actions/initial-state";
import { FormMessage } from "@/components/ui/form-message";
import { FieldError } from "@/components/ui/field-error";
import { commentAction } from "../actions";
import { CARD, CONTROL, LABEL, SECONDARY, TITLE } from "./form-styles";

/** 备注: appended to the timeline; needs no version (comments are never edited). */
export function CommentForm({ alertId, show }: { alertId: string; show: boolean }) {
  const t = useTranslations("triage.comment");
  const [state, action, pending] = useActionState(commentAction.bind(null, alertId), INITIAL_ACTION_STATE);
  if (!show) return <FormMessage ok={state.ok} message={state.message} />;
  const kept = state.ok ? {} : (state.data ?? {});
  const err = state.fieldErrors ?? {};
  return (
    <section aria-labelledby="comment-title" className={CARD}>
      <h3 id="comment-title" className={TITLE}>
        {t("title")}
      </h3>
      <form action={action} className="space-y-2">
        <label htmlFor="comment-text" className={LABEL}>
          {t("label")}
        </label>
        <textarea
          id="comment-text"
          name="text"
          rows={2}
          maxLength={1000}
          defaultValue={kept.text ?? ""}
          placeholder={t("placeholder")}
          aria-invalid={Boolean(err.text)}
          aria-describedby="comment-text-error"
          className={CONTROL}
        />
        <FieldError id="comment-text-error" errors={err.text} />
        <button type="submit" disabled={pending} className={SECONDARY}>
          {pending ? t("pending") : t("submit")}
        </button>
        <FormMessage ok={state.ok} message={state.message} />
      </form>
    </section>
  );
}
