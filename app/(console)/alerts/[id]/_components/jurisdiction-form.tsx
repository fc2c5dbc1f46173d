"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { INITIAL_ACTION_STATE } from "@/lib/actions/initial-state";
import { FormMessage } from "@/components/ui/form-message";
import { FieldError } from "@/components/ui/field-error";
import { setJurisdictionAction } from "../actions";
import { CARD, CONTROL, LABEL, SECONDARY, TITLE } from "./form-styles";

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
  const [state, action, pending] = useActionState(setJurisdictionAction.bind(null, alertId), INITIAL_ACTION_STATE);
  if (!show) return <FormMessage ok={state.ok} message={state.message} />;
  const kept = state.ok ? {} : (state.data ?? {});
  const err = state.fieldErrors ?? {};
  return (
    <section aria-labelledby="jurisdiction-title" className={CARD}>
      <h3 id="jurisdiction-title" className={TITLE}>
        {t("title")}
      </h3>
      <p className={`text-xs ${unknown ? "font-medium text-orange-700" : "text-slate-500"}`}>{unknown ? t("unknown") : t("wrong")}</p>
      <form action={action} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="version" value={version} />
        <div className="min-w-64 flex-1">
          <label htmlFor="jurisdiction-station" className={LABEL}>
            {t("station")}
          </label>
          <select
            key={`station-${kept.stationId ?? ""}`}
            id="jurisdiction-station"
            name="stationId"
            defaultValue={kept.stationId ?? ""}
            aria-invalid={Boolean(err.stationId)}
            aria-describedby="jurisdiction-station-error"
            className={CONTROL}
          >
            <option value="">{t("choose")}</option>
            {stations.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={pending} className={SECONDARY}>
          {pending ? t("pending") : t("submit")}
        </button>
        <div className="w-full">
          <FieldError id="jurisdiction-station-error" errors={err.stationId} />
          <FormMessage ok={state.ok} message={state.message} />
        </div>
      </form>
    </section>
  );
}
