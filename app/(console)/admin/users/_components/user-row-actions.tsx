"use client";

import { useTranslations } from "next-intl";
import { userRowAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_ROW } from "@/components/forms/styles";
import { FormMessage } from "@/components/ui/form-message";

interface Props {
  userId: string;
  username: string;
  version: number;
  active: boolean;
  locked: boolean;
  isSelf: boolean;
  /** The system administrator's buttons (reset, deactivate, reactivate). */
  manage: boolean;
  /** The security administrator's button (unlock). */
  unlock: boolean;
}

export function UserRowActions({ userId, username, version, active, locked, isSelf, manage, unlock }: Props) {
  const t = useTranslations("admin");
  const { state, pending, formProps } = useFormAction(userRowAction);
  const button = (operation: string, label: string, confirmText?: string) => (
    <SubmitButton
      name="operation"
      value={operation}
      pending={pending}
      onClick={(e) => {
        if (confirmText && !window.confirm(confirmText)) e.preventDefault();
      }}
      className={BUTTON_ROW}
    >
      {label}
    </SubmitButton>
  );
  return (
    <form {...formProps} className="space-y-1" aria-label={username}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="username" value={username} />
      <input type="hidden" name="version" value={version} />
      <div className="flex flex-wrap gap-1">
        {unlock && locked ? button("unlock", t("unlock")) : null}
        {manage ? button("resetPassword", t("resetPassword")) : null}
        {manage && !isSelf && active ? button("deactivate", t("deactivate"), t("confirmDeactivate")) : null}
        {manage && !isSelf && !active ? button("reactivate", t("reactivate")) : null}
      </div>
      <FormMessage state={state} />
    </form>
  );
}
