"use client";

import { startTransition, useActionState } from "react";
import { useTranslations } from "next-intl";
import { updatePlaybookAction } from "../actions";
import { INITIAL_ACTION_STATE } from "@/lib/actions/initial-state";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";

interface Props {
  fraudType: string;
  version: number;
  title: string;
  content: string;
  maxLength: number;
}

export function PlaybookForm({ fraudType, version, title, content, maxLength }: Props) {
  const t = useTranslations("adminConfig.playbooks");
  const [state, action, pending] = useActionState(updatePlaybookAction, INITIAL_ACTION_STATE);
  // Submitted by hand (not `action={…}`): a refused save (conflict, validation) keeps the text.
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => action(data));
  };
  const err = state.fieldErrors ?? {};
  const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1";
  return (
    <form onSubmit={submit} noValidate aria-label={t("formLabel")} className="space-y-4">
      <input type="hidden" name="fraudType" value={fraudType} />
      <input type="hidden" name="version" value={version} />
      <div>
        <label htmlFor="pb-title" className="text-sm">{t("titleLabel")}</label>
        <input id="pb-title" name="title" defaultValue={title} maxLength={100} className={input} aria-describedby="pb-title-error" />
        <FieldError id="pb-title-error" errors={err.title} />
      </div>
      <div>
        <label htmlFor="pb-content" className="text-sm">{t("contentLabel")}</label>
        <textarea
          id="pb-content"
          name="content"
          defaultValue={content}
          rows={20}
          maxLength={maxLength}
          className={`${input} font-sans leading-relaxed`}
          aria-describedby="pb-content-hint pb-content-error"
        />
        <p id="pb-content-hint" className="mt-1 text-xs text-slate-500">{t("contentHint", { max: maxLength })}</p>
        <FieldError id="pb-content-error" errors={err.content} />
      </div>
      <div className="flex items-center gap-4">
        <button type="submit" disabled={pending} className="rounded bg-police-700 px-4 py-1.5 text-white hover:bg-police-800 disabled:opacity-60">
          {t("save")}
        </button>
        <FormMessage ok={state.ok} message={state.message} />
      </div>
    </form>
  );
}
