import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { InstructionStepInput } from "@/lib/schemas/instructions";
import { changeInstruction } from "./change-instruction";

/** 签收: an officer of the station takes the instruction on (who, when). One winner. */
export async function signOffInstruction(actor: Actor, input: InstructionStepInput): Promise<{ version: number }> {
  return changeInstruction(actor, input, "signOff", async (_tx, instruction) => ({
    data: { status: "SIGNED_OFF", signedOffAt: new Date(), signedOffById: actor.userId },
    event: { kind: "SIGNED_OFF", unitId: instruction.stationId },
  }));
}
