"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { openNotificationAction } from "../actions";

/** 查看指令 (or 查看请求): marks the notification read and opens what it names (a POST: reading it is a change). */
export function OpenNotificationButton({ notificationId, label, text }: { notificationId: string; label: string; text?: string }) {
  const t = useTranslations("notifications");
  const { state, pending, formProps } = useFormAction(openNotificationAction.bind(null, notificationId));
  return (
    <form {...formProps} className="space-y-1">
      <SubmitButton
        pending={pending}
        pendingLabel={t("openPending")}
        aria-label={label}
        className="inline-flex min-h-11 items-center rounded border border-police-700 bg-white px-3 text-sm font-medium text-police-700 hover:bg-sky-50 disabled:opacity-60"
      >
        {text ?? t("open")}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
