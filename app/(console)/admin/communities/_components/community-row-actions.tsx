"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changeCommunityStationAction, deleteCommunityAction } from "../actions";
import { INITIAL_ACTION_STATE } from "@/lib/actions/initial-state";
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
  const [moveState, moveAction, moving] = useActionState(changeCommunityStationAction, INITIAL_ACTION_STATE);
  const [deleteState, deleteAction, deleting] = useActionState(deleteCommunityAction, INITIAL_ACTION_STATE);
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <form action={moveAction} className="flex items-center gap-1" aria-label={t("changeStationOf", { community: label })}>
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
          <button type="submit" disabled={moving} className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50">
            {t("saveStation")}
          </button>
        </form>
        <form action={deleteAction} aria-label={t("deleteOf", { community: label })}>
          <input type="hidden" name="communityId" value={communityId} />
          <button
            type="submit"
            disabled={deleting}
            onClick={(e) => {
              if (!window.confirm(t("confirmDelete", { community: label }))) e.preventDefault();
            }}
            className="rounded border border-red-300 px-2 py-0.5 text-xs text-red-800 hover:bg-red-50 disabled:opacity-50"
          >
            {t("delete")}
          </button>
        </form>
      </div>
      <FormMessage ok={moveState.ok} message={moveState.message} />
      <FormMessage ok={deleteState.ok} message={deleteState.message} />
    </div>
  );
}
