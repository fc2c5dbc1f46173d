"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { BUTTON_SECONDARY_COMPACT } from "@/components/forms/styles";
import { setTeamAction } from "../../actions";
import { StepCard } from "@/components/forms/step-card";

type Team = { officers: string[]; auxiliaries: string[]; gridWorkers: string[] } | null;

/** 出警人员 (1+3+N): the officers, auxiliary officers and grid workers sent, by name. */
export function TeamForm({ instructionId, version, show, team }: { instructionId: string; version: number; show: boolean; team: Team }) {
  const t = useTranslations("instructionPage.team");
  const { state, pending, formProps } = useFormAction(setTeamAction.bind(null, instructionId));
  const err = state.fieldErrors ?? {};
  const join = (names: string[] | undefined) => (names ?? []).join("、");
  return (
    <StepCard id="team" title={t("title")} show={show} state={state} folded>
      <form {...formProps} className="grid gap-2 sm:grid-cols-3" data-testid="team-form">
        <input type="hidden" name="version" value={version} />
        <TextField compact id="team-officers" name="officers" defaultValue={join(team?.officers)} label={t("officers")} hint={t("namesHint")} errors={err.officers} autoComplete="off" />
        <TextField compact id="team-auxiliaries" name="auxiliaries" defaultValue={join(team?.auxiliaries)} label={t("auxiliaries")} errors={err.auxiliaries} autoComplete="off" />
        <TextField compact id="team-grid" name="gridWorkers" defaultValue={join(team?.gridWorkers)} label={t("gridWorkers")} errors={err.gridWorkers} autoComplete="off" />
        <div className="sm:col-span-3">
          <SubmitButton pending={pending} pendingLabel={t("pending")} className={`${BUTTON_SECONDARY_COMPACT} w-full sm:w-auto`}>
            {t("submit")}
          </SubmitButton>
        </div>
      </form>
    </StepCard>
  );
}
