"use client";

import { useTranslations } from "next-intl";
import { revokeApiKeyAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_ROW_DANGER } from "@/components/forms/styles";
import { FormMessage } from "@/components/ui/form-message";

interface Props {
  keyId: string;
  prefix: string;
}

export function RevokeApiKeyButton({ keyId, prefix }: Props) {
  const t = useTranslations("adminConfig.sources");
  const { state, pending, formProps } = useFormAction(revokeApiKeyAction);
  return (
    <form {...formProps} className="space-y-1" aria-label={t("revokeLabel", { prefix })}>
      <input type="hidden" name="keyId" value={keyId} />
      <SubmitButton
        pending={pending}
        onClick={(e) => {
          if (!window.confirm(t("confirmRevoke", { prefix }))) e.preventDefault();
        }}
        className={BUTTON_ROW_DANGER}
      >
        {t("revoke")}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
