"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FieldError } from "@/components/ui/field-error";
import { searchByPhoneAction, type PhoneSearchState } from "../actions";
import { QueueTable } from "./queue-table";

const INITIAL: PhoneSearchState = { ok: false };

/** Exact search by the person's phone, by POST (never in the URL); lists their open alerts. */
export function PhoneSearch({ currentUserId }: { currentUserId: string }) {
  const t = useTranslations("queue.phoneSearch");
  const [state, action, pending] = useActionState(searchByPhoneAction, INITIAL);
  const phone = state.data?.phone ?? "";
  const error = state.fieldErrors?.phone ?? (!state.ok && state.message ? [state.message] : undefined);
  return (
    <section aria-labelledby="phone-search-title" className="space-y-3 rounded border border-slate-200 bg-white p-3">
      <form action={action} className="flex flex-wrap items-end gap-3">
        <h2 id="phone-search-title" className="w-full text-sm font-semibold text-slate-700">
          {t("title")}
        </h2>
        <div>
          <label htmlFor="phone-search" className="block text-xs text-slate-600">
            {t("label")}
          </label>
          <input
            id="phone-search"
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            placeholder={t("placeholder")}
            aria-describedby="phone-search-error phone-search-hint"
            className="w-48 rounded border border-slate-300 px-2 py-1 tabular-nums"
          />
        </div>
        <button type="submit" disabled={pending} className="rounded bg-police-700 px-3 py-1 text-white hover:bg-police-800 disabled:opacity-60">
          {pending ? t("pending") : t("submit")}
        </button>
        <p id="phone-search-hint" className="text-xs text-slate-500">
          {t("hint")}
        </p>
        <div className="w-full">
          <FieldError id="phone-search-error" errors={error} />
        </div>
      </form>
      <div aria-live="polite">
        {state.ok && state.results ? (
          state.results.length === 0 ? (
            <p className="text-sm text-slate-600" data-testid="phone-search-empty">
              {t("none", { phone })}
            </p>
          ) : (
            <div className="space-y-2" data-testid="phone-search-results">
              <p className="text-sm text-slate-700">{t("results", { phone, count: state.results.length })}</p>
              <QueueTable items={state.results} currentUserId={currentUserId} keyboard={false} label={t("results", { phone, count: state.results.length })} />
            </div>
          )
        ) : null}
      </div>
    </section>
  );
}
