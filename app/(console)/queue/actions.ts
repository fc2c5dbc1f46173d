"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { claimAlert } from "@/lib/server/alerts/triage-actions";
import { findOpenAlertsByPhone, type QueueItem } from "@/lib/server/alerts/list-triage-queue";
import { ClaimSchema, PhoneSearchSchema } from "@/lib/schemas/triage";
import { errorState, parseForm, type ActionState } from "@/lib/actions/action-state";
import { maskPhone } from "@/lib/pii/mask";
import { normalizeMobile } from "@/lib/pii/phone";

/** Claims an alert from the queue; the row's button carries the alert id (`name="alertId"`). */
export async function claimFromQueueAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const parsed = await parseForm(ClaimSchema, { alertId: formData.get("alertId") });
  if (!parsed.ok) return parsed.state;
  try {
    await claimAlert(actor, parsed.data);
    const t = await getTranslations("queue");
    return { ok: true, message: t("claimed"), data: { alertId: parsed.data.alertId } };
  } catch (error) {
    return errorState(error);
  } finally {
    // Won or lost, the queue shows who holds the alert now.
    revalidatePath("/queue");
  }
}

export interface PhoneSearchState extends ActionState {
  results?: QueueItem[];
}

/**
 * Exact search by the person's phone. Sent by POST so the number never lands in a URL, the
 * browser history or an access log; the answer names the number masked only.
 */
export async function searchByPhoneAction(_prev: PhoneSearchState, formData: FormData): Promise<PhoneSearchState> {
  const actor = await requireActor();
  const parsed = await parseForm(PhoneSearchSchema, { phone: formData.get("phone") });
  if (!parsed.ok) return parsed.state;
  try {
    const results = await findOpenAlertsByPhone(actor, parsed.data.phone);
    return { ok: true, results, data: { phone: maskPhone(normalizeMobile(parsed.data.phone) ?? parsed.data.phone) } };
  } catch (error) {
    return errorState(error);
  }
}
