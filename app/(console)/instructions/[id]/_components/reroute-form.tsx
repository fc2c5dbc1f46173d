"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { controlProps } from "@/components/forms/control-props";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY_COMPACT, CONTROL_COMPACT, LABEL_COMPACT } from "@/components/forms/styles";
import { FieldError } from "@/components/ui/field-error";
import { rerouteInstructionAction } from "../../actions";
import { StepCard } from "@/components/forms/step-card";

/**
 * 改派: the issuer (or the district, within its stations) sends the instruction to another
 * station, or — the city only — to a district to pick one. The deadlines start again there.
 * One select holds both kinds of unit; the hidden field of the chosen kind carries it.
 */
export function RerouteForm({
  instructionId,
  version,
  show,
  declined,
  suggestedStationId,
  districts,
  stations,
}: {
  instructionId: string;
  version: number;
  show: boolean;
  declined: boolean;
  suggestedStationId: string | null;
  districts: { id: string; name: string }[];
  stations: { id: string; label: string }[];
}) {
  const t = useTranslations("instructionPage");
  const { state, pending, formProps } = useFormAction(rerouteInstructionAction.bind(null, instructionId));
  const initial = suggestedStationId && stations.some((s) => s.id === suggestedStationId) ? `s:${suggestedStationId}` : "";
  const [target, setTarget] = useState(initial);
  const err = state.fieldErrors ?? {};
  const errors = err.stationId ?? err.districtId;
  return (
    <StepCard id="reroute" title={t("reroute.title")} show={show} state={state} tone={declined ? "primary" : "default"} folded={!declined}>
      {declined ? <p className="text-xs text-slate-600">{t("reroute.declinedHint")}</p> : null}
      <form {...formProps} className="grid gap-2 sm:grid-cols-2" data-testid="reroute-form">
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="stationId" value={target.startsWith("s:") ? target.slice(2) : ""} />
        <input type="hidden" name="districtId" value={target.startsWith("d:") ? target.slice(2) : ""} />
        <div>
          <label htmlFor="reroute-target" className={LABEL_COMPACT}>
            {t("reroute.target")}
          </label>
          <select {...controlProps("reroute-target", errors)} value={target} onChange={(e) => setTarget(e.target.value)} className={CONTROL_COMPACT}>
            <option value="">{t("choose")}</option>
            {districts.length > 0 ? (
              <optgroup label={t("reroute.districts")}>
                {districts.map((d) => (
                  <option key={d.id} value={`d:${d.id}`}>
                    {d.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
            <optgroup label={t("reroute.stations")}>
              {stations.map((s) => (
                <option key={s.id} value={`s:${s.id}`}>
                  {s.label}
                  {s.id === suggestedStationId ? ` ${t("reroute.suggested")}` : ""}
                </option>
              ))}
            </optgroup>
          </select>
          <FieldError id="reroute-target-error" errors={errors} />
        </div>
        <TextareaField compact className="sm:col-span-2" id="reroute-note" name="note" rows={2} maxLength={1000} label={t("noteOptional")} errors={err.note} />
        <div className="sm:col-span-2">
          <SubmitButton pending={pending} pendingLabel={t("pending")} className={BUTTON_PRIMARY_COMPACT}>
            {t("reroute.submit")}
          </SubmitButton>
        </div>
      </form>
    </StepCard>
  );
}
