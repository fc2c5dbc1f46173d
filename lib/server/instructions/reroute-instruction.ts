import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { RerouteInstructionInput } from "@/lib/schemas/instructions";
import { changeInstruction, recipients } from "./change-instruction";
import { deadlinesOfRouting, resolveTarget } from "./routing";

/**
 * Re-routes a declined instruction (or one not yet signed off) to another station or district:
 * the issuer anywhere in the city, a district coordinator within its district. The deadlines
 * start again for the new holder (its overdue marks too); the escalation time stays counted from
 * the first dispatch, and the issuer stays responsible until the new station signs (首接负责制).
 */
export async function rerouteInstruction(actor: Actor, input: RerouteInstructionInput): Promise<{ version: number }> {
  return changeInstruction(actor, input, "reroute", async (tx, instruction) => {
    const target = await resolveTarget(tx, actor, instruction.cityId, input);
    const now = new Date();
    const { signOffDeadline, feedbackDeadline } = await deadlinesOfRouting(tx, {
      cityId: instruction.cityId,
      riskLevel: instruction.riskLevel,
      issuedAt: instruction.issuedAt,
      routedAt: now,
    });
    return {
      data: {
        status: target.stationId ? "AT_STATION" : "AT_DISTRICT",
        districtId: target.districtId,
        stationId: target.stationId,
        routedAt: now,
        signOffDeadline,
        feedbackDeadline,
        signOffOverdueAt: null,
        feedbackOverdueAt: null,
        signedOffAt: null,
        signedOffById: null,
        declineReason: null,
        suggestedStationId: null,
      },
      event: { kind: "REROUTED", unitId: target.stationId ?? target.districtId, text: input.note ?? null, data: { from: instruction.stationId } },
      details: { stationId: target.stationId, districtId: target.districtId, fromStationId: instruction.stationId },
      notices: [{ kind: "INSTRUCTION_NEW", to: target.stationId ? recipients.station(target.stationId) : recipients.district(target.districtId) }],
    };
  });
}
