"use client";

import { useTranslations } from "next-intl";
import { createCommunityAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextField } from "@/components/forms/text-field";
import { SelectField } from "@/components/forms/select-field";
import { FormFooter } from "@/components/forms/form-footer";

export function CreateCommunityForm({ stations }: { stations: { id: string; label: string }[] }) {
  const t = useTranslations("adminConfig");
  const { state, pending, formProps } = useFormAction(createCommunityAction, { resetOnSuccess: true });
  const err = state.fieldErrors ?? {};
  return (
    <form {...formProps} className="grid gap-3 md:grid-cols-3" noValidate aria-label={t("communities.createTitle")}>
      <TextField id="cc-street" name="street" autoComplete="off" label={t("communities.street")} errors={err.street} />
      <TextField id="cc-name" name="name" autoComplete="off" label={t("communities.name")} errors={err.name} />
      <SelectField
        id="cc-station"
        name="stationId"
        defaultValue=""
        label={t("communities.station")}
        errors={err.stationId}
        placeholder={t("choose")}
        options={stations.map((s) => ({ value: s.id, label: s.label }))}
      />
      <FormFooter state={state} pending={pending} className="md:col-span-3">
        {t("communities.create")}
      </FormFooter>
    </form>
  );
}
