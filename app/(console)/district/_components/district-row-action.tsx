"use client";

import { useTranslations } from "next-intl";
import type { InstructionListItem } from "@/lib/server/instructions/list-instructions";
import { useFormAction } from "@/components/forms/use-form-action";
import { controlProps } from "@/components/forms/control-props";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_PRIMARY_COMPACT, BUTTON_SECONDARY_COMPACT, CONTROL_INLINE } from "@/components/forms/styles";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";
import { chaseInstructionAction, forwardInstructionAction, rerouteInstructionAction } from "@/app/(console)/instructions/actions";

type Station = { id: string; name: string };

/**
 * The district's own step on a row, inline: forward what waits at the district (转派) or re-route
 * a decline (改派) to one of its stations, or chase a station's open work (催办). Anything else is
 * done on the instruction's page.
 */
export function DistrictRowAction({ item, stations }: { item: InstructionListItem; stations: Station[] }) {
  if (item.status === "AT_DISTRICT") return <RouteForm item={item} stations={stations} mode="forward" />;
  if (item.status === "DECLINED") return <RouteForm item={item} stations={stations} mode="reroute" />;
  return <ChaseForm item={item} />;
}

function RouteForm({ item, stations, mode }: { item: InstructionListItem; stations: Station[]; mode: "forward" | "reroute" }) {
  const t = useTranslations("instructionLists.district");
  const action = mode === "forward" ? forwardInstructionAction : rerouteInstructionAction;
  const { state, pending, formProps } = useFormAction(action.bind(null, item.id));
  const id = `${mode}-${item.id}`;
  const errors = state.fieldErrors?.stationId;
  const suggested = stations.some((s) => s.id === item.suggestedStationId) ? item.suggestedStationId : null;
  return (
    <form {...formProps} className="flex flex-wrap items-start gap-2" data-testid={`${mode}-form`}>
      <input type="hidden" name="version" value={item.version} />
      <label htmlFor={id} className="sr-only">
        {t("station")}
      </label>
      <select {...controlProps(id, errors)} name="stationId" defaultValue={suggested ?? ""} className={`${CONTROL_INLINE} min-h-8 text-sm`}>
        <option value="">{t("choose")}</option>
        {stations.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
            {s.id === suggested ? t("suggested") : ""}
          </option>
        ))}
      </select>
      <SubmitButton pending={pending} pendingLabel={t(`${mode}Pending`)} className={`${BUTTON_PRIMARY_COMPACT} min-h-8`}>
        {t(mode)}
      </SubmitButton>
      <div className="w-full">
        <FieldError id={`${id}-error`} errors={errors} />
        {errors ? null : <FormMessage state={state} />}
      </div>
    </form>
  );
}

function ChaseForm({ item }: { item: InstructionListItem }) {
  const t = useTranslations("instructionLists.district");
  const { state, pending, formProps } = useFormAction(chaseInstructionAction.bind(null, item.id));
  return (
    <form {...formProps} className="flex flex-wrap items-start gap-2" data-testid="chase-form">
      <SubmitButton pending={pending} pendingLabel={t("chasePending")} className={`${BUTTON_SECONDARY_COMPACT} min-h-8`}>
        {t("chase")}
      </SubmitButton>
      <div className="w-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
