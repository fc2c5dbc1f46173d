import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { VisitAttemptInput } from "@/lib/schemas/instructions";
import { changeInstruction } from "./change-instruction";

/** Nobody home (several visits are normal): counted, on the timeline, and the team leaves the site. */
export async function recordVisitAttempt(actor: Actor, input: VisitAttemptInput): Promise<{ version: number }> {
  return changeInstruction(actor, input, "visitAttempt", async (_tx, instruction) => ({
    data: { status: "SIGNED_OFF", visitAttempts: { increment: 1 } },
    event: { kind: "VISIT_ATTEMPT", unitId: instruction.stationId, text: input.note ?? null },
  }));
}
