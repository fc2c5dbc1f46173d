"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { requireActor } from "@/lib/auth/get-actor";
import type { Actor } from "@/lib/auth/actor";
import { revealPersonField } from "@/lib/server/alerts/reveal-person-field";
import {
  changeAlertRisk,
  claimAlert,
  closeAlert,
  commentOnAlert,
  recordContactAttempt,
  releaseAlert,
  setAlertJurisdiction,
} from "@/lib/server/alerts/triage-actions";
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
import { errorState, parseForm, type ActionState } from "@/lib/actions/action-state";

/** The alert id is bound on the server side of the form (`.bind(null, id)`), never typed in. */
export async function revealFieldAction(alertId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const parsed = await parseForm(RevealFieldSchema, { alertId, field: formData.get("field"), reason: formData.get("reason") });
  if (!parsed.ok) return parsed.state;
  try {
    const value = await revealPersonField(actor, parsed.data);
    return { ok: true, data: { value } };
  } catch (error) {
    return errorState(error);
  }
}

// ─── Triage (研) ───────────────────────────────────────────────────────────────────────────
// Each action: the actor, the shared schema, one domain function. Whatever the outcome, the alert
// page and the queue are revalidated, so a conflict ("someone else changed it") shows its message
// *and* the fresh state the user must now look at. The forms keep what was typed themselves
// (components/forms/use-form-action.ts): nothing submitted is handed back.

/** The named fields of the submitted form, as the schema's input. */
function fields(formData: FormData, ...names: string[]): Record<string, FormDataEntryValue | null> {
  return Object.fromEntries(names.map((name) => [name, formData.get(name)]));
}

/** Parses `input` (with the bound alert id) and runs `run`, which answers with its `triage` message key. */
async function runTriage<S extends z.ZodType>(
  alertId: string,
  schema: S,
  input: Record<string, unknown>,
  run: (actor: Actor, data: z.infer<S>) => Promise<string>,
): Promise<ActionState> {
  const actor = await requireActor();
  try {
    const parsed = await parseForm(schema, { ...input, alertId });
    if (!parsed.ok) return parsed.state;
    const messageKey = await run(actor, parsed.data);
    return { ok: true, message: (await getTranslations("triage"))(messageKey) };
  } catch (error) {
    return errorState(error);
  } finally {
    revalidatePath(`/alerts/${alertId}`);
    revalidatePath("/queue");
  }
}

/** Claiming needs nothing but the bound id (the form state and data React passes are ignored). */
export async function claimAlertAction(alertId: string): Promise<ActionState> {
  return runTriage(alertId, ClaimSchema, {}, async (actor, data) => {
    await claimAlert(actor, data);
    return "claim.done";
  });
}

export async function releaseAlertAction(alertId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return runTriage(alertId, ReleaseSchema, fields(formData, "version"), async (actor, data) => {
    await releaseAlert(actor, data);
    return "release.done";
  });
}

export async function recordAttemptAction(alertId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return runTriage(alertId, ContactAttemptSchema, fields(formData, "version", "channel", "result", "note"), async (actor, data) => {
    await recordContactAttempt(actor, data);
    return "attempt.done";
  });
}

export async function commentAction(alertId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return runTriage(alertId, CommentSchema, fields(formData, "text"), async (actor, data) => {
    await commentOnAlert(actor, data);
    return "comment.done";
  });
}

export async function changeRiskAction(alertId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return runTriage(alertId, ChangeRiskSchema, fields(formData, "version", "riskLevel", "reason"), async (actor, data) => {
    await changeAlertRisk(actor, data);
    return "risk.done";
  });
}

export async function setJurisdictionAction(alertId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return runTriage(alertId, SetJurisdictionSchema, fields(formData, "version", "stationId"), async (actor, data) => {
    await setAlertJurisdiction(actor, data);
    return "jurisdiction.done";
  });
}

export async function closeAlertAction(alertId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return runTriage(alertId, CloseAlertSchema, fields(formData, "version", "outcome", "lossYuan", "note"), async (actor, data) => {
    const { caseId } = await closeAlert(actor, data);
    return caseId ? "close.doneCase" : "close.done";
  });
}
