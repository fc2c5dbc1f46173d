"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { createApiKeyAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY_COMPACT } from "@/components/forms/styles";
import { FormMessage } from "@/components/ui/form-message";

interface Props {
  sourceId: string;
  sourceName: string;
}

/**
 * Issues a key and shows it this once. The key lives only in this component's state: it is not
 * in the page, the URL or any store, so a reload or leaving the page loses it for good.
 */
export function CreateApiKeyForm({ sourceId, sourceName }: Props) {
  const t = useTranslations("adminConfig.sources");
  const { state, pending, formProps } = useFormAction(createApiKeyAction);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const key = state.ok ? state.data?.key : undefined;
  const showKey = key !== undefined && dismissed !== key;
  return (
    <div className="space-y-2">
      <form {...formProps} className="flex flex-wrap items-center gap-3" aria-label={t("createKeyLabel", { source: sourceName })}>
        <input type="hidden" name="sourceId" value={sourceId} />
        <SubmitButton pending={pending} className={BUTTON_PRIMARY_COMPACT}>
          {t("createKey")}
        </SubmitButton>
        {showKey ? null : <FormMessage state={state} />}
      </form>
      {showKey ? (
        <div role="status" className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="new-api-key-panel">
          <p className="font-semibold text-amber-900">{state.message}</p>
          <label htmlFor={`key-${sourceId}`} className="block text-amber-900">{t("keyLabel")}</label>
          <div className="flex flex-wrap items-center gap-2">
            <input
              id={`key-${sourceId}`}
              readOnly
              value={key}
              data-testid="new-api-key"
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded border border-amber-300 bg-white px-2 py-1 font-mono"
              autoComplete="off"
              spellCheck={false}
            />
            <button
              type="button"
              onClick={async () => {
                try {
                  await navigator.clipboard.writeText(key);
                  setCopied(key);
                } catch {
                  // No clipboard access (plain http, permissions): the field is selectable by hand.
                  setCopied(null);
                }
              }}
              className="rounded border border-amber-400 px-2 py-1 hover:bg-amber-100"
            >
              {copied === key ? t("copied") : t("copy")}
            </button>
            <button type="button" onClick={() => setDismissed(key)} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
              {t("dismissKey")}
            </button>
          </div>
          <p className="text-amber-900">{t("keyOnce")}</p>
        </div>
      ) : null}
    </div>
  );
}
