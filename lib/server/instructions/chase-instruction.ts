import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ChaseInput } from "@/lib/schemas/instructions";
import { recipients, recordInstructionStep, runInstructionStep } from "./change-instruction";

/**
 * 催办: the issuer or the district reminds the holder. Not a change of state (no version, so it
 * never conflicts with the station's work): a timeline line and a notification the holder sees.
 */
export async function chaseInstruction(actor: Actor, input: ChaseInput): Promise<void> {
  await runInstructionStep(actor, input.instructionId, "chase", async (tx, instruction) => {
    const holder = instruction.stationId ? recipients.station(instruction.stationId) : recipients.district(instruction.districtId);
    await recordInstructionStep(tx, actor, instruction, "chase", {
      event: { kind: "CHASED", unitId: instruction.stationId ?? instruction.districtId, text: input.note ?? null },
      notices: [{ kind: "INSTRUCTION_CHASED", to: holder }],
    });
  });
}
