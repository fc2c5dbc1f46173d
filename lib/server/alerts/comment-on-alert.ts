import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CommentSchema } from "@/lib/schemas/triage";
import { runTriageStep, writeAlertEvent } from "./change-alert";

/** Comments are appended, never edited, so they need no version. */
export async function commentOnAlert(actor: Actor, input: z.infer<typeof CommentSchema>): Promise<void> {
  await runTriageStep(actor, input.alertId, "comment", async (tx, alert) => {
    await writeAlertEvent(tx, actor, alert, "COMMENT", input.text);
    await recordAudit(tx, actor, { action: "alert.comment", outcome: "SUCCESS", entityType: "alert", entityId: alert.id });
  });
}
