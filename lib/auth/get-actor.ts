import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { resolveSession } from "@/lib/auth/sessions";
import type { Actor } from "@/lib/auth/actor";

/** The signed-in actor for this request, or null. Checked against the session row every time. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.sessionId) return null;
  return resolveSession(session.sessionId, new Date());
});

/** For pages and actions: the actor, or off to sign-in. Users who must change their password go there first. */
export async function requireActor(options: { allowPasswordChange?: boolean } = {}): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword && !options.allowPasswordChange) redirect("/change-password");
  return actor;
}
