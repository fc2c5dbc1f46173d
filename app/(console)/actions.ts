"use server";

import { signOut } from "@/lib/auth/auth";
import { getActor } from "@/lib/auth/get-actor";
import { revokeSession } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";

/** Ends the session row first (so a copied cookie is dead too), then clears the cookie. */
export async function signOutAction(): Promise<void> {
  const actor = await getActor();
  if (actor?.sessionId) {
    const sessionId = actor.sessionId;
    await db.$transaction(async (tx) => {
      await revokeSession(sessionId, "sign_out", new Date(), tx);
      await recordAudit(tx, actor, { action: "auth.sign_out", outcome: "SUCCESS", entityType: "session", entityId: sessionId });
    });
  }
  await signOut({ redirectTo: "/login" });
}
