import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { ContactAttemptSchema } from "@/lib/schemas/triage";
import { changeAlert } from "./change-alert";

/** 劝阻记录: one attempt to reach the person; the first one stops the first-contact clock. */
export async function recordContactAttempt(actor: Actor, input: z.infer<typeof ContactAttemptSchema>): Promise<{ version: number }> {
  return changeAlert(actor, input, "attempt", async (tx, alert) => {
    const now = new Date();
    const attempt = await tx.contactAttempt.create({
      data: { cityId: alert.cityId, alertId: alert.id, userId: actor.userId, channel: input.channel, result: input.result, note: input.note ?? null, attemptedAt: now },
      select: { id: true },
    });
    return {
      data: alert.firstContactAt ? {} : { firstContactAt: now },
      event: "ATTEMPT",
      text: input.note,
      details: { attemptId: attempt.id, channel: input.channel, result: input.result },
    };
  });
}
