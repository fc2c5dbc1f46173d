import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ForwardInstructionInput } from "@/lib/schemas/instructions";
import { changeInstruction, recipients } from "./change-instruction";
import { resolveTarget } from "./routing";

/**
 * A district coordinator forwards an instruction waiting at its district to one of its stations.
 * The deadlines keep running from the dispatch: forwarding is the district's own time.
 */
export async function forwardInstruction(actor: Actor, input: ForwardInstructionInput): Promise<{ version: number }> {
  return changeInstruction(actor, input, "forward", async (tx, instruction) => {
    const target = await resolveTarget(tx, actor, instruction.cityId, { stationId: input.stationId });
    return {
      data: { status: "AT_STATION", stationId: target.stationId },
      event: { kind: "FORWARDED", unitId: target.stationId, text: input.note ?? null },
      details: { stationId: target.stationId },
      notices: [{ kind: "INSTRUCTION_NEW", to: recipients.station(target.stationId!) }],
    };
  });
}
