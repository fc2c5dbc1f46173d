"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { CONTROL_COMPACT } from "@/components/forms/styles";

export interface Institution {
  id: string;
  name: string;
  kind: "BANK" | "PAYMENT_INSTITUTION";
}

/** The active banks and payment institutions, in two groups (a payment account is checked by another rule). */
export function InstitutionSelect({ id, institutions, errors }: { id: string; institutions: Institution[]; errors?: string[] }) {
  const t = useTranslations("cases.stop");
  const group = (kind: Institution["kind"]) =>
    institutions
      .filter((i) => i.kind === kind)
      .map((i) => (
        <option key={i.id} value={i.id}>
          {i.name}
        </option>
      ));
  return (
    <Field id={id} label={t("bank")} errors={errors} compact>
      {(control) => (
        <select {...control} name="bankId" defaultValue="" className={CONTROL_COMPACT}>
          <option value="">{t("choose")}</option>
          <optgroup label={t("banks")}>{group("BANK")}</optgroup>
          <optgroup label={t("payments")}>{group("PAYMENT_INSTITUTION")}</optgroup>
        </select>
      )}
    </Field>
  );
}
