"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { markAllNotificationsReadAction } from "../actions";

/** 全部标为已读. */
export function MarkAllReadButton() {
  const t = useTranslations("notifications");
  const { state, pending, formProps } = useFormAction(markAllNotificationsReadAction);
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-3">
      <SubmitButton pending={pending} pendingLabel={t("markAllPending")} className="min-h-11 rounded border border-slate-300 bg-white px-3 text-sm text-slate-800 hover:bg-slate-50 disabled:opacity-60">
        {t("markAll")}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
