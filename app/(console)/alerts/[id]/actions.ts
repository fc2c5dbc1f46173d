"use server";

import { defineAction } from "@/lib/actions/define-action";
import { revealPersonField } from "@/lib/server/alerts/reveal-person-field";
import { claimAlert } from "@/lib/server/alerts/claim-alert";
import { releaseAlert } from "@/lib/server/alerts/release-alert";
import { recordContactAttempt } from "@/lib/server/alerts/record-contact-attempt";
import { commentOnAlert } from "@/lib/server/alerts/comment-on-alert";
import { changeAlertRisk } from "@/lib/server/alerts/change-alert-risk";
import { setAlertJurisdiction } from "@/lib/server/alerts/set-alert-jurisdiction";
import { closeAlert } from "@/lib/server/alerts/close-alert";
import { RevealFieldSchema } from "@/lib/schemas/alerts";
import {
  ChangeRiskSchema,
  ClaimSchema,
  CloseAlertSchema,
  CommentSchema,
  ContactAttemptSchema,
  ReleaseSchema,
  SetJurisdictionSchema,
} from "@/lib/schemas/triage";

// The alert id is bound on the server side of each form (`.bind(null, id)`), never typed in.
// Whatever the outcome of a triage step, the alert page and the queue are revalidated, so a
// conflict ("someone else changed it") shows its message *and* the fresh state the user must
// now look at. The forms keep what was typed themselves (components/forms/use-form-action.ts).
const bound = ["alertId"] as const;
const revalidate = { paths: (_: unknown, b: Record<string, string>) => [`/alerts/${b.alertId}`, "/queue"], always: true };

export const revealFieldAction = defineAction({
  schema: RevealFieldSchema,
  bound,
  run: (actor, input) => revealPersonField(actor, input),
  success: (value) => ({ data: { value } }),
});

export const claimAlertAction = defineAction({
  schema: ClaimSchema,
  bound,
  run: (actor, input) => claimAlert(actor, input),
  success: () => ({ message: "triage.claim.done" }),
  revalidate,
});

export const releaseAlertAction = defineAction({
  schema: ReleaseSchema,
  bound,
  run: (actor, input) => releaseAlert(actor, input),
  success: () => ({ message: "triage.release.done" }),
  revalidate,
});

export const recordAttemptAction = defineAction({
  schema: ContactAttemptSchema,
  bound,
  run: (actor, input) => recordContactAttempt(actor, input),
  success: () => ({ message: "triage.attempt.done" }),
  revalidate,
});

export const commentAction = defineAction({
  schema: CommentSchema,
  bound,
  run: (actor, input) => commentOnAlert(actor, input),
  success: () => ({ message: "triage.comment.done" }),
  revalidate,
});

export const changeRiskAction = defineAction({
  schema: ChangeRiskSchema,
  bound,
  run: (actor, input) => changeAlertRisk(actor, input),
  success: () => ({ message: "triage.risk.done" }),
  revalidate,
});

export const setJurisdictionAction = defineAction({
  schema: SetJurisdictionSchema,
  bound,
  run: (actor, input) => setAlertJurisdiction(actor, input),
  success: () => ({ message: "triage.jurisdiction.done" }),
  revalidate,
});

export const closeAlertAction = defineAction({
  schema: CloseAlertSchema,
  bound,
  run: (actor, input) => closeAlert(actor, input),
  success: ({ caseId }) => ({ message: caseId ? "triage.close.doneCase" : "triage.close.done" }),
  revalidate,
});
