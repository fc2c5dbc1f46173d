"use server";

import { defineAction } from "@/lib/actions/define-action";
import { claimAlert } from "@/lib/server/alerts/claim-alert";
import { searchOpenAlertsByPhone } from "@/lib/server/alerts/search-alerts-by-phone";
import type { QueueItem } from "@/lib/server/alerts/list-triage-queue";
import { ClaimSchema, PhoneSearchSchema } from "@/lib/schemas/triage";
import type { ActionState } from "@/lib/actions/action-state";

/** Claims an alert from the queue; the row's button carries the alert id (`name="alertId"`). Won or lost, the queue shows who holds it now. */
export const claimFromQueueAction = defineAction({
  schema: ClaimSchema,
  run: (actor, input) => claimAlert(actor, input),
  success: (_, input) => ({ message: "queue.claimed", data: { alertId: input.alertId } }),
  revalidate: { paths: () => ["/queue"], always: true },
});

export interface PhoneSearchState extends ActionState {
  results?: QueueItem[];
}

/**
 * Exact search by the person's phone. Sent by POST so the number never lands in a URL, the
 * browser history or an access log; the answer names the number masked only. The search itself
 * is a personal-data access, audited by the domain function.
 */
export const searchByPhoneAction = defineAction<typeof PhoneSearchSchema, { results: QueueItem[]; maskedPhone: string }, { results: QueueItem[] }>({
  schema: PhoneSearchSchema,
  run: (actor, input) => searchOpenAlertsByPhone(actor, input.phone),
  success: ({ results, maskedPhone }) => ({ results, data: { phone: maskedPhone } }),
});
