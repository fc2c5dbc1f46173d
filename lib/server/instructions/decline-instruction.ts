import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ValidationError } from "@/lib/errors";
import type { DeclineInstructionInput } from "@/lib/schemas/instructions";
import { changeInstruction, recipients } from "./change-instruction";

/**
 * 退回: the station returns the instruction — not its jurisdiction (naming the station it
 * believes right) or the wrong person. It goes back to the issuer to re-route; the district sees
 * it waiting too. The station no longer holds it.
 */
export async function declineInstruction(actor: Actor, input: DeclineInstructionInput): Promise<{ version: number }> {
  return changeInstruction(actor, input, "decline", async (tx, instruction) => {
    let suggestedStationId: string | null = null;
    if (input.reason === "NOT_OUR_JURISDICTION" && input.suggestedStationId) {
      const station = await tx.orgUnit.findFirst({
        where: { id: input.suggestedStationId, kind: "STATION", cityId: instruction.cityId, NOT: { id: instruction.stationId ?? undefined } },
        select: { id: true },
      });
      if (!station) throw new ValidationError("validation.unknownStation", "suggestedStationId");
      suggestedStationId = station.id;
    }
    return {
      data: {
        status: "DECLINED",
        stationId: null,
        declineReason: input.reason,
        suggestedStationId,
        declinedFromStationId: instruction.stationId,
        signedOffAt: null,
        signedOffById: null,
      },
      event: { kind: "DECLINED", unitId: instruction.stationId, text: input.note ?? null, data: { reason: input.reason, suggestedStationId } },
      details: { reason: input.reason, suggestedStationId },
      notices: [
        { kind: "INSTRUCTION_DECLINED", to: recipients.issuer(instruction) },
        ...(instruction.issuerUnitId === instruction.districtId ? [] : [{ kind: "INSTRUCTION_DECLINED" as const, to: recipients.district(instruction.districtId) }]),
      ],
    };
  });
}
