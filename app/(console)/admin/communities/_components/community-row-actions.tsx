"use client";

import { useTranslations } from "next-intl";
import { changeCommunityStationAction, deleteCommunityAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_ROW, BUTTON_ROW_DANGER } from "@/components/forms/styles";
import { FormMessage } from "@/components/ui/form-message";

interface Props {
  communityId: string;
  label: string;
  stationId: string;
  stations: { id: string; label: string }[];
}

/** Re-route one community to another station, or delete it. */
export function CommunityRowActions({ communityId, label, stationId, stations }: Props) {
  const t = useTranslations("adminConfig.communities");
  const move = useFormAction(changeCommunityStationAction);
  const remove = useFormAction(deleteCommunityAction);
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <form {...move.formProps} className="flex items-center gap-1" aria-label={t("changeStationOf", { community: label })}>
          <input type="hidden" name="communityId" value={communityId} />
          <select
            name="stationId"
            defaultValue={stationId}
            key={stationId}
            aria-label={t("stationOf", { community: label })}
            className="max-w-56 rounded border border-slate-300 px-1 py-0.5 text-xs"
          >
            {stations.map((s) => (
              <option key={s.id} value={s.id}>{s.label}</option>
            ))}
          </select>
          <SubmitButton pending={move.pending} className={BUTTON_ROW}>
            {t("saveStation")}
          </SubmitButton>
        </form>
        <form {...remove.formProps} aria-label={t("deleteOf", { community: label })}>
          <input type="hidden" name="communityId" value={communityId} />
          <SubmitButton
            pending={remove.pending}
            onClick={(e) => {
              if (!window.confirm(t("confirmDelete", { community: label }))) e.preventDefault();
            }}
            className={BUTTON_ROW_DANGER}
          >
            {t("delete")}
          </SubmitButton>
        </form>
      </div>
      <FormMessage state={move.state} />
      <FormMessage state={remove.state} />
    </div>
  );
}
