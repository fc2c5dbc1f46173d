import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";

/**
 * The wall screen's content. Aggregates arrive with the results workflow; until then it holds
 * nothing but its notice. Anyone but the display account is refused (and audited) here.
 */
export async function getWallScreen(actor: Actor): Promise<{ ready: false }> {
  await assertCan(actor, "wall.view");
  return { ready: false };
}
