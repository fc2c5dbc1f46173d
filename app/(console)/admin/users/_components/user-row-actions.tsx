"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { userRowAction } from "../actions";
import { INITIAL_ACTION_STATE } from "@/lib/actions/initial-state";
import { FormMessage } from "@/components/ui/form-message";

interface Props {
  userId: string;
  username: string;
  version: number;
  active: boolean;
  locked: boolean;
  isSelf: boolean;
}

export function UserRowActions({ userId, username, version, active, locked, isSelf }: Props) {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState(userRowAction, INITIAL_ACTION_STATE);
  const button = (operation: string, label: string, confirmText?: string) => (
    <button
      type="submit"
      name="operation"
      value={operation}
      disabled={pending}
      onClick={(e) => {
        if (confirmText && !window.confirm(confirmText)) e.preventDefault();
      }}
      className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50"
    >
      {label}
    </button>
  );
  return (
    <form action={action} className="space-y-1" aria-label={username}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="username" value={username} />
      <input type="hidden" name="version" value={version} />
      <div className="flex flex-wrap gap-1">
        {locked ? button("unlock", t("unlock")) : null}
        {button("resetPassword", t("resetPassword"))}
        {!isSelf && active ? button("deactivate", t("deactivate"), t("confirmDeactivate")) : null}
        {!isSelf && !active ? button("reactivate", t("reactivate")) : null}
      </div>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
