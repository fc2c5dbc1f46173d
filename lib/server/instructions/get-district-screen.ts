import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { jurisdictionOf } from "@/lib/auth/jurisdiction";
import { listInstructions, type InstructionListItem } from "./list-instructions";

export interface DistrictScreen {
  items: InstructionListItem[];
  /** The stations a coordinator forwards and re-routes to (its district's); empty for the city. */
  stations: { id: string; name: string }[];
}

/**
 * The district view (分局指令) in one call, so that a refused look is audited once (by
 * listInstructions): its open instructions, overdue first, and for a coordinator the stations of
 * its own district to forward and re-route to inline. City-wide readers get the list only and
 * work each instruction on its page.
 */
export async function getDistrictScreen(actor: Actor): Promise<DistrictScreen> {
  const items = await listInstructions(actor, "district");
  const j = jurisdictionOf(actor);
  const stations =
    j.kind === "district"
      ? await db.orgUnit.findMany({ where: { cityId: j.cityId, districtId: j.districtId, kind: "STATION" }, orderBy: { code: "asc" }, select: { id: true, name: true } })
      : [];
  return { items: items.items, stations };
}
