"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { controlProps } from "@/components/forms/control-props";
import { FormCard } from "@/components/forms/form-card";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_SECONDARY_COMPACT, CONTROL_COMPACT, LABEL_COMPACT } from "@/components/forms/styles";
import { FieldError } from "@/components/ui/field-error";
import { setJurisdictionAction } from "../actions";

/** 指定管辖: the station (and so the district) of an alert whose station is unknown or wrong. */
export function JurisdictionForm({
  alertId,
  version,
  stations,
  unknown,
  show,
}: {
  alertId: string;
  version: number;
  stations: { id: string; label: string }[];
  unknown: boolean;
  show: boolean;
}) {
  const t = useTranslations("triage.jurisdiction");
  const { state, pending, formProps } = useFormAction(setJurisdictionAction.bind(null, alertId), { resetOnSuccess: true });
  const errors = state.fieldErrors?.stationId;
  return (
    <FormCard id="jurisdiction" title={t("title")} show={show} state={state}>
      <p className={`text-xs ${unknown ? "font-medium text-orange-700" : "text-slate-500"}`}>{unknown ? t("unknown") : t("wrong")}</p>
      {/* The select and its button side by side, the error under both: laid out here, not by `Field`. */}
      <form {...formProps} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="version" value={version} />
        <div className="min-w-64 flex-1">
          <label htmlFor="jurisdiction-station" className={LABEL_COMPACT}>
            {t("station")}
          </label>
          <select {...controlProps("jurisdiction-station", errors)} name="stationId" defaultValue="" className={CONTROL_COMPACT}>
            <option value="">{t("choose")}</option>
            {stations.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton pending={pending} pendingLabel={t("pending")} className={BUTTON_SECONDARY_COMPACT}>
          {t("submit")}
        </SubmitButton>
        <div className="w-full">
          <FieldError id="jurisdiction-station-error" errors={errors} />
        </div>
      </form>
    </FormCard>
  );
}
