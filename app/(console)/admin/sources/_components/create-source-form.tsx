"use client";

import { startTransition, useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { createSourceAction } from "../actions";
import { INITIAL_ACTION_STATE } from "@/lib/actions/initial-state";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";

interface Props {
  kinds: { value: string; label: string }[];
}

export function CreateSourceForm({ kinds }: Props) {
  const t = useTranslations("adminConfig");
  const [state, action, pending] = useActionState(createSourceAction, INITIAL_ACTION_STATE);
  const formRef = useRef<HTMLFormElement>(null);
  // Submitted by hand (not `action={…}`) so that a refused form keeps what was typed.
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => action(data));
  };
  useEffect(() => {
    if (state.ok) formRef.current?.reset();
  }, [state]);
  const err = state.fieldErrors ?? {};
  const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1";
  return (
    <form ref={formRef} onSubmit={submit} className="grid gap-3 md:grid-cols-3" noValidate aria-label={t("sources.createTitle")}>
      <div>
        <label htmlFor="cs-code" className="text-sm">{t("sources.code")}</label>
        <input id="cs-code" name="code" className={`${input} font-mono`} aria-describedby="cs-code-hint cs-code-error" autoComplete="off" />
        <p id="cs-code-hint" className="mt-1 text-xs text-slate-500">{t("sources.codeHint")}</p>
        <FieldError id="cs-code-error" errors={err.code} />
      </div>
      <div>
        <label htmlFor="cs-name" className="text-sm">{t("sources.name")}</label>
        <input id="cs-name" name="name" className={input} aria-describedby="cs-name-error" autoComplete="off" />
        <FieldError id="cs-name-error" errors={err.name} />
      </div>
      <div>
        <label htmlFor="cs-kind" className="text-sm">{t("sources.kind")}</label>
        <select id="cs-kind" name="kind" className={input} defaultValue="" aria-describedby="cs-kind-error">
          <option value="">{t("choose")}</option>
          {kinds.map((k) => (
            <option key={k.value} value={k.value}>{k.label}</option>
          ))}
        </select>
        <FieldError id="cs-kind-error" errors={err.kind} />
      </div>
      <div className="flex items-center gap-4 md:col-span-3">
        <button type="submit" disabled={pending} className="rounded bg-police-700 px-4 py-1.5 text-white hover:bg-police-800 disabled:opacity-60">
          {t("sources.create")}
        </button>
        <FormMessage ok={state.ok} message={state.message} />
      </div>
    </form>
  );
}
