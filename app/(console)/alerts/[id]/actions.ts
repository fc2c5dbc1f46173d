"use server";

import { requireActor } from "@/lib/auth/get-actor";
import { revealPersonField } from "@/lib/server/alerts/reveal-person-field";
import { RevealFieldSchema } from "@/lib/schemas/alerts";
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
