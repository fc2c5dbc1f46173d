import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { resolveSession } from "@/lib/auth/sessions";
import type { Actor } from "@/lib/auth/actor";
import { isUserActivity } from "@/lib/auth/user-activity";

/**
 * The signed-in actor for this request, or null. Checked against the session row every time; only
 * the user's own activity moves the idle clock (lib/auth/user-activity.ts).
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.sessionId) return null;
  return resolveSession(session.sessionId, new Date(), { touch: isUserActivity(await headers()) });
});

/** For pages and actions: the actor, or off to sign-in. Users who must change their password go there first. */
export async function requireActor(options: { allowPasswordChange?: boolean } = {}): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword && !options.allowPasswordChange) redirect("/change-password");
  return actor;
}
