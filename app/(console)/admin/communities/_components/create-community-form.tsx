"use client";

import { startTransition, useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { createCommunityAction } from "../actions";
import { INITIAL_ACTION_STATE } from "@/lib/actions/initial-state";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";

interface Props {
  stations: { id: string; label: string }[];
}

export function CreateCommunityForm({ stations }: Props) {
  const t = useTranslations("adminConfig");
  const [state, action, pending] = useActionState(createCommunityAction, INITIAL_ACTION_STATE);
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
    <form ref={formRef} onSubmit={submit} className="grid gap-3 md:grid-cols-3" noValidate aria-label={t("communities.createTitle")}>
      <div>
        <label htmlFor="cc-street" className="text-sm">{t("communities.street")}</label>
        <input id="cc-street" name="street" className={input} aria-describedby="cc-street-error" autoComplete="off" />
        <FieldError id="cc-street-error" errors={err.street} />
      </div>
      <div>
        <label htmlFor="cc-name" className="text-sm">{t("communities.name")}</label>
        <input id="cc-name" name="name" className={input} aria-describedby="cc-name-error" autoComplete="off" />
        <FieldError id="cc-name-error" errors={err.name} />
      </div>
      <div>
        <label htmlFor="cc-station" className="text-sm">{t("communities.station")}</label>
        <select id="cc-station" name="stationId" className={input} defaultValue="" aria-describedby="cc-station-error">
          <option value="">{t("choose")}</option>
          {stations.map((s) => (
            <option key={s.id} value={s.id}>{s.label}</option>
          ))}
        </select>
        <FieldError id="cc-station-error" errors={err.stationId} />
      </div>
      <div className="flex items-center gap-4 md:col-span-3">
        <button type="submit" disabled={pending} className="rounded bg-police-700 px-4 py-1.5 text-white hover:bg-police-800 disabled:opacity-60">
          {t("communities.create")}
        </button>
        <FormMessage ok={state.ok} message={state.message} />
      </div>
    </form>
  );
}
