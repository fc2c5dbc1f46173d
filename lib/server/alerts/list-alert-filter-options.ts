import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { assertCan } from "@/lib/auth/authorize";
import { jurisdictionOf } from "@/lib/auth/jurisdiction";

export interface AlertFilterOptions {
  sources: { id: string; name: string }[];
  districts: { id: string; name: string }[];
  canSeeUnrouted: boolean;
}

const NONE: AlertFilterOptions = { sources: [], districts: [], canSeeUnrouted: false };

/** Choices for the alert filters, limited to what the actor's jurisdiction contains. */
export async function listAlertFilterOptions(actor: Actor): Promise<AlertFilterOptions> {
  await assertCan(actor, "alert.list");
  return alertFilterOptions(actor);
}

/**
 * The same choices, read beside a list (getAlertListScreen, getTriageQueueScreen): none for a role
 * that may not list alerts, and no refusal of its own, so that the list's refusal is the one row
 * the trail records.
 */
export async function alertFilterOptions(actor: Actor): Promise<AlertFilterOptions> {
  if (!can(actor, "alert.list")) return NONE;
  const j = jurisdictionOf(actor);
  const [sources, districts] = await Promise.all([
    db.alertSource.findMany({ orderBy: { code: "asc" }, select: { id: true, name: true } }),
    j.kind === "city"
      ? db.orgUnit.findMany({ where: { cityId: j.cityId, kind: "DISTRICT" }, orderBy: { code: "asc" }, select: { id: true, name: true } })
      : Promise.resolve([]),
  ]);
  return { sources, districts, canSeeUnrouted: j.kind === "city" };
}
