"use server";

import { signOut } from "@/lib/auth/auth";
import { getActor } from "@/lib/auth/get-actor";
import { endSession } from "@/lib/server/auth/end-session";

/** Ends the session row first (so a copied cookie is dead too), then clears the cookie. */
export async function signOutAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await endSession(actor);
  await signOut({ redirectTo: "/login" });
}

/**
 * The activity beacon's report (components/session/activity-beacon.tsx). A server action is the
 * user's activity by definition (lib/auth/user-activity.ts): resolving the actor touches the
 * session. Nothing else happens.
 */
export async function markActiveAction(): Promise<void> {
  await getActor();
}
