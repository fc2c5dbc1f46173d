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
// *and* the fresh state the user must now look at.

/** Text the user typed, handed back on failure so the form keeps it (React resets forms after an action). */
function typed(formData: FormData, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const v = formData.get(name);
    if (typeof v === "string" && v !== "") out[name] = v;
  }
  return out;
}

async function runTriage<S extends z.ZodType>(
  alertId: string,
  schema: S,
  input: Record<string, unknown>,
  run: (actor: Actor, data: z.infer<S>) => Promise<string>,
  keep: Record<string, string> = {},
): Promise<ActionState> {
  const actor = await requireActor();
  try {
    const parsed = await parseForm(schema, { ...input, alertId });
    if (!parsed.ok) return { ...parsed.state, data: keep };
    const message = await run(actor, parsed.data);
    return { ok: true, message };
  } catch (error) {
    return { ...(await errorState(error)), data: keep };
  } finally {
    revalidatePath(`/alerts/${alertId}`);
    revalidatePath("/queue");
  }
}

/** Claiming needs nothing but the bound id (the form state and data React passes are ignored). */
export async function claimAlertAction(alertId: string): Promise<ActionState> {
  return runTriage(alertId, ClaimSchema, {}, async (actor, data) => {
    await claimAlert(actor, data);
    return (await getTranslations("triage"))("claim.done");
  });
}

export async function releaseAlertAction(alertId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return runTriage(alertId, ReleaseSchema, { version: formData.get("version") }, async (actor, data) => {
    await releaseAlert(actor, data);
    return (await getTranslations("triage"))("release.done");
  });
}

export async function recordAttemptAction(alertId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const input = { version: formData.get("version"), channel: formData.get("channel"), result: formData.get("result"), note: formData.get("note") };
  return runTriage(
    alertId,
    ContactAttemptSchema,
    input,
    async (actor, data) => {
      await recordContactAttempt(actor, data);
      return (await getTranslations("triage"))("attempt.done");
    },
    typed(formData, ["channel", "result", "note"]),
  );
}

export async function commentAction(alertId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return runTriage(
    alertId,
    CommentSchema,
    { text: formData.get("text") },
    async (actor, data) => {
      await commentOnAlert(actor, data);
      return (await getTranslations("triage"))("comment.done");
    },
    typed(formData, ["text"]),
  );
}

export async function changeRiskAction(alertId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const input = { version: formData.get("version"), riskLevel: formData.get("riskLevel"), reason: formData.get("reason") };
  return runTriage(
    alertId,
    ChangeRiskSchema,
    input,
    async (actor, data) => {
      await changeAlertRisk(actor, data);
      return (await getTranslations("triage"))("risk.done");
    },
    typed(formData, ["riskLevel", "reason"]),
  );
}

export async function setJurisdictionAction(alertId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return runTriage(
    alertId,
    SetJurisdictionSchema,
    { version: formData.get("version"), stationId: formData.get("stationId") },
    async (actor, data) => {
      await setAlertJurisdiction(actor, data);
      return (await getTranslations("triage"))("jurisdiction.done");
    },
    typed(formData, ["stationId"]),
  );
}

export async function closeAlertAction(alertId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const input = { version: formData.get("version"), outcome: formData.get("outcome"), lossYuan: formData.get("lossYuan"), note: formData.get("note") };
  return runTriage(
    alertId,
    CloseAlertSchema,
    input,
    async (actor, data) => {
      const { caseId } = await closeAlert(actor, data);
      return (await getTranslations("triage"))(caseId ? "close.doneCase" : "close.done");
    },
    typed(formData, ["outcome", "lossYuan", "note"]),
  );
}
