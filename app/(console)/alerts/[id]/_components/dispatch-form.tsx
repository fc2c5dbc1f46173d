"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { InstructionKind } from "@/prisma/generated/client/enums";
import type { DispatchOptions } from "@/lib/server/alerts/get-alert-workspace";
import { useFormAction } from "@/components/forms/use-form-action";
import { controlProps } from "@/components/forms/control-props";
import { FormCard } from "@/components/forms/form-card";
import { SelectField } from "@/components/forms/select-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY_COMPACT, CONTROL_COMPACT, HINT, LABEL_COMPACT } from "@/components/forms/styles";
import { FieldError } from "@/components/ui/field-error";
import { dispatchInstructionAction } from "@/app/(console)/instructions/actions";

const KINDS: InstructionKind[] = ["DOOR_VISIT", "PHONE_FOLLOW_UP", "LOCATE"];

type Target = "station" | "district";

/**
 * 派发指令 (交): a door visit, a phone follow-up or a search for the person, sent to a district or
 * straight to a station (a district coordinator: one of its stations). The alert's own station is
 * preselected; for high and urgent risk the form suggests the station, in parallel with the call.
 * Only the active target's select is in the form, so exactly one of stationId / districtId is sent.
 */
export function DispatchForm({ alertId, options }: { alertId: string; options: DispatchOptions }) {
  const t = useTranslations();
  const f = (key: string, values?: Record<string, string>) => t(`dispatch.form.${key}`, values);
  const { state, pending, formProps } = useFormAction(dispatchInstructionAction.bind(null, alertId), { resetOnSuccess: true });
  const cityWide = options.districts.length > 0;
  const [target, setTarget] = useState<Target>(!cityWide || options.straightToStation || options.alertStationId ? "station" : "district");
  const err = state.fieldErrors ?? {};
  const firstFree = KINDS.find((k) => !options.openKinds.includes(k)) ?? "DOOR_VISIT";
  const byDistrict = new Map<string, DispatchOptions["stations"]>();
  for (const s of options.stations) byDistrict.set(s.districtId, [...(byDistrict.get(s.districtId) ?? []), s]);
  const stationHint = options.straightToStation ? f("straightHint") : cityWide ? null : f("coordinatorHint");
  const hintClass = options.straightToStation ? "mt-1 text-xs font-medium text-orange-800" : HINT;
  const stationErrors = err.stationId;
  const districtErrors = err.districtId;

  return (
    <FormCard id="dispatch" title={f("title")} show state={state}>
      <form {...formProps} className="grid gap-2 sm:grid-cols-2" data-testid="dispatch-form">
        <SelectField
          compact
          id="dispatch-kind"
          name="kind"
          defaultValue={firstFree}
          label={f("kind")}
          errors={err.kind}
          options={KINDS.map((k) => ({ value: k, label: options.openKinds.includes(k) ? f("kindOpen", { kind: t(`instructions.kind.${k}`) }) : t(`instructions.kind.${k}`) }))}
        />
        {cityWide ? (
          <fieldset className="sm:col-span-1">
            <legend className={LABEL_COMPACT}>{f("target")}</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {(["station", "district"] as const).map((value) => (
                <label key={value} className="flex min-h-8 items-center gap-1.5">
                  <input type="radio" name="target" value={value} checked={target === value} onChange={() => setTarget(value)} />
                  {value === "station" ? f("toStation") : f("toDistrict")}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        <div className="sm:col-span-2">
          {target === "station" ? (
            <>
              <label htmlFor="dispatch-station" className={LABEL_COMPACT}>
                {f("station")}
              </label>
              <select {...controlProps("dispatch-station", stationErrors, stationHint !== null)} name="stationId" defaultValue={options.alertStationId ?? ""} className={CONTROL_COMPACT}>
                <option value="">{f("chooseStation")}</option>
                {[...byDistrict.values()].map((stations) => (
                  <optgroup key={stations[0]!.districtId} label={stations[0]!.districtName}>
                    {stations.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.id === options.alertStationId ? f("alertStation", { name: s.name }) : s.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
              {stationHint !== null ? (
                <p id="dispatch-station-hint" className={hintClass}>
                  {stationHint}
                </p>
              ) : null}
              <FieldError id="dispatch-station-error" errors={stationErrors} />
            </>
          ) : (
            <>
              <label htmlFor="dispatch-district" className={LABEL_COMPACT}>
                {f("district")}
              </label>
              <select {...controlProps("dispatch-district", districtErrors, true)} name="districtId" defaultValue={options.alertDistrictId ?? ""} className={CONTROL_COMPACT}>
                <option value="">{f("chooseDistrict")}</option>
                {options.districts.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.id === options.alertDistrictId ? f("alertDistrict", { name: d.name }) : d.name}
                  </option>
                ))}
              </select>
              <p id="dispatch-district-hint" className={hintClass}>
                {options.straightToStation ? f("straightHint") : f("districtHint")}
              </p>
              <FieldError id="dispatch-district-error" errors={districtErrors} />
            </>
          )}
        </div>
        <TextareaField
          compact
          className="sm:col-span-2"
          id="dispatch-note"
          name="note"
          rows={2}
          maxLength={1000}
          placeholder={f("notePlaceholder")}
          label={f("note")}
          errors={err.note}
        />
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <SubmitButton pending={pending} pendingLabel={f("pending")} className={BUTTON_PRIMARY_COMPACT}>
            {f("submit")}
          </SubmitButton>
          <span className="text-xs text-slate-500">{f("deadlines")}</span>
        </div>
      </form>
    </FormCard>
  );
}
