import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { CancelInstructionInput } from "@/lib/schemas/instructions";
import { changeInstruction, recipients } from "./change-instruction";

/** The issuer withdraws an instruction no longer needed (the person was reached by phone), with the reason. */
export async function cancelInstruction(actor: Actor, input: CancelInstructionInput): Promise<{ version: number }> {
  return changeInstruction(actor, input, "cancel", async (_tx, instruction) => ({
    data: { status: "CANCELLED", closedAt: new Date(), closedById: actor.userId, nextReminderAt: null },
    event: { kind: "CANCELLED", text: input.note },
    // Whoever holds it hears: the station, or the district where it waits (to forward, or declined to re-route).
    notices: [{ kind: "INSTRUCTION_CANCELLED", to: instruction.stationId ? recipients.station(instruction.stationId) : recipients.district(instruction.districtId) }],
  }));
}
