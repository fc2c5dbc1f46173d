import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";

/** Choices for the alert filters, limited to what the actor's jurisdiction contains. */
export async function listAlertFilterOptions(actor: Actor) {
  await assertCan(actor, "alert.list");
  const cityWide = actor.role === "ANALYST" || actor.role === "SUPERVISOR";
  const [sources, districts] = await Promise.all([
    db.alertSource.findMany({ orderBy: { code: "asc" }, select: { id: true, name: true } }),
    cityWide
      ? db.orgUnit.findMany({ where: { cityId: actor.cityId, kind: "DISTRICT" }, orderBy: { code: "asc" }, select: { id: true, name: true } })
      : Promise.resolve([]),
  ]);
  return { sources, districts, canSeeUnrouted: cityWide };
}
