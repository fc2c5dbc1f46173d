"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setSourceActiveAction } from "../actions";
import { INITIAL_ACTION_STATE } from "@/lib/actions/initial-state";
import { FormMessage } from "@/components/ui/form-message";

interface Props {
  sourceId: string;
  sourceName: string;
  active: boolean;
}

export function SourceActiveToggle({ sourceId, sourceName, active }: Props) {
  const t = useTranslations("adminConfig.sources");
  const [state, action, pending] = useActionState(setSourceActiveAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="space-y-1" aria-label={t("toggleLabel", { source: sourceName })}>
      <input type="hidden" name="sourceId" value={sourceId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        onClick={(e) => {
          if (active && !window.confirm(t("confirmDeactivate"))) e.preventDefault();
        }}
        className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50"
      >
        {active ? t("deactivate") : t("activate")}
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
