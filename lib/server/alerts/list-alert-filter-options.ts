import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { jurisdictionOf } from "@/lib/auth/jurisdiction";

/** Choices for the alert filters, limited to what the actor's jurisdiction contains. */
export async function listAlertFilterOptions(actor: Actor) {
  await assertCan(actor, "alert.list");
  const j = jurisdictionOf(actor);
  const cityWide = j.kind === "city";
  const [sources, districts] = await Promise.all([
    db.alertSource.findMany({ orderBy: { code: "asc" }, select: { id: true, name: true } }),
    j.kind === "city"
      ? db.orgUnit.findMany({ where: { cityId: j.cityId, kind: "DISTRICT" }, orderBy: { code: "asc" }, select: { id: true, name: true } })
      : Promise.resolve([]),
  ]);
  return { sources, districts, canSeeUnrouted: cityWide };
}
