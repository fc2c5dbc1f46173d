"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { revokeApiKeyAction } from "../actions";
import { INITIAL_ACTION_STATE } from "@/lib/actions/initial-state";
import { FormMessage } from "@/components/ui/form-message";

interface Props {
  keyId: string;
  prefix: string;
}

export function RevokeApiKeyButton({ keyId, prefix }: Props) {
  const t = useTranslations("adminConfig.sources");
  const [state, action, pending] = useActionState(revokeApiKeyAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="space-y-1" aria-label={t("revokeLabel", { prefix })}>
      <input type="hidden" name="keyId" value={keyId} />
      <button
        type="submit"
        disabled={pending}
        onClick={(e) => {
          if (!window.confirm(t("confirmRevoke", { prefix }))) e.preventDefault();
        }}
        className="rounded border border-red-300 px-2 py-0.5 text-xs text-red-800 hover:bg-red-50 disabled:opacity-50"
      >
        {t("revoke")}
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
