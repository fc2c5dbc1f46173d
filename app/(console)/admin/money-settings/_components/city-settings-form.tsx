"use client";

import { useTranslations } from "next-intl";
import { updateCitySettingsAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextField } from "@/components/forms/text-field";
import { FormFooter } from "@/components/forms/form-footer";

/** The threshold in yuan as the admin types it ("500000", "500,000.00"); kept in fen. */
export function CitySettingsForm({ version, threshold }: { version: number; threshold: string }) {
  const t = useTranslations("moneyAdmin.settings");
  const { state, pending, formProps } = useFormAction(updateCitySettingsAction);
  const err = state.fieldErrors ?? {};
  return (
    <form {...formProps} noValidate className="space-y-3" aria-label={t("largeStopTitle")}>
      <input type="hidden" name="version" value={version} />
      <TextField
        id="ms-threshold"
        name="largeStopThreshold"
        defaultValue={threshold}
        inputMode="decimal"
        autoComplete="off"
        label={t("threshold")}
        hint={t("thresholdHint")}
        errors={err.largeStopThreshold}
        className="max-w-xs"
      />
      <FormFooter state={state} pending={pending}>
        {t("save")}
      </FormFooter>
    </form>
  );
}
