"use client";

import { useTranslations } from "next-intl";
import { setSourceActiveAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_ROW } from "@/components/forms/styles";
import { FormMessage } from "@/components/ui/form-message";

interface Props {
  sourceId: string;
  sourceName: string;
  active: boolean;
}

export function SourceActiveToggle({ sourceId, sourceName, active }: Props) {
  const t = useTranslations("adminConfig.sources");
  const { state, pending, formProps } = useFormAction(setSourceActiveAction);
  return (
    <form {...formProps} className="space-y-1" aria-label={t("toggleLabel", { source: sourceName })}>
      <input type="hidden" name="sourceId" value={sourceId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <SubmitButton
        pending={pending}
        onClick={(e) => {
          if (active && !window.confirm(t("confirmDeactivate"))) e.preventDefault();
        }}
        className={BUTTON_ROW}
      >
        {active ? t("deactivate") : t("activate")}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
