import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { revokeSession } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record-audit";

/** Sign-out: the session row is revoked (a copied cookie dies with it) and the sign-out audited. */
export async function endSession(actor: Actor, now = new Date()): Promise<void> {
  const sessionId = actor.sessionId;
  if (!sessionId) return;
  await db.$transaction(async (tx) => {
    await revokeSession(sessionId, "sign_out", now, tx);
    await recordAudit(tx, actor, { action: "auth.sign_out", outcome: "SUCCESS", entityType: "session", entityId: sessionId });
  });
}
